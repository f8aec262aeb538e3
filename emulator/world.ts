import fs from 'node:fs';
import path from 'node:path';
import { VirtualClock } from './clock';
import { DEFAULT_COSTS, type CostTable } from './costs';
import { IdSource } from './ids';
import { fillSheet, SpreadsheetModel, type SheetSpec } from './models';
import { newSpreadsheet } from './model/workbooks';
import {
  runDueTriggers,
  runExecution,
  type RunOptions,
  type RunResult,
  type TriggerRunResult,
} from './runner';
import { driveFacade } from './drive-facade';
import { snapshotOf, type SnapshotOptions } from './snapshot';
import { spreadsheetHandle } from './spreadsheet/spreadsheet';
import { FOLDER_MIME, type MailRecord, type UiRecord, type WorldState } from './state';
import { defaultResponse } from './ui';
import { ServiceError } from './errors';
import type { CpuMode } from './execution';
import { EditRefused, OtherUser, type OtherWrite } from './other-user';

function cpuMode(mode: unknown): CpuMode {
  if (mode === undefined) return 'estimate';
  if (mode === 'estimate' || mode === 'measured' || mode === 'off') return mode;
  throw new Error(`World option "cpu" must be 'estimate', 'measured' or 'off', got ${JSON.stringify(mode)}`);
}

export interface WorldOptions {
  /** Folder holding the built bundle (every .js file is loaded). Default: <repo>/dist */
  distDir?: string;
  /** 'addon' (default): time-driven triggers at most hourly, one per document. */
  installation?: 'addon' | 'bound';
  /** ISO start of the virtual clock. */
  now?: string;
  costs?: Partial<CostTable>;
  /**
   * The script's own CPU on the virtual clock: 'estimate' (default, deterministic: the cost table's
   * scriptPerCallUs/scriptPerCellUs), 'measured' (process CPU of the bundle's code x scriptCpuFactor), 'off'.
   */
  cpu?: CpuMode;
  user?: { email?: string; locale?: string };
  /** Script time zone; default: appsscript.json's timeZone in distDir, else America/Santiago. */
  timeZone?: string;
  /** MailApp's daily recipients: 100 for consumer accounts (default), 1,500 for Google Workspace. */
  mailRecipientsPerDay?: number;
}

export interface SpreadsheetSpec {
  name: string;
  folderId?: string;
  sheets: SheetSpec[];
  /** false: the user may only view it (writes throw). */
  editable?: boolean;
  /** The owner's email (default: the world's user, who then can always edit protected ranges). */
  owner?: string;
  /** Other users it is shared with for editing (world.as(email) writes need one of these, or the owner). */
  editors?: string[];
  timeZone?: string;
  locale?: string;
}

export interface Totals {
  executions: number;
  roundTrips: number;
  cellsRead: number;
  cellsWritten: number;
  virtualMs: number;
  wallMs: number;
  /** Part of virtualMs charged for the script's own CPU. */
  scriptMs: number;
  calls: Record<string, number>;
}

function manifestOf(distDir: string): { timeZone?: string; oauthScopes?: string[] } {
  try {
    return JSON.parse(fs.readFileSync(path.join(distDir, 'appsscript.json'), 'utf8')) as {
      timeZone?: string;
      oauthScopes?: string[];
    };
  } catch {
    return {};
  }
}

export class World {
  private readonly state: WorldState;
  readonly totals: Totals = {
    executions: 0,
    roundTrips: 0,
    cellsRead: 0,
    cellsWritten: 0,
    virtualMs: 0,
    wallMs: 0,
    scriptMs: 0,
    calls: {},
  };

  constructor(options: WorldOptions = {}) {
    const distDir = path.resolve(options.distDir ?? path.join(__dirname, '..', 'dist'));
    const manifest = manifestOf(distDir);
    const ui: UiRecord = {
      menus: [],
      alerts: [],
      sidebars: [],
      dialogs: [],
      toasts: [],
      respond: defaultResponse,
    };
    this.state = {
      clock: new VirtualClock(options.now ?? '2026-11-24T12:00:00.000Z'),
      costs: { ...DEFAULT_COSTS, ...options.costs },
      cpu: cpuMode(options.cpu),
      ids: new IdSource(),
      installation: options.installation ?? 'addon',
      user: { email: options.user?.email ?? 'owner@example.com', locale: options.user?.locale ?? 'en' },
      distDir,
      scriptTimeZone: options.timeZone ?? manifest.timeZone ?? 'America/Santiago',
      spreadsheets: new Map(),
      drive: { items: new Map(), rootId: 'root' },
      properties: { script: new Map(), user: new Map(), documents: new Map() },
      caches: new Map(),
      triggers: [],
      locksHeldElsewhere: new Set(),
      ui,
      manifestScopes: Array.isArray(manifest.oauthScopes) ? [...manifest.oauthScopes] : null,
      mail: [],
      mailRecipientsPerDay: options.mailRecipientsPerDay ?? 100,
      mailQuota: { windowStart: null, used: 0 },
      copyFault: null,
    };
    const now = this.state.clock.nowMs();
    this.state.drive.items.set('root', {
      id: 'root',
      name: 'My Drive',
      kind: 'folder',
      mimeType: FOLDER_MIME,
      parents: [],
      trashed: false,
      createdAt: now,
      updatedAt: now,
      writable: true,
    });
  }

