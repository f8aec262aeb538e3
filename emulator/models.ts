import { ServiceError } from './errors';
import type { SheetData, SpreadsheetData } from './model/spreadsheet-data';
import { cellFromSeed, copyCell, type Cell } from './model/values';
import { a1Of, parseA1 } from './spreadsheet/a1';

// What tests see of a spreadsheet: direct access to the stored state, free of cost and instruments
// ("as if a person typed it").

export interface SheetSpec {
  name: string;
  /** Row 1 is usually the header; strings, numbers, booleans, Dates; '' or null = empty. */
  values: unknown[][];
  /** Same shape as values; a non-empty string is the cell's formula (the value stays its computed result). */
  formulas?: (string | null)[][];
  maxRows?: number;
  maxColumns?: number;
  frozenRows?: number;
  hidden?: boolean;
}

function hostError(e: unknown): never {
  if (e instanceof ServiceError) throw new Error(e.message);
  throw e;
}

/** A row's formulas as the grid keeps them: undefined for a row without any, holes where a cell has none. */
function formulaRow(line: (string | null)[] | null | undefined): (string | undefined)[] | undefined {
  if (!line) return undefined;
  let last = line.length - 1;
  while (last >= 0 && !isSpecFormula(line[last])) last -= 1;
  if (last < 0) return undefined;
  const row = new Array<string | undefined>(last + 1);
  for (let c = 0; c <= last; c++) if (isSpecFormula(line[c])) row[c] = line[c] as string;
  return row;
}

/** SheetSpec.formulas: any non-empty string is the cell's formula (unlike setValues input, which needs '='). */
function isSpecFormula(f: unknown): boolean {
  return typeof f === 'string' && f !== '';
}

export function fillSheet(ss: SpreadsheetData, spec: SheetSpec): SheetData {
  if (!Array.isArray(spec.values) || spec.values.some((r) => !Array.isArray(r))) {
    throw new Error(`Sheet "${spec.name}": values must be an array of rows (arrays)`);
  }
  const rows = spec.values.length;
  const cols = spec.values.reduce((n, r) => Math.max(n, r.length), 0);
  const maxRows = spec.maxRows ?? Math.max(rows, 1000);
  const maxColumns = spec.maxColumns ?? Math.max(cols, 26);
  if (maxRows < rows || maxColumns < cols) {
    throw new Error(
      `Sheet "${spec.name}": maxRows/maxColumns (${maxRows}x${maxColumns}) smaller than its values (${rows}x${cols})`,
    );
  }
  let sheet: SheetData;
  try {
    sheet = ss.addSheet(spec.name, maxRows, maxColumns);
  } catch (e) {
    hostError(e);
  }
  sheet.grid.adoptRows(
    spec.values.map((r) => r.map((v) => cellFromSeed(v))),
    (spec.formulas ?? []).map(formulaRow),
  );
  sheet.frozenRows = spec.frozenRows ?? 0;
  sheet.hidden = spec.hidden ?? false;
  return sheet;
}

export class SheetModel {
  constructor(
    private readonly ss: SpreadsheetData,
    private readonly data: SheetData,
  ) {}

  get name(): string {
    return this.data.name;
  }
  get sheetId(): number {
    return this.data.sheetId;
  }
  get maxRows(): number {
    return this.data.maxRows;
  }
  get maxColumns(): number {
    return this.data.maxColumns;
  }
  get lastRow(): number {
    return this.data.grid.lastRow();
  }
  get lastColumn(): number {
    return this.data.grid.lastColumn();
  }
  get frozenRows(): number {
    return this.data.frozenRows;
  }
  get hidden(): boolean {
    return this.data.hidden;
  }

  /** Values of rows 1..lastRow, columns 1..lastColumn ('' for empty cells, host Dates). */
  values(): (Cell | '')[][] {
    return this.data.grid.read(0, 0, this.lastRow, this.lastColumn, copyCell);
  }

  /** Values of the block at (row, column), 1-based, like getRange(row, column, rows, columns) ('' for empty cells, host Dates). */
  block(row: number, column: number, rows: number, columns: number): (Cell | '')[][] {
    return this.data.grid.read(row - 1, column - 1, rows, columns, copyCell);
  }

  /** Values of one row (1-based), columns 1..lastColumn: a header row without a copy of the whole sheet. */
  row(row: number): (Cell | '')[] {
    return this.block(row, 1, 1, this.lastColumn)[0];
  }

  /** Formulas over the same area ('' where a cell has none). */
  formulas(): string[][] {
    return this.data.grid.readFormulas(0, 0, this.lastRow, this.lastColumn);
  }

  /** Formulas of the block at (row, column), 1-based, like getRange(...).getFormulas() ('' where none). */
  formulaBlock(row: number, column: number, rows: number, columns: number): string[][] {
    return this.data.grid.readFormulas(row - 1, column - 1, rows, columns);
  }

