import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { cacheService } from './cache';
import { driveApp, MimeType } from './drive';
import {
  Execution,
  type AuthMode,
  type CpuMode,
  type ExecutionStats,
  type LogEntry,
  type Via,
} from './execution';
import { htmlService } from './html';
import type { OtherWrite } from './other-user';
import { lockService } from './lock';
import { mailApp } from './mail';
import { propertiesService } from './properties';
import { assertJsonLike, createRealm, fromVm, toVm, virtualDate, type Realm } from './realm';
import { service } from './service';
import { sessionService } from './session';
import { spreadsheetApp } from './spreadsheet/app';
import type { WorldState } from './state';
import { scriptApp } from './triggers';
import { consoleFor, loggerService, utilitiesService } from './utilities';

// One execution of the bundle: a fresh vm context whose globals are the services, every .js file of
// distDir run in it (as gas-local loads a project: the folder walked recursively, files in directory order),
// then the global function called.

/** Compiled once per file version and run in each execution's fresh context: V8 compiles the bundle once. */
const compiled = new Map<string, { mtimeMs: number; size: number; script: vm.Script }>();

function scriptFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = `${dir}/${name}`;
    if (fs.statSync(file).isDirectory()) files.push(...scriptFiles(file));
    else if (path.extname(file) === '.js') files.push(file);
  }
  return files;
}

function loadBundle(distDir: string, context: vm.Context): void {
  for (const file of scriptFiles(distDir)) {
    const { mtimeMs, size } = fs.statSync(file);
    let entry = compiled.get(file);
    if (!entry || entry.mtimeMs !== mtimeMs || entry.size !== size) {
      entry = { mtimeMs, size, script: new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file }) };
      compiled.set(file, entry);
    }
    entry.script.runInContext(context);
  }
}

export interface RunOptions {
  authMode?: AuthMode;
  /** Spreadsheet id; null (the default) is a context without an active spreadsheet, like a time-driven trigger. */
  activeSpreadsheet?: string | null;
  /** Default: true when activeSpreadsheet is set. */
  ui?: boolean;
  /** The Nth round trip (1-based, counted like stats.roundTrips) throws and ends the execution. */
  failAt?: { call: number; message?: string; catchable?: boolean };
  via?: Via;
  /** How the script's own CPU is charged (default: the world's `cpu` option). */
  cpu?: CpuMode;
  /** Before round trip k (1-based, counted like failAt), run another user's write: see World.as(). */
  beforeCall?: Record<number, (moment: { call: number; nowMs: number }) => void>;
}

export type RunStats = ExecutionStats;

export type RunResult = (
  { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } }
) & {
  stats: RunStats;
  logs: LogEntry[];
  /** Other users' writes made before this execution's calls (RunOptions.beforeCall), in order. */
  interleaved?: OtherWrite[];
};

/** Services this emulator does not provide: any call on them throws "not emulated: X.method". */
const ABSENT = ['Browser', 'UrlFetchApp', 'GmailApp', 'DocumentApp', 'FormApp', 'CalendarApp', 'SlidesApp'];

function globalsFor(exec: Execution): Record<string, unknown> {
  const g: Record<string, unknown> = {
    SpreadsheetApp: spreadsheetApp(exec),
    DriveApp: driveApp(exec),
    PropertiesService: propertiesService(exec),
    CacheService: cacheService(exec),
    LockService: lockService(exec),
    ScriptApp: scriptApp(exec),
    HtmlService: htmlService(exec),
    Session: sessionService(exec),
    MailApp: mailApp(exec),
    Utilities: utilitiesService(exec),
    Logger: loggerService(exec),
    console: consoleFor(exec),
    MimeType,
  };
  for (const name of ABSENT) g[name] = service(exec, name, {});
  return g;
}

function errorOf(e: unknown): { name: string; message: string } {
  if (e !== null && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: unknown; message: unknown };
    return { name: String(err.name ?? 'Error'), message: String(err.message) };
  }
  return { name: 'Error', message: String(e) };
}

