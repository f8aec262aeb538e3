import { resolveColumn, type ColumnMap } from '../column-map';
import type { CellValue, Services, SheetDimensions, SheetPort, SpreadsheetPort } from '../ports';
import type { MigrationSpec } from '../spec/migration-spec';
import { sheetSpecById } from '../migrations/sheet-spec';
import { BackupSource, type BackupRows } from './backup-source';
import { RollbackNotFinished, type Budget } from './budget';
import { saveCheckpoint, type ExportProgress, type ExportRef, type RollbackCheckpoint } from './checkpoint';
import { deleteAddedColumns, locateAddedColumns, readColumnMap, type AddedColumn } from './columns';
import {
  changedCellsIn,
  exportSpan,
  exportPartName,
  writeExportFile,
  type ExportedCell,
  type ExportSource,
} from './export';
import { ExportLedger, cellsOutsideGrid, lateExport, overwrittenCells } from './late-export';
import { rollbackOtherSheets } from './other-sheets';
import { finishRollback, verifyRollback, type FinishInput } from './finish';
import type { RollbackReport } from '../contract';
import { matchGrid, restoreBlock, restoreExtent, type UnwritableCell } from './restore';
import { rowBlocks, type RowBlock } from './blocks';
import { nextBlock } from './pacing';
import type { ReadPlanner } from '../read-pace';

/**
 * The rollback's phases, in order: export, remove_columns, (full mode) restore_grid and restore_cells, verify,
 * finish. Each is recorded in the checkpoint before its effect and recognises an effect already made, so a
 * call that finds a checkpoint picks up where the last one stopped.
 */
export function specFor(id: string): MigrationSpec {
  return sheetSpecById(id, 'be rolled back');
}

/** Unwritable cells kept in the checkpoint (each about 40 characters of its 9 KB). */
const MAX_UNWRITABLE_LISTED = 10;

export function targetSheet(spreadsheet: SpreadsheetPort, name: string): SheetPort {
  const sheet = spreadsheet.sheet(name);
  if (!sheet) {
    throw new Error(
      `The sheet "${name}" the migration changed is not in this spreadsheet any more. Restore or rename it, then try again.`,
    );
  }
  return sheet;
}

export function backupSheet(services: Services, fileId: string, name: string): SheetPort {
  const sheet = services.spreadsheets.open(fileId).sheet(name);
  if (!sheet) {
    throw new Error(
      `The backup ${fileId} has no sheet "${name}", so it cannot be used to roll back. If that sheet was renamed ` +
        'in the backup, give it its name back.',
    );
  }
  return sheet;
}

export interface Located {
  dims: SheetDimensions;
  map: ColumnMap;
  added: AddedColumn[];
}

export interface Execution {
  services: Services;
  spreadsheet: SpreadsheetPort;
  budget: Budget;
  /** Sizes every block read from the read speed measured so far (the services' sheets are paced with it). */
  reads: ReadPlanner;
  /** What begin() already read in this execution, if it ran. */
  fresh: Located | null;
  openedBackup: SheetPort | null;
}

