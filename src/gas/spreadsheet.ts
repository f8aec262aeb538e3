import { translator, type Translate } from '../core/messages';
import type {
  CellValue,
  Grid,
  SheetDimensions,
  SheetPort,
  SpreadsheetPort,
  SpreadsheetsPort,
} from '../core/ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The developer metadata key of the edit-access probe (added and removed in one call of assertEditable). */
const EDIT_PROBE_KEY = 'migration.edit_probe';

class GasSheet implements SheetPort {
  readonly name: string;
  private dataRange: GoogleAppsScript.Spreadsheet.Range | null = null;

  constructor(
    private readonly sheet: Sheet,
    private readonly t: Translate,
  ) {
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

  extent(): { lastRow: number; lastColumn: number } {
    return { lastRow: this.sheet.getLastRow(), lastColumn: this.sheet.getLastColumn() };
  }

  lastRow(): number {
    return this.sheet.getLastRow();
  }

  maxColumns(): number {
    return this.sheet.getMaxColumns();
  }

  // Developer metadata may be added only by an editor of the spreadsheet; the entry is the add-on's own, so
  // adding and removing it cannot touch anything someone else wrote. Sheet protections are asked separately.
  assertEditable(): void {
    for (const protection of this.sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)) {
      if (!protection.canEdit()) {
        throw new Error(this.t('sheet_protected', { sheet: this.name }));
      }
    }
    this.sheet.addDeveloperMetadata(EDIT_PROBE_KEY);
    for (const entry of this.sheet.getDeveloperMetadata()) {
      if (entry.getKey() === EDIT_PROBE_KEY) entry.remove();
    }
  }

  readDataRange(): Grid {
    this.dataRange = this.sheet.getDataRange();
    return this.dataRange.getValues() as Grid;
  }

  readDataRangeFormulas(): string[][] {
    if (this.dataRange === null) this.dataRange = this.sheet.getDataRange();
    return this.dataRange.getFormulas();
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
  private readonly sheets = new Map<string, SheetPort>();
  readonly name: string;

  /** `idCache`: the id it was opened by, when it was (openById's argument is the id getId returns). */
  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly t: Translate,
    private idCache: string | null = null,
  ) {
    this.name = spreadsheet.getName();
  }

  get id(): string {
    if (this.idCache === null) this.idCache = this.spreadsheet.getId();
    return this.idCache;
  }

  /** Built from the id (no round trip): the address Sheets itself gives a spreadsheet. */
  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  sheet(name: string): SheetPort | null {
    const known = this.sheets.get(name);
    if (known) return known;
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) return null;
    const port = new GasSheet(sheet, this.t);
    this.sheets.set(name, port);
    return port;
  }

  sheetNames(): string[] {
    return this.spreadsheet.getSheets().map((sheet) => sheet.getName());
  }

  insertSheet(name: string): SheetPort {
    const port = new GasSheet(this.spreadsheet.insertSheet(name), this.t);
    this.sheets.set(name, port);
    return port;
  }

  deleteSheet(name: string): void {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (sheet) this.spreadsheet.deleteSheet(sheet);
    this.sheets.delete(name);
  }

  totalCells(): number {
    return this.gridSizes().reduce((sum, grid) => sum + grid.maxRows * grid.maxColumns, 0);
  }

  gridSizes(): { name: string; maxRows: number; maxColumns: number }[] {
    return this.spreadsheet.getSheets().map((sheet) => ({
      name: sheet.getName(),
      maxRows: sheet.getMaxRows(),
      maxColumns: sheet.getMaxColumns(),
    }));
  }

  private wholeSheetProtection(sheetName: string): GoogleAppsScript.Spreadsheet.Protection | null {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet) return null;
    return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? null;
  }

  sheetProtection(sheetName: string): string | null {
    const protection = this.wholeSheetProtection(sheetName);
    return protection ? protection.getDescription() : null;
  }

  // https://developers.google.com/apps-script/reference/spreadsheet/protection: a new protection mirrors the
  // spreadsheet's editors until its own list is set; the owner and the current user cannot be removed.
  protectSheet(sheetName: string, description: string): void {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(this.t('sheet_not_protectable', { sheet: sheetName }));
    const protection = sheet.protect().setDescription(description);
    protection.addEditor(Session.getEffectiveUser());
    protection.removeEditors(protection.getEditors());
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  }

  unprotectSheet(sheetName: string, ours: (description: string) => boolean): boolean {
    const protection = this.wholeSheetProtection(sheetName);
    if (!protection || !ours(protection.getDescription())) return false;
    protection.remove();
    return true;
  }

  // getDeveloperMetadata() lists the spreadsheet-level entries in one call; a finder costs three.
  private findMetadata(key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
    return this.spreadsheet.getDeveloperMetadata().find((entry) => entry.getKey() === key) ?? null;
  }

  metadata(key: string): string | null {
    const found = this.findMetadata(key);
    return found ? found.getValue() : null;
  }

  setMetadata(key: string, value: string): void {
    const found = this.findMetadata(key);
    if (found) found.setValue(value);
    else this.spreadsheet.addDeveloperMetadata(key, value);
  }

  flush(): void {
    SpreadsheetApp.flush();
  }
}

/** The spreadsheets, whose refusals (a protected sheet) are written with `t`. */
export function gasSpreadsheets(t: Translate = translator('en')): SpreadsheetsPort {
  return {
    active() {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      return spreadsheet ? new GasSpreadsheet(spreadsheet, t) : null;
    },
    open(id: string) {
      return new GasSpreadsheet(SpreadsheetApp.openById(id), t, id);
    },
  };
}
