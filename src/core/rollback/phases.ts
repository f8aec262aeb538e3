import { messagesFor, type Translate } from '../messages';
import { resolveColumn } from '../column-map';
import type { CellValue, SheetDimensions, SheetPort } from '../ports';
import type { MigrationSpec } from '../migrations/migration-spec';
import { BackupSource, type BackupRows } from './backup-source';
import type { Pause } from './pause';
import { runPhases, type PhaseOutcome } from '../slice/phases';
import { saveCheckpoint, type RollbackCheckpoint, type RollbackPhase } from './checkpoint';
import { deleteAddedColumns, locateAddedColumns, readColumnMap } from './columns';
import type { ExportSource } from './export';
import { exportPhase } from './export-phase';
import { ExportLedger, cellsOutsideGrid, lateExport, overwrittenCells } from './late-export';
import { otherSheetsPhase } from './other-sheets-phase';
import { finishRollback, verifyRollback, type FinishInput } from './finish';
import type { RollbackProgress, RollbackReport } from '../contract';
import { matchGrid, restoreBlock, restoreExtent, type UnwritableCell } from './restore';
import type { RowBlock } from './blocks';
import { nextBlock } from './pacing';
import type { ReadPlanner } from '../slice/read-pace';
import { backupSheet, specFor, targetSheet, type Execution, type Located } from './execution';

/** Unwritable cells kept in the checkpoint (each about 40 characters of its 9 KB). */
const MAX_UNWRITABLE_LISTED = 10;

/** What every phase works with in one execution; phases hand over what they learnt in `known` and `dims`. */
interface PhaseRun {
  execution: Execution;
  sheet: SheetPort;
  spec: MigrationSpec;
  ledger: ExportLedger;
  checkpoint(): RollbackCheckpoint;
  save(next: RollbackCheckpoint): RollbackCheckpoint;
  backup(): BackupSource;
  /** The sheet's extent, column map and added columns: read once, or as the last phase left them. */
  located(): Located;
  exportSource(): ExportSource;
  known: Located | null;
  /** The sheet's extent after this execution's own changes, when worked out rather than read. */
  dims: SheetDimensions | null;
  /** The export phase ran in this execution (its rows need no second look before the columns go). */
  exportedHere: boolean;
  /** Out of time: how far the phase got is kept for the owner, and the phase returns 'paused'. */
  pause: Pause;
}

type Phase = Exclude<RollbackPhase, 'finish'>;

/** After the columns are gone (and, in full mode, the cells restored): the other sheets, if any, then verify. */
function afterTargetSheet(run: PhaseRun): Phase {
  const checkpoint = run.checkpoint();
  const owed = (checkpoint.target.others ?? []).length > 0 && !checkpoint.other_sheets;
  return owed ? 'other_sheets' : 'verify';
}

/**
 * The phases in order (run by ../slice/phases.ts), each recorded in the checkpoint (the next phase saved) before
 * the effects of the next, and each recognising an effect already made: export, remove_columns, (full mode)
 * restore_grid and restore_cells, other_sheets (a migration that changed more than one sheet), verify; then the
 * report.
 */
