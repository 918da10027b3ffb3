/** Keys the Monitor screen handles; src/keymap.ts aggregates them and the help overlay is generated from them. */
export const monitorBindings = [
  { keys: ['p'], action: 'pause', description: 'Pause or resume live refresh' },
  { keys: ['r'], action: 'refresh', description: 'Refresh now' },
  { keys: ['u'], action: 'unload', description: 'Unload the selected model' },
  { keys: ['up', 'k'], action: 'up', description: 'Select the previous loaded model' },
  { keys: ['down', 'j'], action: 'down', description: 'Select the next loaded model' },
] as const;
