import type { CostTable } from './costs';
import { ServiceError, messages } from './errors';
import { type Realm, vmError } from './realm';
import type { WorldState } from './state';

// One execution: its virtual clock, instruments, fault injection and authorization mode.

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';
export type Via = 'google.script.run' | 'menu' | 'trigger';

/**
 * How the script's own CPU time (its code between service calls) reaches the virtual clock:
 * 'estimate' charges the cost table's deterministic figures per service call and per cell read or written;
 * 'measured' charges the process CPU actually spent in the bundle's code, times `scriptCpuFactor`;
 * 'off' charges nothing. See emulator/README.md ("The script's own CPU").
 */
export type CpuMode = 'estimate' | 'measured' | 'off';

export interface ExecutionOptions {
  authMode: AuthMode;
  activeSpreadsheet: string | null;
  ui: boolean;
  failAt?: { call: number; message?: string; catchable?: boolean };
  via: Via;
  /** The document the execution belongs to (active spreadsheet, or the trigger's source). */
  documentId: string | null;
  cpu?: CpuMode;
  /** Run before the round trip with that number (1-based), before it has any effect. */
  beforeCall?: Record<number, (moment: { call: number; nowMs: number }) => void>;
}

export interface ExecutionStats {
  calls: Record<string, number>;
  roundTrips: number;
  cellsRead: number;
  cellsWritten: number;
  virtualMs: number;
  wallMs: number;
  /** Part of virtualMs charged for the script's own CPU (see CpuMode). */
  scriptMs: number;
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
const SEND_MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const SCOPES: Record<string, string> = {
  SpreadsheetApp: SPREADSHEETS,
  Spreadsheet: SPREADSHEETS,
  Sheet: SPREADSHEETS,
  Range: SPREADSHEETS,
  DeveloperMetadata: SPREADSHEETS,
  DeveloperMetadataFinder: SPREADSHEETS,
  DeveloperMetadataLocation: SPREADSHEETS,
  Protection: SPREADSHEETS,
  DriveApp: DRIVE,
  File: DRIVE,
  Folder: DRIVE,
  FileIterator: DRIVE,
  FolderIterator: DRIVE,
  ScriptApp: SCRIPTAPP,
  TriggerBuilder: SCRIPTAPP,
  ClockTriggerBuilder: SCRIPTAPP,
  Trigger: SCRIPTAPP,
  MailApp: SEND_MAIL,
};
/** Other scopes that also allow a class's calls (the reference pages list them per method). */
const ALSO: Record<string, string[]> = {
  [SPREADSHEETS]: [`${SPREADSHEETS}.currentonly`],
  [DRIVE]: [`${DRIVE}.file`, `${DRIVE}.readonly`],
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
const FULL_ONLY_CLASSES = new Set([
  'DriveApp',
  'File',
  'Folder',
  'FileIterator',
  'FolderIterator',
  'MailApp',
]);
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

/**
 * With explicit oauthScopes in the manifest, a call needs one of them
 * (https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes).
 */
function scopeError(granted: string[] | null, cls: string, method: string): string | null {
  const scope = SCOPES[cls];
  if (granted === null || scope === undefined) return null;
  if (granted.includes(scope) || (ALSO[scope] ?? []).some((s) => granted.includes(s))) return null;
  return messages.permission(`${cls}.${method}`, scope);
}

function authorizationError(mode: AuthMode, cls: string, method: string): string | null {
  const call = `${cls}.${method}`;
  if (mode === 'FULL' || NO_AUTH_CLASSES.has(cls) || NO_AUTH_CALLS.has(call)) return null;
  if (mode === 'LIMITED' && !FULL_ONLY_CLASSES.has(cls) && !FULL_ONLY_CALLS.has(call)) return null;
  return messages.permission(call, SCOPES[cls]);
}

/** Process CPU time in microseconds (user + system). */
function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

export class Execution {
  readonly startMs: number;
  readonly wallStart = Date.now();
  private elapsedMs = 0;
  private pendingWriteMs = 0;
  private scriptMs = 0;
  /** 'measured' mode: CPU reading when the script's code last got control; null while a service call runs. */
  private scriptSince: number | null = null;
  private depth = 0;
  readonly stats: Omit<ExecutionStats, 'virtualMs' | 'wallMs' | 'scriptMs'> = {
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

  get cpu(): CpuMode {
    return this.options.cpu ?? 'estimate';
  }

  /** The execution's current virtual time, in whole milliseconds like Date.now(). */
  nowMs(): number {
    return Math.floor(this.startMs + this.elapsedMs + this.unchargedScriptMs());
  }

  /** The runner calls this when control passes to the bundle's code (its entry function). */
  enterScript(): void {
    if (this.cpu === 'measured') this.scriptSince = cpuMicros();
  }

  /** ...and this when the entry function has returned or thrown. */
  leaveScript(): void {
    this.chargeScriptSoFar();
    this.scriptSince = null;
  }

  private unchargedScriptMs(): number {
    if (this.scriptSince === null) return 0;
    return ((cpuMicros() - this.scriptSince) / 1000) * this.costs.scriptCpuFactor;
  }

  private chargeScriptSoFar(): void {
    const ms = this.unchargedScriptMs();
    this.scriptMs += ms;
    this.elapsedMs += ms;
    if (this.scriptSince !== null) this.scriptSince = cpuMicros();
  }

  /** 'estimate' mode: the script's work on `cells` cells it read or wrote, in Apps Script time. */
  private estimateScript(cells: number, perCallUs: number): void {
    if (this.cpu !== 'estimate') return;
    const ms = (perCallUs + cells * this.costs.scriptPerCellUs) / 1000;
    this.scriptMs += ms;
    this.elapsedMs += ms;
  }

  get virtualMs(): number {
    return this.elapsedMs;
  }

  error(message: string): Error {
    return vmError(this.realm, message);
  }

  /** Every call on an emulated service object goes through here. */
  invoke<T>(cls: string, method: string, fn: () => T): T {
    if (this.depth > 0) return this.serve(fn);
    this.chargeScriptSoFar();
    const since = this.scriptSince;
    this.scriptSince = null;
    this.depth += 1;
    try {
      return this.call(cls, method, fn);
    } finally {
      this.depth -= 1;
      if (since !== null) this.scriptSince = cpuMicros();
    }
  }

  private call<T>(cls: string, method: string, fn: () => T): T {
    if (this.fatal) throw this.fatal;
    const name = `${cls}.${method}`;
    this.stats.calls[name] = (this.stats.calls[name] ?? 0) + 1;
    this.estimateScript(0, this.costs.scriptPerCallUs);
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
      const n = this.stats.roundTrips;
      this.options.beforeCall?.[n]?.({ call: n, nowMs: this.nowMs() });
    }
    const denied =
      authorizationError(this.options.authMode, cls, method) ??
      scopeError(this.world.manifestScopes, cls, method);
    if (denied) throw this.error(denied);
    return this.serve(fn);
  }

  private serve<T>(fn: () => T): T {
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
    this.estimateScript(cells, 0);
  }

  /** A write, charged when committed (flush, a read, or the end of the execution). */
  write(cells: number, perCellUs = this.costs.writePerCellUs, baseMs = this.costs.writeBaseMs): void {
    this.pendingWriteMs += baseMs + (cells * perCellUs) / 1000;
    this.stats.cellsWritten += cells;
    // one value over a block: the script built no grid for it
    if (perCellUs !== this.costs.fillPerCellUs) this.estimateScript(cells, 0);
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
    this.leaveScript();
    this.commit();
    if (!this.fatal && this.elapsedMs > this.costs.executionLimitMs)
      this.fatal = this.error(messages.timeout);
    return {
      ...this.stats,
      virtualMs: this.elapsedMs,
      wallMs: Date.now() - this.wallStart,
      scriptMs: this.scriptMs,
    };
  }
}

export function hostError(message: string): ServiceError {
  return new ServiceError(message);
}
