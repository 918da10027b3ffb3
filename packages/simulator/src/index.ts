export type { Capability, ModelSpec } from './catalogue.js';
export { catalogue, defaultModels } from './catalogue.js';
export type { AppliedFault, Fault } from './faults.js';
export type { RequestLogEntry } from './simulator-state.js';
export type { Simulator, SimulatorOptions } from './start-simulator.js';
export { startSimulator } from './start-simulator.js';
export { simulatorVersion } from './version.js';
