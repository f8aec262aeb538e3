// Figures an added column computes from another sheet (v4.0: union counts and sums over Uniones by TAG_SPOOL),
// worked out from block reads of that sheet: never a call per row.
import { translator, type Translate } from './messages';
import { headerText, normaliseHeader } from './column-map';
import type { CellValue, SheetPort } from './ports';
import type { ComputedFill, NewColumn } from './migrations/migration-spec';

/** Rows of the source sheet read per call. */
export const SOURCE_BLOCK_ROWS = 20_000;

export type Figures = Map<string, number[]>;

function isBlank(value: CellValue | undefined): boolean {
  return value === '' || value === null || value === undefined;
}

/** The key a cell holds, as the app compares it: its text, trimmed. */
export function keyOf(value: CellValue | undefined): string {
  if (typeof value === 'string') return value.trim();
  return isBlank(value) ? '' : String(value).trim();
}

function numberOf(value: CellValue | undefined): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.replace(',', '.'));
    return Number.isFinite(parsed) ? parsed : 0;
  }
  return 0;
}

/** Sums kept to the precision a sheet shows, so a recomputation compares equal. */
export function rounded(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Reads the source sheet of the columns' fills (all from one sheet) in blocks and returns, per key, each
 * column's figure. Throws when the sheet or a column it needs is missing.
 */
export function computeFigures(
  source: SheetPort | null,
  sourceName: string,
  columns: NewColumn[],
  headerRow: number,
  t: Translate = translator('en'),
): Figures {
  const fills = columns.map((column) => column.computed as ComputedFill);
  if (!source)
    throw new Error(t('computed_source_missing', { sheet: sourceName, column: columns[0].header }));
  const extent = source.extent ? source.extent() : source.dimensions();
  const figures: Figures = new Map();
  if (extent.lastColumn === 0 || extent.lastRow <= headerRow) return figures;
  const headers = source.readValues(headerRow, 1, 1, extent.lastColumn)[0].map(headerText);
  const at = (name: string): number => {
    const index = headers.findIndex((text) => normaliseHeader(text) === normaliseHeader(name));
    if (index < 0) throw new Error(t('computed_source_column_missing', { sheet: sourceName, column: name }));
    return index;
  };
  const indexes = fills.map((fill) => ({
    key: at(fill.key),
    where: fill.where !== undefined ? at(fill.where) : -1,
    column: fill.column !== undefined ? at(fill.column) : -1,
  }));
  const needed = Math.max(...indexes.flatMap((index) => [index.key, index.where, index.column])) + 1;
  for (let row = headerRow + 1; row <= extent.lastRow; row += SOURCE_BLOCK_ROWS) {
    const count = Math.min(SOURCE_BLOCK_ROWS, extent.lastRow - row + 1);
    for (const cells of source.readValues(row, 1, count, needed)) {
      // The fills of a migration share their key column: its key and figures are looked up once per row.
      let keyAt = -1;
      let sums: number[] | undefined;
      for (let i = 0; i < fills.length; i += 1) {
        const fill = fills[i];
        const index = indexes[i];
        if (index.key !== keyAt) {
          keyAt = index.key;
          sums = figuresOfKey(figures, keyOf(cells[keyAt]), fills.length);
        }
        if (!sums) continue;
        if (fill.aggregate === 'count') sums[i] += 1;
        else if (!isBlank(cells[index.where])) {
          sums[i] += fill.aggregate === 'count_not_empty' ? 1 : numberOf(cells[index.column]);
        }
      }
    }
  }
  for (const sums of figures.values()) sums.forEach((value, i) => (sums[i] = rounded(value)));
  return figures;
}

/** The running figures of a key, made at 0 the first time it is met; none for a blank key. */
function figuresOfKey(figures: Figures, key: string, count: number): number[] | undefined {
  if (key === '') return undefined;
  let sums = figures.get(key);
  if (!sums) {
    sums = new Array<number>(count).fill(0);
    figures.set(key, sums);
  }
  return sums;
}

/** The figures of a row's key (0 for each when no source row has it). */
export function figuresFor(figures: Figures, key: CellValue | undefined, count: number): number[] {
  return figures.get(keyOf(key)) ?? new Array<number>(count).fill(0);
}
