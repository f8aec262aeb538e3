import type { CostTable } from './costs';
import { ServiceError, messages } from './errors';
import { type Realm, vmError } from './realm';
import type { WorldState } from './state';

// One execution: its virtual clock, instruments, fault injection and authorization mode.

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';
export type Via = 'google.script.run' | 'menu' | 'trigger';

export interface ExecutionOptions {
  authMode: AuthMode;
  activeSpreadsheet: string | null;
  ui: boolean;
  failAt?: { call: number; message?: string; catchable?: boolean };
  via: Via;
  /** The document the execution belongs to (active spreadsheet, or the trigger's source). */
  documentId: string | null;
}

export interface ExecutionStats {
  calls: Record<string, number>;
  roundTrips: number;
  cellsRead: number;
  cellsWritten: number;
  virtualMs: number;
  wallMs: number;
}

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

/** Handle getters that do not reach the server (the team brief's definition of a round trip). */
const HANDLE_GETTERS = new Set(['getRange', 'getSheetByName', 'getSheets', 'getActiveSheet', 'getName']);
/** Services that run inside the script's own process: counted per method, never round trips. */
const LOCAL_CLASSES = new Set(['Logger', 'Utilities', 'Blob']);

const SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const DRIVE = 'https://www.googleapis.com/auth/drive';
const SCRIPTAPP = 'https://www.googleapis.com/auth/script.scriptapp';
const SCOPES: Record<string, string> = {
  SpreadsheetApp: SPREADSHEETS,
  Spreadsheet: SPREADSHEETS,
  Sheet: SPREADSHEETS,
  Range: SPREADSHEETS,
  DeveloperMetadata: SPREADSHEETS,
  DeveloperMetadataFinder: SPREADSHEETS,
  DeveloperMetadataLocation: SPREADSHEETS,
  DriveApp: DRIVE,
  File: DRIVE,
  Folder: DRIVE,
  FileIterator: DRIVE,
  FolderIterator: DRIVE,
  ScriptApp: SCRIPTAPP,
  TriggerBuilder: SCRIPTAPP,
  ClockTriggerBuilder: SCRIPTAPP,
  Trigger: SCRIPTAPP,
};
/** What needs no authorization at all: usable in AuthMode.NONE (simple triggers of an add-on). */
const NO_AUTH_CLASSES = new Set([
  'Ui',
  'Menu',
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
  'Utilities',
  'Logger',
  'Blob',
]);
const NO_AUTH_CALLS = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getUi',
  'Session.getActiveUserLocale',
  'Session.getScriptTimeZone',
]);
/** Beyond the current document: refused in AuthMode.LIMITED too. */
const FULL_ONLY_CLASSES = new Set(['DriveApp', 'File', 'Folder', 'FileIterator', 'FolderIterator']);
const FULL_ONLY_CALLS = new Set([
  'SpreadsheetApp.openById',
  'SpreadsheetApp.openByUrl',
  'SpreadsheetApp.create',
  'ScriptApp.newTrigger',
  'ScriptApp.getProjectTriggers',
  'ScriptApp.getUserTriggers',
  'ScriptApp.deleteTrigger',
]);

export function countsAsRoundTrip(cls: string, method: string): boolean {
  return !HANDLE_GETTERS.has(method) && !LOCAL_CLASSES.has(cls);
}

function authorizationError(mode: AuthMode, cls: string, method: string): string | null {
  const call = `${cls}.${method}`;
  if (mode === 'FULL' || NO_AUTH_CLASSES.has(cls) || NO_AUTH_CALLS.has(call)) return null;
  if (mode === 'LIMITED' && !FULL_ONLY_CLASSES.has(cls) && !FULL_ONLY_CALLS.has(call)) return null;
  return messages.permission(call, SCOPES[cls]);
}

