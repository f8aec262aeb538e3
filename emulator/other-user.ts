import { ServiceError } from './errors';
import type { SheetData, SpreadsheetData } from './model/spreadsheet-data';
import { cellFromInput, type Cell } from './model/values';
import { checkEdit } from './model/protections';
import { a1Of as a1, parseA1, splitSheet, type Area } from './spreadsheet/a1';
import type { WorldState } from './state';

// Another user of the spreadsheets (the ZEUES app's account, a worker at a laptop) writing cells while the
// add-on's executions come and go: between executions, or before service call k of one (RunOptions.beforeCall).
// Their writes go straight to the stored sheets, parsed as typed input, subject to protections; they are
// logged in world.otherWrites and never counted in an execution's stats.

export type OtherWriteKind = 'setValues' | 'setFormulas' | 'appendRow';

export interface OtherWrite {
  user: string;
  spreadsheetId: string;
  sheet: string;
  /** A1 notation of the cells written (appendRow: the new row). */
  range: string;
  kind: OtherWriteKind;
  cells: number;
  /** ISO time of the write on the virtual clock. */
  at: string;
  /** The round trip of the execution it ran before, or null between executions. */
  beforeCall: number | null;
  /** The platform's message when the write was refused (nothing was written). */
  error?: string;
}

/** A write the platform refuses (a protected range, a cell over 50,000 characters): nothing changed. */
export class EditRefused extends Error {}

export interface OtherUserContext {
  state: WorldState;
  /** Current virtual time and call number: inside a beforeCall hook, the execution's. */
  moment: () => { nowMs: number; beforeCall: number | null };
  record: (w: OtherWrite) => void;
}

export class OtherUser {
  constructor(
    readonly email: string,
    private readonly ctx: OtherUserContext,
  ) {}

  /** Writes values over `range` ('Sheet!A2:C3'), as typed: '123' becomes a number, a leading ' keeps text. */
  setValues(spreadsheetId: string, range: string, values: unknown[][]): void {
    this.write('setValues', spreadsheetId, range, values, (sheet, area) => {
      const stored = values.map((row) => row.map((v) => cellFromInput(v)));
      sheet.grid.setBlock(area.row - 1, area.column - 1, stored);
    });
  }

  /** Writes formulas over `range`; '' clears a cell. Formulas are stored, not evaluated (value ''). */
  setFormulas(spreadsheetId: string, range: string, formulas: string[][]): void {
    this.write('setFormulas', spreadsheetId, range, formulas, (sheet, area) => {
      formulas.forEach((line, i) =>
        line.forEach((f, j) => {
          const text = String(f ?? '');
          const r = area.row - 1 + i;
          const c = area.column - 1 + j;
          if (text === '') sheet.grid.set(r, c, undefined);
          else sheet.grid.set(r, c, undefined, text.startsWith('=') ? text : `=${text}`);
        }),
      );
    });
  }

  /** Appends a row below the sheet's last row with content, growing the grid when needed. */
  appendRow(spreadsheetId: string, sheetName: string, values: unknown[]): void {
    const { ss, sheet } = this.locate(spreadsheetId, sheetName);
    if (!Array.isArray(values) || values.length === 0)
      throw new Error(`appendRow as ${this.email}: give a non-empty array of values`);
    const area = { row: sheet.grid.lastRow() + 1, column: 1, numRows: 1, numColumns: values.length };
    this.apply('appendRow', ss, sheet, area, () => {
      const stored: (Cell | undefined)[] = values.map((v) => cellFromInput(v));
      if (area.row > sheet.maxRows) ss.insertRows(sheet, sheet.maxRows + 1, area.row - sheet.maxRows);
      if (values.length > sheet.maxColumns)
        ss.insertColumns(sheet, sheet.maxColumns + 1, values.length - sheet.maxColumns);
      sheet.grid.setBlock(area.row - 1, 0, [stored]);
    });
  }

  private locate(spreadsheetId: string, sheetName: string): { ss: SpreadsheetData; sheet: SheetData } {
    const ss = this.ctx.state.spreadsheets.get(spreadsheetId);
    if (!ss) throw new Error(`${this.email}: no spreadsheet ${spreadsheetId} in this world`);
    const sheet = ss.sheet(sheetName);
    if (!sheet)
      throw new Error(
        `${this.email}: spreadsheet "${ss.name}" has no sheet "${sheetName}" (has: ${ss.sheets.map((s) => s.name).join(', ')})`,
      );
    return { ss, sheet };
  }

  private write(
    kind: OtherWriteKind,
    spreadsheetId: string,
    range: string,
    grid: unknown[][],
    effect: (sheet: SheetData, area: Area) => void,
  ): void {
    const { sheet: name, cells } = splitSheet(range);
    if (name === null)
      throw new Error(`${kind} as ${this.email}: name the sheet in the range, e.g. 'Sheet!A2:C3'`);
    const { ss, sheet } = this.locate(spreadsheetId, name);
    let area: Area;
    try {
      area = parseA1(cells, sheet.maxRows, sheet.maxColumns);
    } catch {
      throw new Error(`${kind} as ${this.email}: "${range}" is not a range in A1 notation`);
    }
    const width = Array.isArray(grid) && Array.isArray(grid[0]) ? grid[0].length : -1;
    if (
      !Array.isArray(grid) ||
      grid.length !== area.numRows ||
      grid.some((r) => !Array.isArray(r) || r.length !== area.numColumns)
    )
      throw new Error(
        `${kind} as ${this.email}: ${range} is ${area.numRows}x${area.numColumns}, the data ${Array.isArray(grid) ? grid.length : '?'}x${width}`,
      );
    if (area.row + area.numRows - 1 > sheet.maxRows || area.column + area.numColumns - 1 > sheet.maxColumns)
      throw new Error(
        `${kind} as ${this.email}: ${range} falls outside the ${sheet.maxRows}x${sheet.maxColumns} grid`,
      );
    this.apply(kind, ss, sheet, area, () => effect(sheet, area));
  }

  private apply(
    kind: OtherWriteKind,
    ss: SpreadsheetData,
    sheet: SheetData,
    area: Area,
    effect: () => void,
  ): void {
    const { nowMs, beforeCall } = this.ctx.moment();
    const entry: OtherWrite = {
      user: this.email,
      spreadsheetId: ss.id,
      sheet: sheet.name,
      range: a1(area),
      kind,
      cells: area.numRows * area.numColumns,
      at: new Date(nowMs).toISOString(),
      beforeCall,
    };
    if (this.email !== ss.owner && !ss.editors.includes(this.email))
      throw new Error(
        `${this.email} cannot edit "${ss.name}": share it first (SpreadsheetSpec.editors or spreadsheet.addEditor)`,
      );
    try {
      checkEdit(ss, sheet, area, this.email);
      effect();
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      entry.error = e.message;
      this.ctx.record(entry);
      throw new EditRefused(e.message);
    }
    this.ctx.record(entry);
  }
}
