import type { CellValue, SheetDimensions, SheetPort } from '../ports';
import type { BackupRows, BackupSource } from './backup-source';
import { contentKey, restoreInput, type RowBlock } from './blocks';

/**
 * Full mode: the target sheet is brought back to the backup in place (same sheet, so its id, formatting,
 * named ranges and protections stay): grid size first, then every cell's value and formula in row blocks.
 */

/** Inserts or deletes rows and columns at the end until the grid is the backup's size. Idempotent. */
export function matchGrid(sheet: SheetPort, current: SheetDimensions, backup: SheetDimensions): void {
  if (current.maxColumns > backup.maxColumns) {
    sheet.deleteColumns(backup.maxColumns + 1, current.maxColumns - backup.maxColumns);
  } else if (current.maxColumns < backup.maxColumns) {
    sheet.insertColumnsAfter(current.maxColumns, backup.maxColumns - current.maxColumns);
  }
  if (current.maxRows > backup.maxRows) {
    sheet.deleteRows(backup.maxRows + 1, current.maxRows - backup.maxRows);
  } else if (current.maxRows < backup.maxRows) {
    sheet.insertRowsAfter(current.maxRows, backup.maxRows - current.maxRows);
  }
}

/** The block to write: the backup's content plus whatever the sheet holds beyond it (cleared), within the grid. */
export function restoreExtent(
  current: SheetDimensions,
  backup: SheetDimensions,
): { rows: number; columns: number } {
  return {
    rows: Math.min(Math.max(current.lastRow, backup.lastRow), backup.maxRows),
    columns: Math.min(Math.max(current.lastColumn, backup.lastColumn), backup.maxColumns),
  };
}

/** Past this many separate runs of changed rows in one block, the block is written as one run. */
export const MAX_RUNS_PER_BLOCK = 8;

interface ChangedRun {
  /** 0-based rows of the block, inclusive, and 0-based columns, inclusive. */
  first: number;
  last: number;
  left: number;
  right: number;
}

function changedRuns(changed: { row: number; left: number; right: number }[]): ChangedRun[] {
  const runs: ChangedRun[] = [];
  for (const { row, left, right } of changed) {
    const run = runs[runs.length - 1];
    if (run && run.last === row - 1) {
      run.last = row;
      run.left = Math.min(run.left, left);
      run.right = Math.max(run.right, right);
    } else {
      runs.push({ first: row, last: row, left, right });
    }
  }
  if (runs.length <= MAX_RUNS_PER_BLOCK) return runs;
  return [
    {
      first: runs[0].first,
      last: runs[runs.length - 1].last,
      left: Math.min(...runs.map((run) => run.left)),
      right: Math.max(...runs.map((run) => run.right)),
    },
  ];
}

/** A backup cell that setValues cannot store as text (see restoreInput): 1-based row and column, and its length. */
export interface UnwritableCell {
  row: number;
  column: number;
  length: number;
}

/**
 * Writes one block of the backup back where the sheet differs from it: the rows that changed, in runs of
 * adjacent rows, each run in one setValues holding the backup's formula where it has one and its value
 * elsewhere (empty outside its content). Cells equal to the backup are not rewritten, so their computed
 * values stay as they are. Writing a block again finds nothing left to write. `beforeWrite` sees what was read
 * (sheet and backup) before anything is written, when something is about to be. A cell that cannot be written
 * faithfully is left as it is and passed to `unwritable`; its run is then written row by row around it.
 */
export function restoreBlock(
  sheet: SheetPort,
  backup: BackupSource,
  block: RowBlock,
  columns: number,
  beforeWrite?: (current: BackupRows, old: BackupRows, backupWidth: number) => void,
  unwritable?: (cell: UnwritableCell) => void,
): number {
  const { values, formulas } = backup.rows(block.row, block.rows);
  const backupRows = values.length;
  const backupWidth = Math.min(backup.dims.lastColumn, columns);
  const currentValues = sheet.readValues(block.row, 1, block.rows, columns);
  const currentFormulas = sheet.readFormulas(block.row, 1, block.rows, columns);
  const inBackup = (r: number, c: number) => r < backupRows && c < backupWidth;
  const changed: { row: number; left: number; right: number }[] = [];
  for (let r = 0; r < block.rows; r += 1) {
    let left = -1;
    let right = -1;
    for (let c = 0; c < columns; c += 1) {
      const want = inBackup(r, c) ? contentKey(values[r][c], formulas[r][c] || '') : contentKey('', '');
      if (contentKey(currentValues[r][c], currentFormulas[r][c] || '') === want) continue;
      if (left < 0) left = c;
      right = c;
    }
    if (left >= 0) changed.push({ row: r, left, right });
  }
  if (changed.length > 0 && beforeWrite) {
    beforeWrite({ values: currentValues, formulas: currentFormulas }, { values, formulas }, backupWidth);
  }
  const runs = changedRuns(changed);
  for (const run of runs) {
    // Rows written together; a row holding a cell that cannot be written goes alone, in pieces around it.
    let rows: CellValue[][] = [];
    let firstRow = run.first;
    const flush = () => {
      if (rows.length > 0) sheet.writeValues(block.row + firstRow, run.left + 1, rows);
      rows = [];
    };
    for (let r = run.first; r <= run.last; r += 1) {
      const line: (CellValue | null)[] = [];
      for (let c = run.left; c <= run.right; c += 1) {
        const input = inBackup(r, c) ? restoreInput(values[r][c], formulas[r][c] || '') : '';
        if (input === null) {
          unwritable?.({ row: block.row + r, column: c + 1, length: String(values[r][c]).length });
        }
        line.push(input);
      }
      if (!line.includes(null)) {
        if (rows.length === 0) firstRow = r;
        rows.push(line as CellValue[]);
        continue;
      }
      flush();
      for (const segment of segmentsAround(line)) {
        sheet.writeValues(block.row + r, run.left + 1 + segment.from, [segment.cells]);
      }
    }
    flush();
  }
  return changed.length;
}

/** The stretches of a row between its null cells. */
function segmentsAround(line: (CellValue | null)[]): { from: number; cells: CellValue[] }[] {
  const segments: { from: number; cells: CellValue[] }[] = [];
  line.forEach((cell, i) => {
    if (cell === null) return;
    const last = segments[segments.length - 1];
    if (last && last.from + last.cells.length === i) last.cells.push(cell);
    else segments.push({ from: i, cells: [cell] });
  });
  return segments;
}
