// The in-memory Apps Script emulator: see emulator/README.md.
export { World } from './world';
export type { WorldOptions, SpreadsheetSpec, Totals } from './world';
export type { RunOptions, RunResult, RunStats, TriggerRunResult } from './runner';
export { SpreadsheetModel, SheetModel } from './models';
export type { SheetSpec } from './models';
export type { CostTable } from './costs';
export { DEFAULT_COSTS } from './costs';
export type { AlertRecord, AlertResponse, AlertAnswer, MenuRecord, UiRecord } from './state';
export type { LogEntry, ExecutionStats, AuthMode, Via } from './execution';
export { messages } from './errors';
