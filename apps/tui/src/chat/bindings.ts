/** Keys the Chat screen handles; src/keymap.ts aggregates them and the help overlay is generated from them. */
export const chatBindings = [
  { keys: ['return'], action: 'send', description: 'Send the message' },
  { keys: ['escape'], action: 'stop', description: 'Stop generating' },
  { keys: ['ctrl+n'], action: 'new-chat', description: 'Start a new chat' },
  { keys: ['ctrl+o'], action: 'past-chats', description: 'Past chats: search and resume' },
  { keys: ['ctrl+t'], action: 'switch-model', description: 'Switch model (history is kept)' },
  {
    keys: ['ctrl+p'],
    action: 'settings',
    description: 'System prompt and options (temperature, num_ctx, keep_alive)',
  },
  { keys: ['ctrl+s', 's'], action: 'save', description: 'Save the chat and its settings' },
  { keys: ['ctrl+y', 'y'], action: 'copy-reply', description: 'Copy the last reply (OSC 52)' },
  { keys: ['ctrl+b', 'b'], action: 'copy-code', description: 'Copy the last code block (OSC 52)' },
  { keys: ['ctrl+e', 'e'], action: 'export', description: 'Export the chat to Markdown' },
  { keys: ['ctrl+r', 't'], action: 'toggle-thinking', description: 'Show or collapse thinking' },
  { keys: ['tab'], action: 'focus', description: 'Toggle focus between input and transcript' },
] as const;
