/** The tabs, in number-key order. 5-8 are reserved for the next wave and shown as "soon". */
export const tabs = [
  { id: 'models', key: '1', title: 'Models', available: true },
  { id: 'chat', key: '2', title: 'Chat', available: true },
  { id: 'monitor', key: '3', title: 'Monitor', available: true },
  { id: 'hosts', key: '4', title: 'Hosts', available: true },
  { id: 'modelfile', key: '5', title: 'Modelfile', available: false },
  { id: 'bench', key: '6', title: 'Bench', available: false },
  { id: 'settings', key: '7', title: 'Settings', available: false },
  { id: 'backup', key: '8', title: 'Backup', available: false },
] as const;

export type TabId = (typeof tabs)[number]['id'];
export type AvailableTabId = Extract<(typeof tabs)[number], { available: true }>['id'];
