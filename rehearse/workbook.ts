// A workbook as plain data: exactly what the emulator's `world.createSpreadsheet()` takes, and what the .xlsx
// reader produces and the writer consumes.

export type CellValue = string | number | boolean | Date;

export interface SheetModel {
  name: string;
  /** Row 1 is the header. Every row has the same length. Empty cells are ''. */
  values: CellValue[][];
  /** Same shape as values; a non-empty string is a formula such as '=A2*2', null means a plain value. */
  formulas?: (string | null)[][];
  maxRows: number;
  maxColumns: number;
  frozenRows?: number;
  hidden?: boolean;
}

export interface WorkbookModel {
  name: string;
  sheets: SheetModel[];
}

/** Cells per spreadsheet, all sheets and empty grid cells included: https://support.google.com/drive/answer/37603 */
export const CELL_LIMIT = 10_000_000;

export function overCellLimit(source: string, cells: number): string {
  return (
    `${source} has ${cells.toLocaleString('en-US')} cells, over Google Sheets' limit of ` +
    `${CELL_LIMIT.toLocaleString('en-US')} cells per spreadsheet, so it cannot be a Google spreadsheet. ` +
    'Delete unused rows, columns or sheets first.'
  );
}

/** Grid cells of the whole workbook, empty cells included: what the 10,000,000-cell limit counts. */
export function gridCells(workbook: WorkbookModel): number {
  return workbook.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxColumns, 0);
}

// The add-on's own column lettering (1 -> A, 27 -> AA), so the rehearsal names columns as the add-on does.
export { columnLetter } from '../src/core/column-map';
