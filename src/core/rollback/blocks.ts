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

/** What one cell may hold, and what a script may write to it: https://support.google.com/drive/answer/37603 */
export const CELL_CHAR_LIMIT = 50_000;

/**
 * Whether Sheets could read this text as something else when a script writes it as is: a number, date, time,
 * currency or percentage (any digit), a boolean (also in Spanish), a formula or an error ("=", "+", "-", "#"),
 * or text that starts with an apostrophe (which Sheets would take as the quote prefix and drop). Deliberately
 * broad: a needless quote prefix changes nothing.
 */
export function sheetsWouldParse(text: string): boolean {
  return /^\s*['=+\-#]/.test(text) || /\d/.test(text) || /^\s*(true|false|verdadero|falso)\s*$/i.test(text);
}

/**
 * A backup cell as setValues input that stores exactly it: the formula where there is one; text as is, or behind
 * a leading apostrophe where Sheets would otherwise parse it; other values as is. Null: text that needs the
 * apostrophe but has no room for it under the cell limit, so setValues cannot store it as text.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues
 */
export function restoreInput(value: CellValue | undefined, formula: string): CellValue | null {
  if (formula) return formula;
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value === '' || !sheetsWouldParse(value)) return value;
  return value.length + 1 > CELL_CHAR_LIMIT ? null : `'${value}`;
}
