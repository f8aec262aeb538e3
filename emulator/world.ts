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
import { FOLDER_MIME, type UiRecord, type WorldState } from './state';
import { defaultResponse } from './ui';
import { ServiceError } from './errors';

export interface WorldOptions {
  /** Folder holding the built bundle (every .js file is loaded). Default: <repo>/dist */
  distDir?: string;
  /** 'addon' (default): time-driven triggers at most hourly, one per document. */
  installation?: 'addon' | 'bound';
  /** ISO start of the virtual clock. */
  now?: string;
  costs?: Partial<CostTable>;
  user?: { email?: string; locale?: string };
  /** Script time zone; default: appsscript.json's timeZone in distDir, else America/Santiago. */
  timeZone?: string;
}

export interface SpreadsheetSpec {
  name: string;
  folderId?: string;
  sheets: SheetSpec[];
  /** false: the user may only view it (writes throw). */
  editable?: boolean;
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
  calls: Record<string, number>;
}

function scriptTimeZone(distDir: string): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'appsscript.json'), 'utf8')) as {
      timeZone?: string;
    };
    return manifest.timeZone ?? 'America/Santiago';
  } catch {
    return 'America/Santiago';
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
    calls: {},
  };

  constructor(options: WorldOptions = {}) {
    const distDir = path.resolve(options.distDir ?? path.join(__dirname, '..', 'dist'));
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
      ids: new IdSource(),
      installation: options.installation ?? 'addon',
      user: { email: options.user?.email ?? 'owner@example.com', locale: options.user?.locale ?? 'en' },
      distDir,
      scriptTimeZone: options.timeZone ?? scriptTimeZone(distDir),
      spreadsheets: new Map(),
      drive: { items: new Map(), rootId: 'root' },
      properties: { script: new Map(), user: new Map(), documents: new Map() },
      caches: new Map(),
      triggers: [],
      locksHeldElsewhere: new Set(),
      ui,
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

  get costs(): Readonly<CostTable> {
    return this.state.costs;
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
    for (const [k, n] of Object.entries(r.stats.calls)) t.calls[k] = (t.calls[k] ?? 0) + n;
    return r;
  }

  /** One execution of the bundle's global function `fnName`. */
  run(fnName: string, args: unknown[] = [], options: RunOptions = {}): RunResult {
    return this.record(runExecution(this.state, fnName, args, options));
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