const PHASES: Record<Phase, (run: PhaseRun) => PhaseOutcome> = {
  export(run) {
    const { execution, ledger, checkpoint, save, pause } = run;
    const readHere = exportPhase(execution, run.exportSource(), ledger, checkpoint, save, pause);
    if (readHere === 'paused') return 'paused';
    // The app keeps writing: rows exported by an earlier execution are checked again before the columns go.
    lateExport(run.ledger, run.exportSource(), { first: 1, last: readHere - 1 });
    run.exportedHere = true;
    return 'done';
  },
  remove_columns(run) {
    const { dims: before, added } = run.located();
    // Read again right before the columns go, also when this execution exported them: the app keeps writing
    // between the export's read and the removal, and a cell written there is exported before it is lost. Read
    // until a read finds nothing new, so the removal follows that read directly (a write in the one call between
    // them is the only one not seen: Sheets cannot read and remove columns in one call).
    for (let reads = 0; reads < 3 && lateExport(run.ledger, run.exportSource()) > 0; reads += 1);
    deleteAddedColumns(run.sheet, added);
    // Upper bounds for lastRow/lastColumn are enough for what follows; the grid size is exact.
    run.dims = {
      ...before,
      lastColumn: Math.max(0, before.lastColumn - added.length),
      maxColumns: before.maxColumns - added.length,
    };
    run.known = null;
    const checkpoint = run.checkpoint();
    run.save({ ...checkpoint, phase: checkpoint.mode === 'full' ? 'restore_grid' : afterTargetSheet(run) });
    return 'done';
  },
  restore_grid(run) {
    const { sheet, spec } = run;
    // Read again, not worked out: rows the app appended since the export are in the grid now.
    const target = run.backup().dims;
    let before = sheet.dimensions();
    // What lies outside the backup's grid is deleted with its rows and columns: whatever the export lacks goes
    // first, read again until a read finds nothing new, so the cut follows that read directly.
    for (let reads = 0; reads < 3; reads += 1) {
      const outside = cellsOutsideGrid(sheet, before, target, spec.headerRow, spec.keyColumn.header);
      if (run.ledger.exportMissing(outside) === 0) break;
      before = sheet.dimensions();
    }
    matchGrid(sheet, before, target);
    run.dims = {
      lastRow: Math.min(before.lastRow, target.maxRows),
      lastColumn: Math.min(before.lastColumn, target.maxColumns),
      maxRows: target.maxRows,
      maxColumns: target.maxColumns,
    };
    run.save({ ...run.checkpoint(), phase: 'restore_cells' });
    return 'done';
  },
  restore_cells: restoreCells,
  other_sheets(run) {
    return otherSheetsPhase(run.execution, run.spec, run.checkpoint, run.save, run.pause);
  },
  verify(run) {
    const checkpoint = run.checkpoint();
    // A checkpoint recorded at 'verify' before other_sheets was a phase of its own still owes them.
    if ((checkpoint.target.others ?? []).length > 0 && !checkpoint.other_sheets) {
      run.save({ ...checkpoint, phase: 'other_sheets' });
      return 'done';
    }
    const verified = verifyRollback(finishInput(run), run.pause);
    if (verified === 'paused') return 'paused';
    // Full mode gives back the backup's cells: what the app wrote after its rows were restored (a live sheet) is
    // exported and restored on one more pass, then verified again; a difference left after the last pass is
    // reported as one.
    const passes = verified.restore_passes ?? 1;
    if (verified.mode !== 'full' || passes >= MAX_RESTORE_PASSES) return 'done';
    // (A row appended before the comparison read the sheet's extent is one of its differences.)
    if ((verified.verify?.total ?? 0) === 0) return 'done';
    run.dims = null;
    run.save({ ...verified, phase: 'restore_grid', restore: null, verify: null, restore_passes: passes + 1 });
    return 'done';
  },
};

/** Restore passes of a full rollback on a sheet the app keeps writing, before a difference is reported. */
const MAX_RESTORE_PASSES = 3;

function finishInput(run: PhaseRun): FinishInput {
  const { services, spreadsheet, budget, reads } = run.execution;
  const { sheet, spec, save } = run;
  return {
    services,
    spreadsheet,
    sheet,
    backup: run.backup(),
    spec,
    checkpoint: run.checkpoint(),
    save,
    budget,
    reads,
  };
}

function restoreCells(run: PhaseRun): PhaseOutcome {
  const { sheet, spec } = run;
  const { budget, reads } = run.execution;
  if (!run.checkpoint().restore) {
    run.save({
      ...run.checkpoint(),
      restore: { ...restoreExtent(run.dims ?? sheet.dimensions(), run.backup().dims), next_row: 1 },
    });
  }
  const checkpoint = run.checkpoint();
  const extent = checkpoint.restore as NonNullable<RollbackCheckpoint['restore']>;
  let headers: CellValue[] | null = null;
  // Cells about to be overwritten that the export does not hold (written since it) are exported first.
  const exportOverwritten = (row: number) => (current: BackupRows, old: BackupRows, width: number) => {
    headers = headers ?? run.backup().rows(1, 1).values[0] ?? [];
    const key = headers.indexOf(spec.keyColumn.header) + 1;
    const cells = overwrittenCells(row, current, old, width, headers, key || null, spec.headerRow);
    run.ledger.exportMissing(cells);
  };
  // Backup cells setValues cannot store as text, left as they are: listed (the first few) in the report.
  let unwritable = extent.unwritable;
  const note = (cell: UnwritableCell) => {
    const cells = unwritable ? unwritable.cells : [];
    unwritable = {
      cells: cells.length < MAX_UNWRITABLE_LISTED ? [...cells, cell] : cells,
      total: (unwritable ? unwritable.total : 0) + 1,
    };
  };
  const at = (next_row: number) => ({ ...extent, next_row, ...(unwritable ? { unwritable } : {}) });
  let next = extent.next_row;
  while (next <= extent.rows) {
    const block = restoreBlockFrom(reads, run.backup(), next, extent);
    if (block) {
      restoreBlock(sheet, run.backup(), block, extent.columns, exportOverwritten(block.row), note);
      next = block.row + block.rows;
    }
    if (!block || (next <= extent.rows && budget.spent())) {
      run.save({ ...run.checkpoint(), restore: at(next) });
      return run.pause({ stage: 'restore', done: next - 1, total: extent.rows });
    }
  }
  run.save({ ...run.checkpoint(), restore: at(extent.rows + 1), phase: afterTargetSheet(run) });
  return 'done';
}