export function runExecution(
  world: WorldState,
  fnName: string,
  args: unknown[],
  options: RunOptions,
  extra: { documentId?: string | null; makeArgs?: (exec: Execution) => unknown[] } = {},
): RunResult {
  const active = options.activeSpreadsheet ?? null;
  if (active !== null && !world.spreadsheets.has(active)) {
    throw new Error(`run(${fnName}): activeSpreadsheet ${active} does not exist in this world`);
  }
  const exec = new Execution(world, {
    authMode: options.authMode ?? 'FULL',
    activeSpreadsheet: active,
    ui: options.ui ?? active !== null,
    failAt: options.failAt,
    via: options.via ?? 'google.script.run',
    documentId: active ?? extra.documentId ?? null,
    cpu: options.cpu ?? world.cpu,
    beforeCall: options.beforeCall,
  });
  const globals: Record<string, unknown> = {};
  const realm: Realm = createRealm(globals);
  exec.realm = realm;
  Object.assign(globals, globalsFor(exec), { Date: virtualDate(realm, () => exec.nowMs()) });
  loadBundle(path.resolve(world.distDir), realm.context);

  let outcome: { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };
  const fn = globals[fnName];
  if (typeof fn !== 'function') {
    outcome = { ok: false, error: { name: 'Error', message: `Script function not found: ${fnName}` } };
  } else {
    try {
      const vmArgs = extra.makeArgs ? extra.makeArgs(exec) : (toVm(realm, args) as unknown[]);
      exec.enterScript();
      outcome = { ok: true, value: (fn as (...a: unknown[]) => unknown)(...vmArgs) };
    } catch (e) {
      outcome = { ok: false, error: errorOf(e) };
    }
    exec.leaveScript();
  }
  const stats = exec.finish();
  if (exec.fatal) outcome = { ok: false, error: errorOf(exec.fatal) };
  world.clock.advanceTo(exec.nowMs());

  if (outcome.ok) {
    if (exec.options.via === 'google.script.run') {
      if (outcome.value !== undefined) assertJsonLike(outcome.value, `the value returned by ${fnName}()`);
      outcome.value = outcome.value === undefined ? undefined : JSON.parse(JSON.stringify(outcome.value));
    } else {
      outcome.value = fromVm(outcome.value);
    }
  }
  return { ...outcome, stats, logs: exec.logs.map((l) => ({ ...l })) };
}

export type TriggerRunResult = RunResult & { trigger: { id: string; handler: string } };

export function runDueTriggers(
  world: WorldState,
  until: string | undefined,
  record: (r: RunResult) => RunResult,
): TriggerRunResult[] {
  const limit = until === undefined ? Infinity : Date.parse(until);
  const due = world.triggers
    .filter((t) => t.nextRunAt !== null && t.nextRunAt <= limit)
    .sort((a, b) => (a.nextRunAt as number) - (b.nextRunAt as number));
  const results: TriggerRunResult[] = [];
  for (const t of due) {
    if (!world.triggers.includes(t) || t.nextRunAt === null) continue;
    world.clock.advanceTo(t.nextRunAt);
    // a one-off trigger stays listed once it has fired (it must be deleted) but never runs again
    t.nextRunAt = t.everyMs === null ? null : t.nextRunAt + t.everyMs;
    const now = new Date(world.clock.nowMs());
    const event = {
      authMode: 'FULL',
      triggerUid: t.id,
      year: now.getUTCFullYear(),
      month: now.getUTCMonth() + 1,
      'day-of-month': now.getUTCDate(),
      hour: now.getUTCHours(),
      minute: now.getUTCMinutes(),
      second: now.getUTCSeconds(),
      timezone: 'UTC',
    };
    const r = runExecution(
      world,
      t.handler,
      [event],
      { authMode: 'FULL', activeSpreadsheet: null, ui: false, via: 'trigger' },
      { documentId: t.spreadsheetId },
    );
    results.push({ ...record(r), trigger: { id: t.id, handler: t.handler } });
  }
  return results;
}