export function proceed(execution: Execution, start: RollbackCheckpoint): RollbackReport {
  const { services, spreadsheet, budget, reads } = execution;
  let checkpoint = start;
  const save = (next: RollbackCheckpoint): RollbackCheckpoint => {
    const paced = { ...next, read_ms_per_cell: Number(reads.pace.msPerCell.toPrecision(4)) };
    checkpoint = saveCheckpoint(services.properties, paced);
    return checkpoint;
  };
  const spec = specFor(checkpoint.target.migration);
  const sheet = targetSheet(spreadsheet, checkpoint.target.sheet_name);
  const backupPort =
    execution.openedBackup ??
    backupSheet(services, checkpoint.target.backup.file_id, checkpoint.target.sheet_name);
  let backupSource: BackupSource | null = null;
  const backup = () =>
    backupSource ?? (backupSource = new BackupSource(backupPort, backupPort.dimensions(), reads));
  // What this execution knows of the sheet; after its own changes it is worked out rather than read again.
  let known: Located | null = execution.fresh;
  const located = (): Located => {
    if (known) return known;
    const dims = sheet.dimensions();
    const map = readColumnMap(sheet, dims.lastColumn, services.cache, spec);
    const added = locateAddedColumns(map, checkpoint.target.columns_added, `sheet "${sheet.name}"`);
    known = { dims, map, added };
    return known;
  };
  let dims: SheetDimensions | null = null;
  const ledger = new ExportLedger(execution, sheet.name, spec.keyColumn.header, () => checkpoint, save);
  try {
    const exportSource = (): ExportSource => {
      const { dims: current, map, added } = located();
      return {
        mode: checkpoint.mode,
        sheet,
        dims: current,
        headers: map.headers,
        headerRow: spec.headerRow,
        added,
        keyColumn: resolveColumn(map, spec.keyColumn.header),
        spec,
        backup: checkpoint.mode === 'full' ? backup() : undefined,
      };
    };
    // The app keeps writing: rows exported by an earlier execution are checked again before the columns go.
    if (checkpoint.phase === 'export') {
      const readHere = exportPhase(execution, exportSource(), ledger, () => checkpoint, save);
      lateExport(ledger, exportSource(), { first: 1, last: readHere - 1 });
    } else if (checkpoint.phase === 'remove_columns') lateExport(ledger, exportSource());
    if (checkpoint.phase === 'remove_columns') {
      const { dims: before, added } = located();
      deleteAddedColumns(sheet, added);
      // Upper bounds for lastRow/lastColumn are enough for what follows; the grid size is exact.
      dims = {
        ...before,
        lastColumn: Math.max(0, before.lastColumn - added.length),
        maxColumns: before.maxColumns - added.length,
      };
      known = null;
      save({ ...checkpoint, phase: checkpoint.mode === 'full' ? 'restore_grid' : 'verify' });
    }
    if (checkpoint.phase === 'restore_grid') {
      // Read again, not worked out: rows the app appended since the export are in the grid now.
      const before = sheet.dimensions();
      const target = backup().dims;
      // What lies outside the backup's grid is deleted with its rows and columns: whatever the export lacks goes first.
      ledger.exportMissing(cellsOutsideGrid(sheet, before, target, spec.headerRow, spec.keyColumn.header));
      matchGrid(sheet, before, target);
      dims = {
        lastRow: Math.min(before.lastRow, target.maxRows),
        lastColumn: Math.min(before.lastColumn, target.maxColumns),
        maxRows: target.maxRows,
        maxColumns: target.maxColumns,
      };
      save({ ...checkpoint, phase: 'restore_cells' });
    }
    if (checkpoint.phase === 'restore_cells') {
      if (!checkpoint.restore) {
        save({
          ...checkpoint,
          restore: { ...restoreExtent(dims ?? sheet.dimensions(), backup().dims), next_row: 1 },
        });
      }
      const extent = checkpoint.restore as NonNullable<RollbackCheckpoint['restore']>;
      let headers: CellValue[] | null = null;
      // Cells about to be overwritten that the export does not hold (written since it) are exported first.
      const exportOverwritten = (row: number) => (current: BackupRows, old: BackupRows, width: number) => {
        headers = headers ?? backup().rows(1, 1).values[0] ?? [];
        const key = headers.indexOf(spec.keyColumn.header) + 1;
        const cells = overwrittenCells(row, current, old, width, headers, key || null, spec.headerRow);
        ledger.exportMissing(cells);
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
        const block = restoreBlockFrom(reads, backup(), next, extent);
        if (block) {
          restoreBlock(sheet, backup(), block, extent.columns, exportOverwritten(block.row), note);
          next = block.row + block.rows;
        }
        if (!block || (next <= extent.rows && budget.spent())) {
          save({ ...checkpoint, restore: at(next) });
          throw new RollbackNotFinished(checkpoint.mode, `restored ${next - 1} of ${extent.rows} rows`);
        }
      }
      save({ ...checkpoint, restore: at(extent.rows + 1), phase: 'verify' });
    }
    const others = checkpoint.target.others ?? [];
    if (checkpoint.phase === 'verify' && others.length > 0 && !checkpoint.other_sheets) {
      const outcomes = rollbackOtherSheets(services.drive, spreadsheet, others, {
        nowIso: new Date(services.clock.now()).toISOString(),
        mode: checkpoint.mode,
        folderId: checkpoint.target.backup.folder_id,
        exportName: checkpoint.export_name.replace(/\.json$/, ''),
        migrationRunId: checkpoint.migration_run_id,
        rollbackRunId: checkpoint.run_id,
        headerRow: spec.headerRow,
        appendOnly: (spec.otherSheets ?? []).filter((o) => o.appendOnly).map((o) => o.sheet),
      });
      save({ ...checkpoint, other_sheets: outcomes });
    }
    const finish: FinishInput = {
      services,
      spreadsheet,
      sheet,
      backup: backup(),
      spec,
      checkpoint,
      save,
      budget,
      reads,
    };
    if (checkpoint.phase === 'verify') finish.checkpoint = verifyRollback(finish);
    return finishRollback(finish, checkpoint.mode === 'full' ? backup().dims.lastColumn : 0);
  } catch (error) {
    if (error instanceof RollbackNotFinished) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The ${checkpoint.mode} rollback stopped during "${checkpoint.phase}": ${message} ` +
        `Nothing written since the migration is lost: call rollbackMigration({mode: "${checkpoint.mode}", ` +
        'confirm: true}) again to finish it.',
    );
  }
}

/**
 * Reads the export's blocks until done or out of time, and writes what it found as one file; a long export is
 * written in parts, one per execution. Before each file is written, its name and blocks are recorded.
 */
function exportPhase(
  execution: Execution,
  source: ExportSource,
  ledger: ExportLedger,
  current: () => RollbackCheckpoint,
  save: (next: RollbackCheckpoint) => RollbackCheckpoint,
): number {
  const { services, spreadsheet, budget, reads } = execution;
  const span = exportSpan(source);
  const backupUnit = () => (source.backup ? source.backup.prepare() : { cellsPerRow: 0, reads: 0 });
  /** The next block from `row`: capped at the fixed block size, and (when paced) by the time left. */
  const blockFrom = (row: number, paced: boolean): RowBlock | null => {
    if (!span) return null;
    const backupCost = backupUnit();
    const unit = {
      cellsPerRow: span.unit.cellsPerRow + backupCost.cellsPerRow,
      reads: span.unit.reads + backupCost.reads,
    };
    if (!paced) return rowBlocksCap(row, span.last, span.capColumns);
    return nextBlock(reads, row, span.last, span.capColumns, unit, 'reading the rows to export');
  };
  const cellsOf = (from: number, to: number) => {
    const cells: ExportedCell[] = [];
    for (let row = from; row <= to;) {
      const block = blockFrom(row, false) as RowBlock;
      const clipped = { row, rows: Math.min(block.rows, to - row + 1) };
      cells.push(...changedCellsIn(source, clipped));
      row += clipped.rows;
    }
    return cells;
  };
  const write = (name: string, cells: ExportedCell[]): ExportRef => {
    const checkpoint = current();
    const { ref, created } = writeExportFile(services.drive, checkpoint.target.backup.folder_id, name, {
      spreadsheet_id: spreadsheet.id,
      spreadsheet_name: spreadsheet.name,
      sheet: source.sheet.name,
      migration_run_id: checkpoint.migration_run_id,
      rollback_run_id: checkpoint.run_id,
      mode: checkpoint.mode,
      key_column: source.spec.keyColumn.header,
      exported_at: new Date(services.clock.now()).toISOString(),
      cells,
    });
    if (created) ledger.record(ref, cells);
    return ref;
  };
  const last = span ? span.last : 0;
  let progress: ExportProgress = current().export_progress ?? {
    next_row: span ? span.first : 1,
    parts: [],
    pending: null,
  };
  const readHere = progress.pending ? progress.pending.from_row : progress.next_row;
  if (progress.pending) {
    const { name, from_row, to_row } = progress.pending;
    const ref = write(name, cellsOf(from_row, to_row));
    progress = { next_row: to_row + 1, parts: [...progress.parts, ref], pending: null };
  }
  while (span && progress.next_row <= last) {
    const from = progress.next_row;
    let next = from;
    const cells: ExportedCell[] = [];
    for (let block = blockFrom(next, true); block;) {
      cells.push(...changedCellsIn(source, block));
      next = block.row + block.rows;
      block = next <= last && !budget.spent() ? blockFrom(next, true) : null;
    }
    const to = next - 1;
    const done = next > last;
    if (cells.length > 0) {
      const base = current().export_name;
      const name =
        done && progress.parts.length === 0 ? base : exportPartName(base, progress.parts.length + 1);
      save({
        ...current(),
        export_progress: { ...progress, pending: { name, from_row: from, to_row: to } },
      });
      progress = { next_row: next, parts: [...progress.parts, write(name, cells)], pending: null };
    } else {
      progress = { ...progress, next_row: next };
    }
    if (!done) {
      save({ ...current(), export_progress: progress });
      throw new RollbackNotFinished(current().mode, `exported ${to} of ${last} rows`);
    }
  }
  const parts = progress.parts;
  const exported = parts.length === 0 ? null : parts.length === 1 ? parts[0] : { ...parts[0], parts };
  save({ ...current(), phase: 'remove_columns', export_progress: progress, exported });
  return readHere;
}

/** The fixed-size block from `row` (rowBlocks), unpaced: rereading rows an earlier execution already read. */
function rowBlocksCap(row: number, last: number, capColumns: number): RowBlock | null {
  return rowBlocks(row, last, capColumns)[0] ?? null;
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
    'restoring rows from the backup',
  );
}