export function proceed(execution: Execution, start: RollbackCheckpoint): RollbackReport {
  const { services, spreadsheet, reads } = execution;
  const t = messagesFor(services.session);
  let checkpoint = start;
  const spec = specFor(checkpoint.target.migration, t);
  const sheet = targetSheet(spreadsheet, checkpoint.target.sheet_name, t);
  const backupPort =
    execution.openedBackup ??
    backupSheet(services, checkpoint.target.backup.file_id, checkpoint.target.sheet_name);
  let backupSource: BackupSource | null = null;
  let progress: RollbackProgress = { stage: 'export', done: 0, total: 0 };
  const current = () => checkpoint;
  const save = (next: RollbackCheckpoint): RollbackCheckpoint => {
    const paced = { ...next, read_ms_per_cell: Number(reads.pace.msPerCell.toPrecision(4)) };
    checkpoint = saveCheckpoint(services.properties, paced);
    return checkpoint;
  };
  const run: PhaseRun = {
    execution,
    sheet,
    spec,
    checkpoint: current,
    save,
    ledger: new ExportLedger(execution, sheet.name, spec.keyColumn.header, current, save),
    backup: () =>
      backupSource ?? (backupSource = new BackupSource(backupPort, backupPort.dimensions(), reads)),
    // What this execution knows of the sheet; after its own changes it is worked out rather than read again.
    located: () => {
      if (run.known) return run.known;
      const dims = sheet.dimensions();
      const map = readColumnMap(sheet, dims.lastColumn, services.cache, spec);
      const added = locateAddedColumns(map, checkpoint.target.columns_added, sheet.name, t);
      run.known = { dims, map, added };
      return run.known;
    },
    exportSource: () => {
      const { dims, map, added } = run.located();
      return {
        mode: checkpoint.mode,
        sheet,
        dims,
        headers: map.headers,
        headerRow: spec.headerRow,
        added,
        keyColumn: resolveColumn(map, spec.keyColumn.header),
        spec,
        backup: checkpoint.mode === 'full' ? run.backup() : undefined,
      };
    },
    known: execution.fresh,
    dims: null,
    exportedHere: false,
    pause: (howFar) => {
      progress = howFar;
      return 'paused';
    },
  };
  let report: RollbackReport | null = null;
  try {
    const outcome = runPhases(
      () => (checkpoint.phase === 'finish' ? null : checkpoint.phase),
      (phase) => PHASES[phase](run),
    );
    if (outcome === 'done') {
      report = finishRollback(
        finishInput(run),
        checkpoint.mode === 'full' ? run.backup().dims.lastColumn : 0,
      );
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(t('rollback_stopped', { mode: checkpoint.mode, phase: checkpoint.phase, message }));
  }
  return report ?? pendingReport(checkpoint, progress, t);
}

const PROGRESS_TEXT = {
  export: 'rollback_progress_exported',
  restore: 'rollback_progress_restored',
  verify: 'rollback_progress_verified',
  other_sheets: 'rollback_progress_other_sheets',
} as const;

/** How far a paused rollback got, in the owner's words. */
export function progressText(progress: RollbackProgress, t: Translate): string {
  return t(PROGRESS_TEXT[progress.stage], { done: progress.done, total: progress.total });
}

/** A paused rollback's answer: how far it got, and that the same call goes on from there. */
function pendingReport(
  checkpoint: RollbackCheckpoint,
  progress: RollbackProgress,
  t: Translate,
): RollbackReport {
  const howFar = progressText(progress, t);
  return {
    migration: checkpoint.target.migration,
    mode: checkpoint.mode,
    success: false,
    pending: true,
    progress,
    restored_columns: 0,
    removed_columns: [],
    verification: { passed: false, pending: true },
    errors: [t('rollback_not_finished', { mode: checkpoint.mode, progress: howFar })],
  };
}

/** The restore's next block: the backup's rows and the sheet's values and formulas, sized to the time left. */
function restoreBlockFrom(
  reads: ReadPlanner,
  backup: BackupSource,
  row: number,
  extent: NonNullable<RollbackCheckpoint['restore']>,
): RowBlock | null {
  const backupCost = backup.prepare();
  return nextBlock(
    reads,
    row,
    extent.rows,
    extent.columns * 4,
    { cellsPerRow: 2 * extent.columns + backupCost.cellsPerRow, reads: 2 + backupCost.reads },
    (t) => t('read_restore_rows'),
  );
}
