// What a plan reads of the target sheet, the same whichever migration of the chain is planned: the grids of every
// sheet, the target sheet's extent and header row, and (a small sheet) its whole grid, values and formulas.
import { headerText } from '../column-map';
import type { CellValue, Grid, Services, SheetPort, SpreadsheetPort } from '../ports';
import type { MigrationSpec } from '../migrations/migration-spec';
import { DEFAULT_MS_PER_CELL, EXECUTION_LIMIT_MS, STARTUP_MS } from '../slice/read-pace';
import type { MigrationConfig } from '../contract';

/**
 * Sheets whose grid holds at most this many cells are read whole by the plan. That read comes before any read
 * is measured, so it is kept small enough to end within the execution limit at the speed assumed until then
 * (DEFAULT_MS_PER_CELL): about 172,000 cells, 2,600 rows of 66 columns.
 */
export const WHOLE_READ_CELLS = Math.min(
  1_000_000,
  Math.floor((EXECUTION_LIMIT_MS - STARTUP_MS) / DEFAULT_MS_PER_CELL),
);

/** What the plan reads of the target sheet and the grids: the same whichever migration is planned. */
export interface SheetReading {
  grids: { name: string; maxRows: number; maxColumns: number }[];
  sheet: SheetPort | null;
  lastRow: number;
  lastColumn: number;
  headers: string[];
  values: Grid | null;
  formulas: string[][] | null;
  headerless: number[];
}

export function readSheet(
  services: Services,
  spreadsheet: SpreadsheetPort,
  spec: MigrationSpec,
  config: MigrationConfig,
  readFits: (cells: number, measuredMs: number) => boolean,
): SheetReading {
  const sheet = spreadsheet.sheet(config.target_sheet);
  const grids = spreadsheet.gridSizes
    ? spreadsheet.gridSizes()
    : spreadsheet.sheetNames().map((name) => {
        const d = spreadsheet.sheet(name)!.dimensions();
        return { name, maxRows: d.maxRows, maxColumns: d.maxColumns };
      });
  let lastRow = 0;
  let lastColumn = 0;
  let headers: string[] = [];
  let values: Grid | null = null;
  let formulas: string[][] | null = null;
  if (sheet) {
    const grid = grids.find((candidate) => candidate.name === config.target_sheet);
    if (
      grid &&
      grid.maxRows > 0 &&
      grid.maxColumns > 0 &&
      grid.maxRows * grid.maxColumns <= WHOLE_READ_CELLS
    ) {
      ({ lastRow, lastColumn, values, formulas } = readWholeGrid(services, sheet, grid, readFits));
    } else {
      const extent = sheet.extent ? sheet.extent() : sheet.dimensions();
      lastRow = extent.lastRow;
      lastColumn = extent.lastColumn;
    }
    if (lastRow >= spec.headerRow && lastColumn > 0) {
      const row = values ? values[spec.headerRow - 1] : sheet.readValues(spec.headerRow, 1, 1, lastColumn)[0];
      headers = row.map(headerText);
    }
  }
  const dataRows = Math.max(0, lastRow - spec.headerRow);
  const blankHeaders = headers.map((text, i) => (text.trim() === '' ? i + 1 : 0)).filter((c) => c > 0);
  const headerless =
    sheet && dataRows > 0 && blankHeaders.length > 0
      ? columnsHoldingData(sheet, values, spec.headerRow + 1, lastRow, blankHeaders)
      : [];
  return { grids, sheet, lastRow, lastColumn, headers, values, formulas, headerless };
}

/**
 * A small sheet read whole: the grid's values and formulas, in two calls. The extent is the last row and column
 * with content (a value or a formula, as getLastRow and getLastColumn count it), so the grid, whose size the plan
 * knows already, is read instead of asking for the data range first. When the formulas would not fit the time
 * left, the extent is asked for instead. The backup check reuses both reads.
 */
function readWholeGrid(
  services: Services,
  sheet: NonNullable<ReturnType<SpreadsheetPort['sheet']>>,
  grid: { maxRows: number; maxColumns: number },
  fits: (cells: number, measuredMs: number) => boolean,
): { lastRow: number; lastColumn: number; values: Grid | null; formulas: string[][] | null } {
  const cells = grid.maxRows * grid.maxColumns;
  const started = services.clock.now();
  const gridValues = sheet.readValues(1, 1, grid.maxRows, grid.maxColumns);
  let gridFormulas: string[][] | null = null;
  let lastRow: number;
  let lastColumn: number;
  if (fits(cells, services.clock.now() - started)) {
    gridFormulas = sheet.readFormulas(1, 1, grid.maxRows, grid.maxColumns);
    ({ lastRow, lastColumn } = contentExtent(gridValues, gridFormulas));
  } else {
    ({ lastRow, lastColumn } = sheet.extent ? sheet.extent() : sheet.dimensions());
  }
  if (lastRow === 0 || lastColumn === 0) return { lastRow: 0, lastColumn: 0, values: null, formulas: null };
  const trim = <T>(rows: T[][]): T[][] => rows.slice(0, lastRow).map((row) => row.slice(0, lastColumn));
  return {
    lastRow,
    lastColumn,
    values: trim(gridValues),
    formulas: gridFormulas ? trim(gridFormulas) : null,
  };
}

/** The last row and column holding a value or a formula (1-based; 0 when the grid is empty). */
export function contentExtent(values: Grid, formulas: string[][]): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  for (let r = 0; r < values.length; r += 1) {
    const row = values[r];
    const rowFormulas = formulas[r] ?? [];
    for (let c = row.length - 1; c >= 0; c -= 1) {
      const value = row[c];
      if ((value !== '' && value !== null && value !== undefined) || (rowFormulas[c] ?? '') !== '') {
        lastRow = r + 1;
        if (c + 1 > lastColumn) lastColumn = c + 1;
        break;
      }
    }
  }
  return { lastRow, lastColumn };
}

/** Rows per read of the blank-headed columns: a few reads even on the largest sheet. */
const HEADERLESS_READ_CELLS = 500_000;

/**
 * Which of `columns` hold a value in rows first..last: from the whole read when there is one, else read run by
 * run of adjacent columns, in row blocks, stopping once every column of the run has shown data.
 */
function columnsHoldingData(
  sheet: SheetPort,
  values: Grid | null,
  first: number,
  last: number,
  columns: number[],
): number[] {
  const filled = (cell: CellValue) => cell !== '' && cell !== null && cell !== undefined;
  if (values) {
    return columns.filter((c) => values.slice(first - 1, last).some((row) => filled(row[c - 1])));
  }
  const found = new Set<number>();
  const runs: number[][] = [];
  for (const column of columns) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === column - 1) run.push(column);
    else runs.push([column]);
  }
  for (const run of runs) {
    const rowsPerRead = Math.max(1, Math.floor(HEADERLESS_READ_CELLS / run.length));
    for (let row = first; row <= last && run.some((c) => !found.has(c)); row += rowsPerRead) {
      const count = Math.min(rowsPerRead, last - row + 1);
      const block = sheet.readValues(row, run[0], count, run.length);
      run.forEach((column, i) => {
        if (block.some((line) => filled(line[i]))) found.add(column);
      });
    }
  }
  return columns.filter((column) => found.has(column));
}
