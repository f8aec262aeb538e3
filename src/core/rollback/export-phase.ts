// The rollback's first phase: every value written since the migration that the rollback removes or overwrites,
// read in blocks sized to the time left and written to Drive as one file, or in parts (one per execution) when it
// takes several. Each part's name and rows are recorded before the file is written, so a part is never lost or
// written twice.
import type { Pause } from './pause';
import type { RowBlock } from './blocks';
import { rowBlocks } from './blocks';
import type { ExportProgress, ExportRef, RollbackCheckpoint } from './checkpoint';
import {
  changedCellsIn,
  exportPartName,
  exportSpan,
  writeExportFile,
  type ExportedCell,
  type ExportSource,
} from './export';
import type { ExportLedger } from './late-export';
import { nextBlock } from './pacing';
import type { Execution } from './execution';

/**
 * Reads the export's blocks until done or out of time, and writes what it found as one file; a long export is
 * written in parts, one per execution. Before each file is written, its name and blocks are recorded. Returns the
 * first row this execution read (the rows before it were exported by an earlier one), or 'paused'.
 */
export function exportPhase(
  execution: Execution,
  source: ExportSource,
  ledger: ExportLedger,
  current: () => RollbackCheckpoint,
  save: (next: RollbackCheckpoint) => RollbackCheckpoint,
  pause: Pause,
): number | 'paused' {
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
    return nextBlock(reads, row, span.last, span.capColumns, unit, (t) => t('read_rows_to_export'));
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
      // Counted in the rows it reads, from its first (the header row in full mode, which compares it too).
      const first = span.first;
      return pause({ stage: 'export', done: to - first + 1, total: last - first + 1 });
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
