import { messagesFor, type Translate } from '../messages';
import { groupDigits } from '../messages/numbers';
import { SCHEMA_VERSION_KEY } from '../state/keys';
import { CHECKPOINT_PREFIX, ROLLBACK_LAST_KEY, ROLLBACK_STATE_KEY } from '../state/keys';
import type { RollbackReport } from '../contract';
import { appendHistory } from '../history';
import { clearColumnMapCache } from '../column-map-cache';
import type { Services, SheetPort, SpreadsheetPort } from '../ports';
import type { MigrationSpec } from '../migrations/migration-spec';
import type { BackupSource } from './backup-source';
import type { TimeBudget } from '../slice/budget';
import type { Pause } from './pause';
import type { RollbackCheckpoint } from './checkpoint';
import { propertyValue } from '../state/property-size';
import { compactReport, verificationErrors } from './report';
import { compareBlock, concludeVerification, startVerify } from './verify-result';
import { nextBlock } from './pacing';
import type { ReadPlanner } from '../slice/read-pace';
import { columnLetter, headerText } from '../column-map';

export const RESUME_HANDLER = 'resumeMigrationTrigger';
const MAX_LAST_CHARS = 8000;

export interface LastRollback {
  run_id: string;
  migration_run_id: string;
  completed_at: string;
  report: RollbackReport;
}

export function readLastRollback(all: Record<string, string>): LastRollback | null {
  const raw = all[ROLLBACK_LAST_KEY];
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as LastRollback;
    return parsed && typeof parsed.run_id === 'string' && parsed.report ? parsed : null;
  } catch {
    return null;
  }
}

function encodeLast(last: LastRollback): string {
  for (const listed of [Infinity, 20, 5, 0]) {
    const json = JSON.stringify({ ...last, report: compactReport(last.report, listed) });
    if (json.length <= MAX_LAST_CHARS) return json;
  }
  const bare = {
    ...compactReport(last.report, 0),
    verification: { passed: last.report.verification.passed },
  };
  return propertyValue({ ...last, report: bare }, 'The rollback summary');
}

export interface FinishInput {
  services: Services;
  spreadsheet: SpreadsheetPort;
  sheet: SheetPort;
  backup: BackupSource;
  spec: MigrationSpec;
  checkpoint: RollbackCheckpoint;
  save: (next: RollbackCheckpoint) => RollbackCheckpoint;
  budget: TimeBudget;
  reads: ReadPlanner;
}

/**
 * The schema version back, caches and the undone run's trigger cleared (each harmless to repeat), then the
 * comparison with the backup, block by block with its cursor in the checkpoint.
 */
export function verifyRollback(input: FinishInput, pause: Pause): RollbackCheckpoint | 'paused' {
  const { services, spreadsheet, sheet, backup, spec, save, budget, reads } = input;
  let checkpoint = input.checkpoint;
  spreadsheet.setMetadata(SCHEMA_VERSION_KEY, spec.fromVersion);
  clearColumnMapCache(services.cache);
  if (checkpoint.unfinished_run) {
    // The undone run must not resume: its trigger goes (its checkpoints go once the rollback is recorded).
    for (const id of services.triggers.list(RESUME_HANDLER)) services.triggers.delete(id);
  }
  spreadsheet.flush();
  const dims = sheet.dimensions();
  let progress = checkpoint.verify ?? startVerify(dims, backup);
  const columnNames = (backup.rows(spec.headerRow, 1).values[0] ?? []).map(headerText);
  while (progress.next_row <= progress.rows) {
    const backupCost = backup.prepare();
    const block = nextBlock(
      reads,
      progress.next_row,
      progress.rows,
      progress.width * 4,
      { cellsPerRow: 2 * dims.lastColumn + backupCost.cellsPerRow, reads: 2 + backupCost.reads },
      (t) => t('read_compare_rows'),
    );
    if (block) progress = compareBlock(progress, sheet, dims, backup, block, columnNames);
    if (!block || (progress.next_row <= progress.rows && budget.spent())) {
      save({ ...checkpoint, verify: progress });
      return pause({ stage: 'verify', done: progress.next_row - 1, total: progress.rows });
    }
  }
  checkpoint = save({ ...checkpoint, verify: progress, phase: 'finish' });
  return checkpoint;
}