  /** Direct edit at (row, column), 1-based, no cost: as if a person typed the values. */
  setValues(row: number, column: number, grid: unknown[][]): void {
    const width = grid.reduce((n, r) => Math.max(n, r.length), 0);
    if (
      row < 1 ||
      column < 1 ||
      row + grid.length - 1 > this.maxRows ||
      column + width - 1 > this.maxColumns
    ) {
      throw new Error(
        `setValues(${row}, ${column}, ${grid.length}x${width}) falls outside the ${this.maxRows}x${this.maxColumns} grid`,
      );
    }
    this.data.grid.setBlock(
      row - 1,
      column - 1,
      grid.map((r) => r.map((v) => cellFromSeed(v))),
    );
  }

  deleteColumns(column: number, n: number): void {
    this.ss.deleteColumns(this.data, column, n);
  }

  /**
   * Direct edit, no cost: a row after the last row with content, the grid grown when it is full, as
   * Sheet.appendRow does (https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)).
   */
  appendRow(values: unknown[]): void {
    const row = this.lastRow + 1;
    if (row > this.maxRows) this.ss.insertRows(this.data, this.maxRows + 1, row - this.maxRows);
    if (values.length > this.maxColumns) {
      this.ss.insertColumns(this.data, this.maxColumns + 1, values.length - this.maxColumns);
    }
    this.setValues(row, 1, [values]);
  }

  /** Direct edit, no cost: rows deleted as Sheet.deleteRows does (the rows below move up). */
  deleteRows(row: number, n: number): void {
    this.ss.deleteRows(this.data, row, n);
  }

  /** Direct edit, no cost: the sheet renamed as Sheet.setName does (a script finds it by its new name only). */
  rename(name: string): void {
    if (this.ss.sheet(name)) throw new Error(`rename: a sheet named "${name}" already exists`);
    this.data.name = name;
  }

  insertColumnsAfter(column: number, n: number): void {
    try {
      this.ss.insertColumns(this.data, column + 1, n);
    } catch (e) {
      hostError(e);
    }
  }

  /** Developer metadata on this sheet's columns: [{ key, value, column }]. */
  columnMetadata(): { key: string; value: string | null; column: number }[] {
    return this.ss.metadata.flatMap((m) =>
      m.location.type === 'COLUMN' && m.location.sheetId === this.data.sheetId
        ? [{ key: m.key, value: m.value, column: m.location.column }]
        : [],
    );
  }
}

export class SpreadsheetModel {
  constructor(private readonly data: SpreadsheetData) {}

  get id(): string {
    return this.data.id;
  }
  get name(): string {
    return this.data.name;
  }
  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.data.id}/edit`;
  }
  get timeZone(): string {
    return this.data.timeZone;
  }
  get editable(): boolean {
    return this.data.editable;
  }
  set editable(v: boolean) {
    this.data.editable = v;
  }

  sheet(name: string): SheetModel {
    const s = this.data.sheet(name);
    if (!s)
      throw new Error(
        `Spreadsheet "${this.data.name}" has no sheet "${name}" (has: ${this.sheetNames().join(', ')})`,
      );
    return new SheetModel(this.data, s);
  }

  sheetNames(): string[] {
    return this.data.sheets.map((s) => s.name);
  }

  totalCells(): number {
    return this.data.totalCells();
  }

  get owner(): string {
    return this.data.owner;
  }

  /** Users it is shared with for editing (the owner aside). */
  get editors(): string[] {
    return [...this.data.editors];
  }

  /** Shares it for editing with `email` (as the owner would in the Share dialog). */
  addEditor(email: string): void {
    if (!this.data.editors.includes(email)) this.data.editors.push(email);
  }

  /**
   * Protects a sheet (or `range`, A1 on that sheet) as a person would in the Sheets editor, allowing only
   * `editors` (the owner can always edit).
   */
  protect(
    sheetName: string,
    options: { editors: string[]; range?: string; description?: string; warningOnly?: boolean },
  ): void {
    const sheet = this.data.sheet(sheetName);
    if (!sheet) throw new Error(`Spreadsheet "${this.data.name}" has no sheet "${sheetName}"`);
    const area = options.range ? parseA1(options.range, sheet.maxRows, sheet.maxColumns) : null;
    this.data.protections.push({
      id: 1_000_000_000 + this.data.protections.length,
      type: area ? 'RANGE' : 'SHEET',
      sheetId: sheet.sheetId,
      area,
      description: options.description ?? '',
      editors: [...options.editors],
      warningOnly: options.warningOnly ?? false,
      unprotected: [],
    });
  }

  /** Its protections as stored: editors null while a protection still mirrors the spreadsheet's sharing. */
  protections(): {
    type: 'SHEET' | 'RANGE';
    sheet: string;
    range: string | null;
    description: string;
    editors: string[] | null;
    warningOnly: boolean;
  }[] {
    return this.data.protections.map((p) => ({
      type: p.type,
      sheet: this.data.sheetById(p.sheetId)?.name ?? '',
      range: p.area && a1Of(p.area),
      description: p.description,
      editors: p.editors && [...p.editors],
      warningOnly: p.warningOnly,
    }));
  }

  /** Spreadsheet-level developer metadata value for `key`, or null. */
  metadata(key: string): string | null {
    const m = this.data.metadata.find((x) => x.location.type === 'SPREADSHEET' && x.key === key);
    return m ? m.value : null;
  }
}
