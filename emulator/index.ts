// The in-memory Apps Script emulator: see emulator/README.md.
export { World } from './world';
export type { WorldOptions, SpreadsheetSpec, Totals } from './world';
export type { RunOptions, RunResult, RunStats, TriggerRunResult } from './runner';
export { SpreadsheetModel, SheetModel } from './models';
export type { SheetSpec } from './models';
export type { CostTable } from './costs';
export { DEFAULT_COSTS } from './costs';
export type { MailRecord } from './state';
export type { AlertRecord, AlertResponse, AlertAnswer, MenuRecord, UiRecord } from './state';
export type { LogEntry, ExecutionStats, AuthMode, Via } from './execution';
export { messages } from './errors';
export type { CpuMode } from './execution';
export { OtherUser, EditRefused } from './other-user';
export type { OtherWrite, OtherWriteKind } from './other-user';
export { PROTECTED_EDIT } from './model/protections';
