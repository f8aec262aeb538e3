import type { CellValue, SheetDimensions, SheetPort } from '../ports';
import { rowBlocks, type RowBlock } from './blocks';

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
export function restoreExtent(current: SheetDimensions, backup: SheetDimensions): { rows: number; columns: number } {
  return {
    rows: Math.min(Math.max(current.lastRow, backup.lastRow), backup.maxRows),
    columns: Math.min(Math.max(current.lastColumn, backup.lastColumn), backup.maxColumns),
  };
}

export function restoreBlocks(fromRow: number, rows: number, columns: number): RowBlock[] {
  return rowBlocks(fromRow, rows, columns * 2);
}

interface FormulaRect {
  row: number;
  column: number;
  formulas: string[][];
}

/** Rectangles of formula cells: vertical runs per column, merged with the next column when they span the same rows. */
export function formulaRects(formulas: string[][], firstRow: number): FormulaRect[] {
  const width = formulas.length > 0 ? formulas[0].length : 0;
  const runs: { column: number; start: number; end: number }[] = [];
  for (let c = 0; c < width; c += 1) {
    let start = -1;
    for (let r = 0; r <= formulas.length; r += 1) {
      const has = r < formulas.length && !!formulas[r][c];
      if (has && start < 0) start = r;
      if (!has && start >= 0) {
        runs.push({ column: c, start, end: r - 1 });
        start = -1;
      }
    }
  }
  const rects: { column: number; start: number; end: number; width: number }[] = [];
  for (const run of runs) {
    const last = rects[rects.length - 1];
    if (last && last.column + last.width === run.column && last.start === run.start && last.end === run.end) {
      last.width += 1;
    } else {
      rects.push({ ...run, width: 1 });
    }
  }
  return rects.map((rect) => ({
    row: firstRow + rect.start,
    column: rect.column + 1,
    formulas: formulas.slice(rect.start, rect.end + 1).map((line) => line.slice(rect.column, rect.column + rect.width)),
  }));
}

/**
 * Writes one block of the backup back: values everywhere (empty outside the backup's content), then the
 * backup's formulas over them. Writing a block twice gives the same sheet, so a resumed run may repeat one.
 */
export function restoreBlock(
  sheet: SheetPort,
  backup: SheetPort,
  backupDims: SheetDimensions,
  block: RowBlock,
  columns: number,
): void {
  const backupRows = Math.min(block.rows, backupDims.lastRow - block.row + 1);
  const backupWidth = Math.min(backupDims.lastColumn, columns);
  const has = backupRows > 0 && backupWidth > 0;
  const values = has ? backup.readValues(block.row, 1, backupRows, backupWidth) : [];
  const formulas = has ? backup.readFormulas(block.row, 1, backupRows, backupWidth) : [];
  const grid: CellValue[][] = [];
  for (let r = 0; r < block.rows; r += 1) {
    const line: CellValue[] = new Array(columns);
    for (let c = 0; c < columns; c += 1) {
      const inside = r < backupRows && c < backupWidth;
      const value = inside ? values[r][c] : '';
      line[c] = value === undefined || value === null ? '' : value;
    }
    grid.push(line);
  }
  sheet.writeValues(block.row, 1, grid);
  for (const rect of formulaRects(formulas, block.row)) sheet.writeFormulas(rect.row, rect.column, rect.formulas);
}
