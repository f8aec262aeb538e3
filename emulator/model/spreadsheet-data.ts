import { ServiceError, messages } from '../errors';
import { Grid } from './grid';
import { shiftProtections, type ProtectionRecord } from './protections';

// The stored state of spreadsheets: sheets with their grids, and developer metadata. Enforces the
// workbook limits: https://support.google.com/drive/answer/37603

export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'COLUMN'; sheetId: number; column: number };

export interface MetadataRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export class SheetData {
  constructor(
    public sheetId: number,
    public name: string,
    public grid: Grid,
    public maxRows: number,
    public maxColumns: number,
    public frozenRows = 0,
    public hidden = false,
  ) {}

  copy(): SheetData {
    return new SheetData(
      this.sheetId,
      this.name,
      this.grid.share(),
      this.maxRows,
      this.maxColumns,
      this.frozenRows,
      this.hidden,
    );
  }

  get cells(): number {
    return this.maxRows * this.maxColumns;
  }
}

export class SpreadsheetData {
  sheets: SheetData[] = [];
  metadata: MetadataRecord[] = [];
  protections: ProtectionRecord[] = [];
  /** Users the spreadsheet is shared with for editing (the owner aside). */
  editors: string[] = [];
  private nextSheetId = 0;

  constructor(
    public id: string,
    public name: string,
    public timeZone: string,
    public locale: string,
    public editable = true,
    /** The owner's email: always able to edit protected ranges. */
    public owner = '',
  ) {}

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.cells, 0);
  }

  private checkCells(extra: number): void {
    if (this.totalCells() + extra > MAX_CELLS) throw new ServiceError(messages.cellLimit);
  }

  sheet(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(sheetId: number): SheetData | undefined {
    return this.sheets.find((s) => s.sheetId === sheetId);
  }

  addSheet(name: string, maxRows: number, maxColumns: number, index = this.sheets.length): SheetData {
    if (this.sheet(name)) throw new ServiceError(messages.sheetExists(name));
    if (maxColumns > MAX_COLUMNS) throw new ServiceError(messages.columnLimit);
    this.checkCells(maxRows * maxColumns);
    const id = this.nextSheetId === 0 ? 0 : 1_000_000 + this.nextSheetId;
    this.nextSheetId += 1;
    const sheet = new SheetData(id, name, new Grid(), maxRows, maxColumns);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  /** A deep copy that shares cell storage copy-on-write (what Drive's makeCopy produces). */
  copy(id: string, name: string, owner: string): SpreadsheetData {
    const c = new SpreadsheetData(id, name, this.timeZone, this.locale, true, owner);
    c.sheets = this.sheets.map((s) => s.copy());
    c.metadata = this.metadata.map((m) => ({ ...m, location: { ...m.location } }));
    c.protections = this.protections.map((p) => ({
      ...p,
      area: p.area && { ...p.area },
      editors: p.editors && [...p.editors],
      unprotected: p.unprotected.map((u) => ({ ...u })),
    }));
    c.nextSheetId = this.nextSheetId;
    return c;
  }

  /** Inserts n empty columns so that the first new one is column `column` (1-based). */
  insertColumns(sheet: SheetData, column: number, n: number): void {
    if (sheet.maxColumns + n > MAX_COLUMNS) throw new ServiceError(messages.columnLimit);
    this.checkCells(sheet.maxRows * n);
    sheet.grid.insertColumns(column - 1, n);
    sheet.maxColumns += n;
    shiftProtections(this, sheet, 'column', column, n);
    for (const m of this.metadata) {
      if (
        m.location.type === 'COLUMN' &&
        m.location.sheetId === sheet.sheetId &&
        m.location.column >= column
      ) {
        m.location.column += n;
      }
    }
  }

  deleteColumns(sheet: SheetData, column: number, n: number): void {
    sheet.grid.deleteColumns(column - 1, n);
    sheet.maxColumns -= n;
    shiftProtections(this, sheet, 'column', column, -n);
    this.metadata = this.metadata.filter((m) => {
      const l = m.location;
      if (l.type !== 'COLUMN' || l.sheetId !== sheet.sheetId || l.column < column) return true;
      if (l.column < column + n) return false;
      l.column -= n;
      return true;
    });
  }

  insertRows(sheet: SheetData, row: number, n: number): void {
    this.checkCells(sheet.maxColumns * n);
    sheet.grid.insertRows(row - 1, n);
    sheet.maxRows += n;
    shiftProtections(this, sheet, 'row', row, n);
  }

  deleteRows(sheet: SheetData, row: number, n: number): void {
    sheet.grid.deleteRows(row - 1, n);
    sheet.maxRows -= n;
    shiftProtections(this, sheet, 'row', row, -n);
  }

  deleteSheet(sheet: SheetData): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.protections = this.protections.filter((p) => p.sheetId !== sheet.sheetId);
    this.metadata = this.metadata.filter(
      (m) => !('sheetId' in m.location) || m.location.sheetId !== sheet.sheetId,
    );
  }
}
