import { sha256 } from 'js-sha256';
import type { CellValue } from './ports';

/** How many rows one block digest covers: small enough to find a difference without reading everything again. */
export const DIGEST_BLOCK_ROWS = 1000;

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * One cell as an unambiguous string: its formula when it has one, else its value with its type. A formula
 * cell's value is left out: it follows from the formula and its inputs, and volatile formulas (NOW(), RAND())
 * give another value at every read, in the backup copy too.
 */
export function cellKey(value: CellValue, formula: string): string {
  if (formula) return `f${formula}`;
  if (isDate(value)) return `d${value.toISOString()}`;
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'boolean') return `b${value}`;
  return `s${value}`;
}

/**
 * Digest of a run of rows: SHA-256 (truncated to 64 bits) over every cell's key, row by row.
 * `formulas` may be null when the block has no formulas.
 */
export function digestRows(values: CellValue[][], formulas: string[][] | null, columns: number): string {
  const hash = sha256.create();
  for (let r = 0; r < values.length; r += 1) {
    const row = values[r];
    const formulaRow = formulas ? formulas[r] : null;
    const parts: string[] = new Array(columns);
    for (let c = 0; c < columns; c += 1) {
      parts[c] = cellKey(row[c] === undefined ? '' : row[c], formulaRow ? formulaRow[c] || '' : '');
    }
    hash.update(parts.join('\u0002'));
    hash.update('\u0003');
  }
  return hash.hex().slice(0, 16);
}

/**
 * Digests of consecutive blocks of DIGEST_BLOCK_ROWS rows. `firstRowIndex` is the 0-based index (in the whole
 * data range) of values[0]; it must be a multiple of DIGEST_BLOCK_ROWS so that blocks line up across reads.
 */
export function blockDigests(
  values: CellValue[][],
  formulas: string[][] | null,
  columns: number,
  firstRowIndex: number,
): string[] {
  if (firstRowIndex % DIGEST_BLOCK_ROWS !== 0) {
    throw new Error(`blockDigests: a read must start on a block boundary, got row index ${firstRowIndex}`);
  }
  const digests: string[] = [];
  for (let start = 0; start < values.length; start += DIGEST_BLOCK_ROWS) {
    const end = Math.min(start + DIGEST_BLOCK_ROWS, values.length);
    digests.push(digestRows(values.slice(start, end), formulas ? formulas.slice(start, end) : null, columns));
  }
  return digests;
}
