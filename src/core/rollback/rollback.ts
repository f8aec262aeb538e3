import { messagesFor, type Translate } from '../messages';
import { readConfig } from '../state/config';
import { readCheckpoint as readRunCheckpoint } from '../migration/checkpoint';
import { thawRun } from '../migration/freeze';
import { busyMessage, withDocumentLock } from '../slice/lock';
import type { Services, SheetPort, SpreadsheetPort } from '../ports';
import { readCheckpoint, saveCheckpoint, type RollbackCheckpoint } from './checkpoint';
import { TimeBudget } from '../slice/budget';
import { ReadPace, ReadPlanner, pacedSpreadsheets } from '../slice/read-pace';
import { locateAddedColumns, readColumnMap } from './columns';
import { assessEligibility, onlyOutsideWindow } from './eligibility';
import { exportFileName } from './export';
import { readLastRollback } from './finish';
import { parseRollbackOptions, type ParsedRollbackOptions } from './options';
import { readRollbackFacts, type RollbackFacts } from '../state/run-record';
import type { RollbackReport } from '../contract';
import { backupSheet, specFor, targetSheet, type Located } from './execution';
import { proceed } from './phases';

/**
 * rollbackMigration(): undoes the newest migration run (or the run that stopped midway), in the phases of
 * ./phases.ts, each recorded in the `rollback.state` checkpoint before its effect, under the document lock. A call
 * that finds a checkpoint goes on with that rollback; a call right after a completed one returns its report.
 */
export function rollbackMigration(services: Services, input: unknown): RollbackReport {
  const t = messagesFor(services.session);
  const options = parseRollbackOptions(input, t);
  return withDocumentLock(
    services.lock,
    () => run(services, options, t),
    () => {
      throw new Error(busyMessage(t, 'rollback'));
    },
  );
}

function run(services: Services, options: ParsedRollbackOptions, t: Translate): RollbackReport {
  const pace = new ReadPace(services.clock);
  const paced: Services = { ...services, spreadsheets: pacedSpreadsheets(services.spreadsheets, pace) };
  const spreadsheet = paced.spreadsheets.active();
  if (!spreadsheet) throw new Error(t('rollback_no_spreadsheet'));
  const all = services.properties.getAll();
  const config = readConfig(all);
  const budget = new TimeBudget(services.clock, services.clock.now(), config.time_budget_seconds);
  const checkpoint = readCheckpoint(all);
  pace.adopt(checkpoint?.read_ms_per_cell);
  const reads = new ReadPlanner(services.clock, pace, budget.startMs, budget.deadlineMs, t);
  if (checkpoint && checkpoint.mode !== options.mode) {
    throw new Error(t('rollback_other_mode', { mode: checkpoint.mode }));
  }
  const facts = readRollbackFacts(all);
  if (!checkpoint) {
    const repeated = repeatedCall(all, facts, options, t);
    if (repeated) return repeated;
    const begun = begin(paced, spreadsheet, facts, options, config, all, t);
    return proceed(
      { services: paced, spreadsheet, budget, reads, fresh: begun.located, openedBackup: begun.backup },
      begun.checkpoint,
    );
  }
  return proceed(
    { services: paced, spreadsheet, budget, reads, fresh: null, openedBackup: null },
    checkpoint,
  );
}

/**
 * The same call again right after a completed rollback (a lost answer, a retry): its report, nothing redone.
 * With an earlier migration still applied, a second call is not a retry: it rolls that one back.
 */
function repeatedCall(
  all: Record<string, string>,
  facts: RollbackFacts,
  options: ParsedRollbackOptions,
  t: Translate,
): RollbackReport | null {
  if (facts.migration && !facts.rolledBack) return null;
  const last = readLastRollback(all);
  const newest = facts.history[0];
  if (
    !last ||
    !newest ||
    newest.kind !== 'rollback' ||
    newest.run_id !== last.run_id ||
    newest.state !== 'done'
  ) {
    return null;
  }
  if (last.report.mode !== options.mode) {
    throw new Error(t('rollback_already_done', { mode: last.report.mode, time: last.completed_at }));
  }
  return last.report;
}

/** A run that stopped midway may still hold its edit freeze: the rollback removes it first. */
function releaseFreeze(services: Services, spreadsheet: SpreadsheetPort, all: Record<string, string>): void {
  let saved: ReturnType<typeof readRunCheckpoint> = null;
  try {
    saved = readRunCheckpoint(all);
  } catch {
    return; // a damaged run checkpoint: its start over removes the freeze, if any
  }
  if (saved?.checkpoint.freeze) thawRun(services, spreadsheet, saved.checkpoint, services.logger);
}

function begin(
  services: Services,
  spreadsheet: SpreadsheetPort,
  facts: RollbackFacts,
  options: ParsedRollbackOptions,
  config: ReturnType<typeof readConfig>,
  all: Record<string, string>,
  t: Translate,
): { checkpoint: RollbackCheckpoint; located: Located; backup: SheetPort } {
  const eligibility = assessEligibility(facts, config, services.clock, services.drive, t);
  const migration = facts.migration;
  if (!eligibility.eligible && !(options.override_window && onlyOutsideWindow(facts, eligibility))) {
    throw new Error(`${eligibility.reason} ${t('nothing_changed')}`);
  }
  const baseline = (migration as NonNullable<typeof migration>).baseline;
  const spec = specFor(baseline.migration, t);
  const sheet = targetSheet(spreadsheet, baseline.sheet_name, t);
  let backup: SheetPort;
  try {
    backup = backupSheet(services, baseline.backup.file_id, baseline.sheet_name);
  } catch (error) {
    throw new Error(`${(error as Error).message} ${t('nothing_changed')}`);
  }
  releaseFreeze(services, spreadsheet, all);
  const dims = sheet.dimensions();
  const map = readColumnMap(sheet, dims.lastColumn, services.cache, spec);
  const present = locateAddedColumns(map, baseline.columns_added, sheet.name, t);
  const checkpoint: RollbackCheckpoint = {
    run_id: `${baseline.run_id}.rollback`,
    migration_run_id: baseline.run_id,
    mode: options.mode,
    started_at: new Date(services.clock.now()).toISOString(),
    unfinished_run: !(migration as NonNullable<typeof migration>).completed,
    phase: 'export',
    target: {
      migration: baseline.migration,
      sheet_name: baseline.sheet_name,
      columns_added: baseline.columns_added.slice(),
      backup: baseline.backup,
      ...(baseline.others && baseline.others.length > 0 ? { others: baseline.others } : {}),
    },
    export_name: exportFileName(spreadsheet.name, baseline.migration, baseline.run_id),
    export_progress: null,
    exported: null,
    removed_columns: baseline.columns_added.filter((header) =>
      present.some((found) => found.header === header),
    ),
    restore: null,
    verify: null,
  };
  saveCheckpoint(services.properties, checkpoint);
  return { checkpoint, located: { dims, map, added: present }, backup };
}
