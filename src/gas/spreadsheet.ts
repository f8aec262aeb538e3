import type { CellValue, Grid, SheetDimensions, SheetPort, SpreadsheetPort, SpreadsheetsPort } from '../core/ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

class GasSheet implements SheetPort {
  readonly name: string;

  constructor(private readonly sheet: Sheet) {
    this.name = sheet.getName();
  }

  dimensions(): SheetDimensions {
    return {
      lastRow: this.sheet.getLastRow(),
      lastColumn: this.sheet.getLastColumn(),
      maxRows: this.sheet.getMaxRows(),
      maxColumns: this.sheet.getMaxColumns(),
    };
  }

  readValues(row: number, column: number, rows: number, columns: number): Grid {
    return this.sheet.getRange(row, column, rows, columns).getValues() as Grid;
  }

  readFormulas(row: number, column: number, rows: number, columns: number): string[][] {
    return this.sheet.getRange(row, column, rows, columns).getFormulas();
  }

  writeValues(row: number, column: number, values: Grid): void {
    if (values.length === 0) return;
    this.sheet.getRange(row, column, values.length, values[0].length).setValues(values);
  }

  writeFormulas(row: number, column: number, formulas: string[][]): void {
    if (formulas.length === 0) return;
    this.sheet.getRange(row, column, formulas.length, formulas[0].length).setFormulas(formulas);
  }

  fill(row: number, column: number, rows: number, columns: number, value: CellValue): void {
    this.sheet.getRange(row, column, rows, columns).setValue(value);
  }

  clear(row: number, column: number, rows: number, columns: number): void {
    this.sheet.getRange(row, column, rows, columns).clearContent();
  }

  insertColumnsAfter(afterColumn: number, count: number): void {
    this.sheet.insertColumnsAfter(afterColumn, count);
  }

  deleteColumns(column: number, count: number): void {
    this.sheet.deleteColumns(column, count);
  }

  insertRowsAfter(afterRow: number, count: number): void {
    this.sheet.insertRowsAfter(afterRow, count);
  }

  deleteRows(row: number, count: number): void {
    this.sheet.deleteRows(row, count);
  }
}

class GasSpreadsheet implements SpreadsheetPort {
  private idCache: string | null = null;
  private urlCache: string | null = null;
  readonly name: string;

  constructor(private readonly spreadsheet: Spreadsheet) {
    this.name = spreadsheet.getName();
  }

  get id(): string {
    if (this.idCache === null) this.idCache = this.spreadsheet.getId();
    return this.idCache;
  }

  get url(): string {
    if (this.urlCache === null) this.urlCache = this.spreadsheet.getUrl();
    return this.urlCache;
  }

  sheet(name: string): SheetPort | null {
    const sheet = this.spreadsheet.getSheetByName(name);
    return sheet ? new GasSheet(sheet) : null;
  }

  sheetNames(): string[] {
    return this.spreadsheet.getSheets().map((sheet) => sheet.getName());
  }

  totalCells(): number {
    return this.spreadsheet
      .getSheets()
      .reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
  }

  metadata(key: string): string | null {
    const found = this.spreadsheet.createDeveloperMetadataFinder().withKey(key).find();
    return found.length > 0 ? found[0].getValue() : null;
  }

  setMetadata(key: string, value: string): void {
    const found = this.spreadsheet.createDeveloperMetadataFinder().withKey(key).find();
    if (found.length > 0) found[0].setValue(value);
    else this.spreadsheet.addDeveloperMetadata(key, value);
  }

  flush(): void {
    SpreadsheetApp.flush();
  }
}

export function gasSpreadsheets(): SpreadsheetsPort {
  return {
    active() {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      return spreadsheet ? new GasSpreadsheet(spreadsheet) : null;
    },
    open(id: string) {
      return new GasSpreadsheet(SpreadsheetApp.openById(id));
    },
  };
}
