import { cellKey } from '../digest';
import type { CellValue } from '../ports';

/** Reads and writes go in row blocks of at most this many cells: few round trips, bounded memory. */
export const MAX_BLOCK_CELLS = 1_000_000;

export interface RowBlock {
  /** 1-based first row and number of rows. */
  row: number;
  rows: number;
}

export function rowBlocks(firstRow: number, lastRow: number, columns: number): RowBlock[] {
  const perBlock = Math.max(1, Math.floor(MAX_BLOCK_CELLS / Math.max(1, columns)));
  const blocks: RowBlock[] = [];
  for (let row = firstRow; row <= lastRow; row += perBlock) {
    blocks.push({ row, rows: Math.min(perBlock, lastRow - row + 1) });
  }
  return blocks;
}

/**
 * What a cell holds, for comparing with the backup: its formula when it has one (the value is derived from
 * it and is recalculated once the inputs are back), else its typed value.
 */
export function contentKey(value: CellValue | undefined, formula: string): string {
  if (formula) return `f${formula}`;
  return cellKey(value === undefined || value === null ? '' : value, '');
}

/**
 * A backup cell as setValues input that stores exactly it: the formula where there is one; text behind a
 * leading apostrophe so Sheets keeps it as text (not a number, date, boolean or formula); other values as is.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues
 */
export function restoreInput(value: CellValue | undefined, formula: string): CellValue {
  if (formula) return formula;
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' && value !== '') return `'${value}`;
  return value;
}