  get clock(): VirtualClock {
    return this.state.clock;
  }

  get ui(): UiRecord {
    return this.state.ui;
  }

  /** Every email the scripts sent (MailApp), oldest first. */
  get mail(): MailRecord[] {
    return this.state.mail.map((m) => ({ ...m, to: [...m.to], cc: [...m.cc], bcc: [...m.bcc] }));
  }

  get costs(): Readonly<CostTable> {
    return this.state.costs;
  }

  /**
   * Changes the cost table from the next execution on: Sheets' speed varies from hour to hour, so a long operation
   * may start fast and go on slow (a test slows the reads between a migration and its rollback).
   */
  setCosts(costs: Partial<CostTable>): void {
    this.state.costs = { ...this.state.costs, ...costs };
  }

  createSpreadsheet(spec: SpreadsheetSpec): SpreadsheetModel {
    if (!spec.sheets || spec.sheets.length === 0)
      throw new Error(`createSpreadsheet("${spec.name}"): give at least one sheet`);
    let data;
    try {
      data = newSpreadsheet(this.state, spec);
    } catch (e) {
      if (e instanceof ServiceError)
        throw new Error(`createSpreadsheet("${spec.name}"): folder ${spec.folderId} not found`);
      throw e;
    }
    for (const sheet of spec.sheets) fillSheet(data, sheet);
    return new SpreadsheetModel(data);
  }

  /** A spreadsheet of this world by id (including copies the code made). */
  spreadsheet(id: string): SpreadsheetModel {
    const data = this.state.spreadsheets.get(id);
    if (!data) throw new Error(`No spreadsheet ${id} in this world`);
    return new SpreadsheetModel(data);
  }

  spreadsheetIds(): string[] {
    return [...this.state.spreadsheets.keys()];
  }

  readonly drive = driveFacade(() => this.state);

  /** Every write made by other users (world.as), in order, refused ones included with their error. */
  readonly otherWrites: OtherWrite[] = [];
  private moment: { nowMs: number; beforeCall: number } | null = null;
  private interleaved: OtherWrite[] | null = null;

  /**
   * Another user of this world's spreadsheets (the app's account, a colleague): their writes go straight to
   * the sheets, as typed input, subject to protections, counted apart from any execution. Call its methods
   * between executions, or inside RunOptions.beforeCall hooks to write between two service calls of one.
   * The user must own the spreadsheet or be one of its editors (SpreadsheetSpec.editors, model.addEditor).
   */
  as(email: string): OtherUser {
    if (typeof email !== 'string' || !email.includes('@'))
      throw new Error(`world.as(email): give an email address, got ${JSON.stringify(email)}`);
    return new OtherUser(email, {
      state: this.state,
      moment: () => this.moment ?? { nowMs: this.state.clock.nowMs(), beforeCall: null },
      record: (w) => {
        this.otherWrites.push(w);
        this.interleaved?.push(w);
      },
    });
  }

  /** Hooks run by the execution before call k: they see its time; a refused write is recorded, not thrown. */
  private hooks(options: RunOptions): { options: RunOptions; failures: unknown[] } {
    const failures: unknown[] = [];
    if (!options.beforeCall) return { options, failures };
    const beforeCall: NonNullable<RunOptions['beforeCall']> = {};
    for (const [k, hook] of Object.entries(options.beforeCall)) {
      const call = Number(k);
      if (!Number.isInteger(call) || call < 1)
        throw new Error(`beforeCall keys are round-trip numbers from 1, got ${JSON.stringify(k)}`);
      if (typeof hook !== 'function') throw new Error(`beforeCall[${k}] must be a function`);
      beforeCall[call] = (moment) => {
        this.moment = { nowMs: moment.nowMs, beforeCall: call };
        try {
          hook(moment);
        } catch (e) {
          if (!(e instanceof EditRefused)) failures.push(e);
        } finally {
          this.moment = null;
        }
      };
    }
    return { options: { ...options, beforeCall }, failures };
  }