export class Execution {
  readonly startMs: number;
  readonly wallStart = Date.now();
  private elapsedMs = 0;
  private pendingWriteMs = 0;
  readonly stats: Omit<ExecutionStats, 'virtualMs' | 'wallMs'> = {
    calls: {},
    roundTrips: 0,
    cellsRead: 0,
    cellsWritten: 0,
  };
  readonly logs: LogEntry[] = [];
  /** Set when the platform ends the execution (time limit, injected crash): nothing can catch it. */
  fatal: Error | null = null;
  readonly heldLocks = new Set<string>();
  /** Active sheet per spreadsheet id (sheetId), as set by activate()/setActiveSheet(). */
  readonly activeSheets = new Map<string, number>();
  realm!: Realm;

  constructor(
    readonly world: WorldState,
    readonly options: ExecutionOptions,
  ) {
    this.startMs = world.clock.nowMs();
  }

  get costs(): CostTable {
    return this.world.costs;
  }

  /** The execution's current virtual time, in whole milliseconds like Date.now(). */
  nowMs(): number {
    return Math.floor(this.startMs + this.elapsedMs);
  }

  get virtualMs(): number {
    return this.elapsedMs;
  }

  error(message: string): Error {
    return vmError(this.realm, message);
  }

  /** Every call on an emulated service object goes through here. */
  invoke<T>(cls: string, method: string, fn: () => T): T {
    if (this.fatal) throw this.fatal;
    const name = `${cls}.${method}`;
    this.stats.calls[name] = (this.stats.calls[name] ?? 0) + 1;
    if (this.elapsedMs > this.costs.executionLimitMs) {
      this.fatal = this.error(messages.timeout);
      throw this.fatal;
    }
    if (countsAsRoundTrip(cls, method)) {
      this.stats.roundTrips += 1;
      const failAt = this.options.failAt;
      if (failAt && this.stats.roundTrips === failAt.call) {
        const e = this.error(failAt.message ?? `Injected failure at service call ${failAt.call} (${name})`);
        if (!failAt.catchable) this.fatal = e;
        throw e;
      }
    }
    const denied = authorizationError(this.options.authMode, cls, method);
    if (denied) throw this.error(denied);
    try {
      return fn();
    } catch (e) {
      if (e instanceof ServiceError) throw this.error(e.message);
      throw e;
    }
  }

  charge(ms: number): void {
    this.elapsedMs += ms;
  }

  /** A read: commits pending writes first (as Apps Script flushes before reading), then charges the read. */
  read(cells: number): void {
    this.commit();
    this.charge(this.costs.readBaseMs + (cells * this.costs.readPerCellUs) / 1000);
    this.stats.cellsRead += cells;
  }

  /** A write, charged when committed (flush, a read, or the end of the execution). */
  write(cells: number, perCellUs = this.costs.writePerCellUs, baseMs = this.costs.writeBaseMs): void {
    this.pendingWriteMs += baseMs + (cells * perCellUs) / 1000;
    this.stats.cellsWritten += cells;
  }

  /** A structural change (insert/delete rows or columns...), queued like a write. */
  structure(cellsMoved: number): void {
    this.pendingWriteMs += this.costs.structureBaseMs + (cellsMoved * this.costs.structurePerCellUs) / 1000;
  }

  commit(): void {
    this.charge(this.pendingWriteMs);
    this.pendingWriteMs = 0;
  }

  /** Sleeping advances the virtual clock only. */
  sleep(ms: number): void {
    this.charge(ms);
  }

  log(level: LogEntry['level'], message: string): void {
    this.logs.push({ level, message });
  }

  finish(): ExecutionStats {
    this.commit();
    if (!this.fatal && this.elapsedMs > this.costs.executionLimitMs)
      this.fatal = this.error(messages.timeout);
    return { ...this.stats, virtualMs: this.elapsedMs, wallMs: Date.now() - this.wallStart };
  }
}

export function hostError(message: string): ServiceError {
  return new ServiceError(message);
}
