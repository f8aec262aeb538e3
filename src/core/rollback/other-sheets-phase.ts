// The rollback phase of a migration's other sheets (v4.0: Uniones, Metadata), after its target sheet: one sheet at a
// time, each a unit planned against the time left (its export is written whole, so a sheet is never split), each
// recorded done before the next starts, and what a sheet is about to do recorded before its effects.
import type { OtherSheetPlan } from '../baseline';
import type { RollbackMode } from '../contract';
import type { MigrationSpec } from '../migrations/migration-spec';
import { MEASURE_CELLS, type ReadPlanner } from '../slice/read-pace';
import type { RollbackCheckpoint } from './checkpoint';
import type { Execution } from './execution';
import type { Pause } from './pause';
import type { PhaseOutcome } from '../slice/phases';
import {
  mergeOutcomes,
  otherSheetNow,
  otherSheetReads,
  rollbackOtherSheet,
  type OtherSheetNow,
  type OtherSheetsContext,
} from './other-sheets';

export function otherSheetsPhase(
  execution: Execution,
  spec: MigrationSpec,
  current: () => RollbackCheckpoint,
  save: (next: RollbackCheckpoint) => RollbackCheckpoint,
  pause: Pause,
): PhaseOutcome {
  const { services, spreadsheet, reads } = execution;
  const checkpoint = current();
  const others = checkpoint.target.others ?? [];
  const context: OtherSheetsContext = {
    nowIso: new Date(services.clock.now()).toISOString(),
    mode: checkpoint.mode,
    folderId: checkpoint.target.backup.folder_id,
    exportName: checkpoint.export_name.replace(/\.json$/, ''),
    migrationRunId: checkpoint.migration_run_id,
    rollbackRunId: checkpoint.run_id,
    headerRow: spec.headerRow,
    appendOnly: (spec.otherSheets ?? []).filter((o) => o.appendOnly).map((o) => o.sheet),
    backupSheet: (name) => services.spreadsheets.open(checkpoint.target.backup.file_id).sheet(name),
  };
  let done = checkpoint.other_sheets_done ?? [];
  const left = others.filter((other) => !done.some((outcome) => outcome.sheet === other.sheet));
  for (const [i, other] of left.entries()) {
    const now = otherSheetNow(spreadsheet, other.sheet);
    if (!otherSheetFits(reads, other, now, checkpoint.mode)) {
      return pause({ stage: 'other_sheets', done: done.length, total: others.length });
    }
    const earlier = current().other_sheet_pending;
    const pending = earlier && earlier.sheet === other.sheet ? earlier : null;
    const outcome = rollbackOtherSheet(services.drive, spreadsheet, other, now, {
      ...context,
      beforeEffects: (planned) => {
        if (!pending) save({ ...current(), other_sheet_pending: planned });
      },
    });
    done = [...done, pending ? mergeOutcomes(pending, outcome) : outcome];
    if (i < left.length - 1) {
      save({ ...current(), other_sheets_done: done, other_sheet_pending: undefined });
    }
  }
  save({
    ...current(),
    other_sheets: done,
    other_sheets_done: undefined,
    other_sheet_pending: undefined,
    phase: 'verify',
  });
  return 'done';
}

/** Whether the rollback of one other sheet may start now (false: pause before it); see ReadPlanner.measuredUnit. */
function otherSheetFits(
  reads: ReadPlanner,
  other: OtherSheetPlan,
  now: OtherSheetNow,
  mode: RollbackMode,
): boolean {
  const cost = otherSheetReads(other, now, mode);
  return reads.measuredUnit(
    cost.reads,
    cost.cells,
    (t) => t('read_other_sheet', { sheet: other.sheet }),
    () => {
      if (!now) return;
      const { lastRow, lastColumn } = now.extent;
      now.sheet.readValues(1, 1, Math.min(lastRow, Math.ceil(MEASURE_CELLS / lastColumn)), lastColumn);
    },
  );
}