/** Backup cells the restore could not write (restoreInput): which, why, and how to put them back by hand. */
function unwritableErrors(checkpoint: RollbackCheckpoint, backupName: string, t: Translate): string[] {
  const unwritable = checkpoint.restore?.unwritable;
  if (!unwritable || unwritable.total === 0) return [];
  const listed = unwritable.cells
    .map((cell) =>
      t('rollback_err_long_cell', {
        cell: `${columnLetter(cell.column)}${cell.row}`,
        length: groupDigits(cell.length, t),
      }),
    )
    .join(', ');
  const more =
    unwritable.total > unwritable.cells.length
      ? t('rollback_err_more', { count: unwritable.total - unwritable.cells.length })
      : '';
  const key = unwritable.total === 1 ? 'rollback_err_unwritable_one' : 'rollback_err_unwritable';
  const what = t(key, { count: unwritable.total, backup: backupName, cells: `${listed}${more}` });
  return [`${what} ${t('rollback_err_unwritable_why')}`];
}

/** The verdict, the history entry and the marker, then the undone run's checkpoints and this rollback's own. */
export function finishRollback(input: FinishInput, restoredColumns: number): RollbackReport {
  const { services, sheet, backup, spec, checkpoint } = input;
  const progress = checkpoint.verify;
  if (!progress) throw new Error('The rollback checkpoint has no verification to conclude.');
  const verification = concludeVerification({
    mode: checkpoint.mode,
    sheet,
    dims: sheet.dimensions(),
    backup,
    spec,
    columnsAdded: checkpoint.target.columns_added,
    progress,
  });
  const t = messagesFor(services.session);
  const backupName = t('rollback_backup_named', { name: checkpoint.target.backup.name });
  const errors = [
    ...unwritableErrors(checkpoint, backupName, t),
    ...verificationErrors(checkpoint.mode, verification, t, backupName),
  ];
  const structural = verification.checks.no_added_columns.passed && verification.checks.headers.passed;
  const report: RollbackReport = {
    migration: checkpoint.target.migration,
    mode: checkpoint.mode,
    success: checkpoint.mode === 'full' ? verification.passed : structural,
    restored_columns: restoredColumns,
    removed_columns: checkpoint.removed_columns,
    verification,
    errors,
  };
  if (checkpoint.other_sheets) {
    (report as RollbackReport & { other_sheets?: unknown }).other_sheets = checkpoint.other_sheets;
  }
  if (checkpoint.exported) {
    const { file_id, url, parts } = checkpoint.exported;
    report.exported = parts
      ? { file_id, url, parts: parts.map((part) => ({ file_id: part.file_id, url: part.url })) }
      : { file_id, url };
  }

  const completedAt = new Date(services.clock.now()).toISOString();
  const all = services.properties.getAll();
  appendHistory(services.properties, all, {
    kind: 'rollback',
    migration: checkpoint.target.migration,
    run_id: checkpoint.run_id,
    migration_run_id: checkpoint.migration_run_id,
    started_at: checkpoint.started_at,
    completed_at: completedAt,
    state: 'done',
    user: services.session.userEmail(),
    mode: checkpoint.mode,
    success: report.success,
    removed_columns: report.removed_columns,
    restored_columns: report.restored_columns,
    exported: report.exported ?? null,
    verification_passed: verification.passed,
    cells_differing_from_backup: verification.checks.v21_data_intact.total,
    errors: errors.slice(0, 5),
  });
  const last: LastRollback = {
    run_id: checkpoint.run_id,
    migration_run_id: checkpoint.migration_run_id,
    completed_at: completedAt,
    report,
  };
  services.properties.setMany({ [ROLLBACK_LAST_KEY]: encodeLast(last) });
  if (checkpoint.unfinished_run) {
    for (const key of Object.keys(all)) {
      if (key.startsWith(CHECKPOINT_PREFIX)) services.properties.delete(key);
    }
  }
  services.properties.delete(ROLLBACK_STATE_KEY);
  return report;
}
