/** Keys the Hosts screen handles; src/keymap.ts aggregates them and the help overlay is generated from them. */
export const hostsBindings = [
  { keys: ['up', 'k'], action: 'up', description: 'Select the previous host' },
  { keys: ['down', 'j'], action: 'down', description: 'Select the next host' },
  { keys: ['return'], action: 'activate', description: 'Make the selected host the active one' },
  { keys: ['a'], action: 'add', description: 'Add a host (saved to settings)' },
  { keys: ['e'], action: 'edit', description: 'Edit the selected host' },
  { keys: ['d'], action: 'remove', description: 'Remove the selected host' },
  { keys: ['m'], action: 'models', description: 'Toggle the merged model-location view' },
  { keys: ['r'], action: 'refresh', description: 'Check health again now' },
] as const;