  /**
   * A fault, not platform behaviour: from now on every spreadsheet copy made by File.makeCopy is handed to
   * `damage` right after it is made (with its number, 1 for the first), which may change it, as a copy that came
   * out wrong. null ends the fault.
   */
  damageCopies(damage: ((copy: SpreadsheetModel, nth: number) => void) | null): void {
    this.state.copyFault = damage
      ? { damage: (copy, nth) => damage(new SpreadsheetModel(copy), nth), made: 0 }
      : null;
  }

  documentProperties(spreadsheetId: string): Record<string, string> {
    return Object.fromEntries(this.state.properties.documents.get(spreadsheetId) ?? []);
  }

  scriptProperties(): Record<string, string> {
    return Object.fromEntries(this.state.properties.script);
  }

  userProperties(): Record<string, string> {
    return Object.fromEntries(this.state.properties.user);
  }

  /** Direct edit of a document property store (as another user or a past version would have left it). */
  setDocumentProperty(spreadsheetId: string, key: string, value: string | null): void {
    const docs = this.state.properties.documents;
    if (!docs.has(spreadsheetId)) docs.set(spreadsheetId, new Map());
    const store = docs.get(spreadsheetId) as Map<string, string>;
    if (value === null) store.delete(key);
    else store.set(key, value);
  }

  triggers(): {
    id: string;
    handler: string;
    type: 'CLOCK';
    nextRunAt: string | null;
    everyMs: number | null;
    spreadsheetId?: string;
  }[] {
    return this.state.triggers.map((t) => ({
      id: t.id,
      handler: t.handler,
      type: t.type,
      nextRunAt: t.nextRunAt === null ? null : new Date(t.nextRunAt).toISOString(),
      everyMs: t.everyMs,
      ...(t.spreadsheetId ? { spreadsheetId: t.spreadsheetId } : {}),
    }));
  }

  /** Another execution holds (or releases) the document lock of a spreadsheet, or the script lock ('script'). */
  lockHeldElsewhere(spreadsheetId: string, held: boolean): void {
    const key =
      spreadsheetId === 'script' || spreadsheetId === 'user' ? spreadsheetId : `document:${spreadsheetId}`;
    if (held) this.state.locksHeldElsewhere.add(key);
    else this.state.locksHeldElsewhere.delete(key);
  }

  private record(r: RunResult): RunResult {
    const t = this.totals;
    t.executions += 1;
    t.roundTrips += r.stats.roundTrips;
    t.cellsRead += r.stats.cellsRead;
    t.cellsWritten += r.stats.cellsWritten;
    t.virtualMs += r.stats.virtualMs;
    t.wallMs += r.stats.wallMs;
    t.scriptMs += r.stats.scriptMs;
    for (const [k, n] of Object.entries(r.stats.calls)) t.calls[k] = (t.calls[k] ?? 0) + n;
    return r;
  }

  /** One execution of the bundle's global function `fnName`. */
  run(fnName: string, args: unknown[] = [], options: RunOptions = {}): RunResult {
    const { options: opts, failures } = this.hooks(options);
    const writes: OtherWrite[] | null = opts.beforeCall ? [] : null;
    this.interleaved = writes;
    let r: RunResult;
    try {
      r = runExecution(this.state, fnName, args, opts);
    } finally {
      this.interleaved = null;
    }
    if (failures.length > 0) {
      const e = failures[0];
      throw new Error(`a beforeCall hook failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    return this.record(writes ? { ...r, interleaved: writes } : r);
  }

  /** Like run, but returns the value or throws an Error with the execution's error message. */
  call(fnName: string, args: unknown[] = [], options: RunOptions = {}): unknown {
    const r = this.run(fnName, args, options);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }

  /** Opening the spreadsheet in the editor: runs onOpen(e) as a simple trigger (AuthMode NONE by default). */
  open(spreadsheetId: string, options: { authMode?: RunOptions['authMode'] } = {}): RunResult {
    const authMode = options.authMode ?? 'NONE';
    return this.record(
      runExecution(
        this.state,
        'onOpen',
        [],
        { authMode, activeSpreadsheet: spreadsheetId, ui: true, via: 'menu' },
        {
          makeArgs: (exec) => {
            const ss = this.state.spreadsheets.get(spreadsheetId);
            const e = new exec.realm.Object() as Record<string, unknown>;
            e.authMode = authMode;
            e.source = ss ? spreadsheetHandle(exec, ss) : null;
            return [e];
          },
        },
      ),
    );
  }

  /**
   * Runs each scheduled time-driven trigger (due at or before `until`, default: all), in time order, advancing
   * the clock to its due time. Runs happen in a trigger context: no active spreadsheet, no UI, AuthMode FULL.
   */
  runDueTriggers(options: { until?: string } = {}): TriggerRunResult[] {
    return runDueTriggers(this.state, options.until, (r) => this.record(r));
  }

  snapshot(options?: SnapshotOptions): ReturnType<typeof snapshotOf> {
    return snapshotOf(this.state, options);
  }
}
