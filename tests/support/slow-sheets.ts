// Worlds where Sheets reads slowly (the emulator's read cost per cell raised), and helpers that drive a migration,
// a verification or a rollback through as many executions as it takes, recording each one.
import type { RunResult } from '../../emulator';
import { ADDED, SHEET, fixture, masked, type Fixture, type Status } from './migration-bundle';

/** Apps Script ends an execution at 6 minutes (https://developers.google.com/apps-script/guides/services/quotas). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export interface Executions {
  runs: RunResult[];
  /** Resume triggers present after each execution. */
  triggersAfter: number[];
}

export function slowFixture(readPerCellUs: number | null, rows = 2500): Fixture {
  return fixture({ rows }, readPerCellUs === null ? {} : { costs: { readPerCellUs } });
}

/** startMigration, then the resume trigger's executions until the run ends (or `limit` executions). */
export function migrateThroughTriggers(f: Fixture, limit = 60): Executions {
  const runs = [f.world.run('startMigration', [], f.as)];
  const triggersAfter = [f.world.triggers().length];
  while (runs.length < limit) {
    const last = runs[runs.length - 1];
    if (!last.ok || (last.value as Status).state !== 'paused') break;
    const due = f.world.runDueTriggers();
    if (due.length === 0) break;
    for (const run of due) {
      runs.push(run);
      triggersAfter.push(f.world.triggers().length);
    }
  }
  return { runs, triggersAfter };
}

/** Calls `fn` (a new execution each time) until `finished` says so, or `limit` executions. */
export function callUntil(
  f: Fixture,
  fn: string,
  args: unknown[],
  finished: (run: RunResult) => boolean,
  limit = 60,
): Executions {
  const runs: RunResult[] = [];
  const triggersAfter: number[] = [];
  do {
    runs.push(f.world.run(fn, args, f.as));
    triggersAfter.push(f.world.triggers().length);
  } while (!finished(runs[runs.length - 1]) && runs.length < limit);
  return { runs, triggersAfter };
}

export function lastValue<T>(executions: Executions): T {
  const last = executions.runs[executions.runs.length - 1];
  if (!last.ok) throw new Error(`the last execution failed: ${last.error.message}`);
  return last.value as T;
}

export function slowestMs(executions: Executions): number {
  return Math.max(...executions.runs.map((run) => run.stats.virtualMs));
}

/** "N executions: 183 s, 201 s, ..." for the figures printed by the tests. */
export function figures(label: string, executions: Executions): string {
  const seconds = executions.runs.map((run) => `${Math.round(run.stats.virtualMs / 1000)} s`);
  return `${label}: ${executions.runs.length} execution(s): ${seconds.join(', ')}`;
}

/** What a finished migration leaves that must not depend on how many executions it took. */
export function migratedState(f: Fixture): string {
  const sheet = f.ss.sheet(SHEET);
  const backups = f.world.drive
    .files()
    .filter((file) => file.mimeType.endsWith('spreadsheet') && /backup/.test(file.name) && !file.trashed);
  return masked({
    values: sheet.values(),
    formulas: sheet.formulas(),
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    schema: f.ss.metadata('schema_version'),
    backups: backups.map((file) => file.name),
    triggers: f.world.triggers(),
  });
}

export { ADDED, SHEET, type Fixture, type Status };

/** A rollbackMigration call that finished: it answered, and not with a pending report (a pause). */
export function rollbackFinished(run: RunResult): run is Extract<RunResult, { ok: true }> {
  return run.ok && !(run.value as { pending?: boolean }).pending;
}

/** Why a call did not finish: its error's message, or a pending report's first error; '' for a finished call. */
export function stopMessage(run: RunResult): string {
  if (!run.ok) return run.error.message;
  const report = run.value as { pending?: boolean; errors?: string[] };
  return report.pending ? (report.errors?.[0] ?? '') : '';
}
