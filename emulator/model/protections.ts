import { ServiceError } from '../errors';
import type { Area } from '../spreadsheet/a1';
import type { SheetData, SpreadsheetData } from './spreadsheet-data';

// Protected sheets and ranges and their effect on writes.
// https://developers.google.com/apps-script/reference/spreadsheet/protection
// A new protection mirrors the spreadsheet's own permissions (so it protects nothing) until its editor list
// is changed (https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect); the spreadsheet
// owner can always edit (Protection.canEdit); a warning-only protection lets everyone edit.

export const PROTECTED_EDIT =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export interface ProtectionRecord {
  id: number;
  type: 'SHEET' | 'RANGE';
  sheetId: number;
  /** RANGE: the protected cells. SHEET: null (the whole sheet). */
  area: Area | null;
  description: string;
  /** null: mirrors the spreadsheet's editors (protects nothing yet); else the users allowed to edit. */
  editors: string[] | null;
  warningOnly: boolean;
  /** SHEET only: areas left editable inside the protected sheet. */
  unprotected: Area[];
}

function overlaps(a: Area, b: Area): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

function inside(a: Area, b: Area): boolean {
  return (
    a.row >= b.row &&
    a.column >= b.column &&
    a.row + a.numRows <= b.row + b.numRows &&
    a.column + a.numColumns <= b.column + b.numColumns
  );
}

/** Everyone who may edit the spreadsheet: its owner and the users it is shared with. */
export function spreadsheetEditors(ss: SpreadsheetData): string[] {
  return [ss.owner, ...ss.editors.filter((e) => e !== ss.owner)];
}

/** Whether `email` may edit what `p` protects. */
export function mayEdit(ss: SpreadsheetData, p: ProtectionRecord, email: string): boolean {
  if (email === ss.owner || p.warningOnly) return true;
  const editors = p.editors ?? spreadsheetEditors(ss);
  return editors.includes(email);
}

function covers(p: ProtectionRecord, area: Area | null): boolean {
  if (p.type === 'RANGE') return area === null ? false : overlaps(p.area as Area, area);
  if (area === null) return true;
  return !p.unprotected.some((u) => inside(area, u));
}

/**
 * Throws the platform's message when `email` may not write `area` of `sheet` (null: a change of the sheet's
 * structure, which only a sheet protection guards). Any protection that refuses the user refuses the edit.
 */
export function checkEdit(ss: SpreadsheetData, sheet: SheetData, area: Area | null, email: string): void {
  for (const p of ss.protections) {
    if (p.sheetId === sheet.sheetId && covers(p, area) && !mayEdit(ss, p, email)) {
      throw new ServiceError(PROTECTED_EDIT);
    }
  }
}

/** Moves or resizes an area for `n` rows or columns inserted (n > 0) or deleted (n < 0) at `at` (1-based). */
function shiftArea(area: Area, axis: 'row' | 'column', at: number, n: number): Area | null {
  const start = axis === 'row' ? area.row : area.column;
  const size = axis === 'row' ? area.numRows : area.numColumns;
  let s = start;
  let len = size;
  if (n > 0) {
    if (at <= start) s += n;
    else if (at < start + size) len += n;
  } else {
    const from = at;
    const to = at - n; // exclusive
    if (to <= start) s -= to - from;
    else if (from < start + size) {
      len -= Math.min(to, start + size) - Math.max(from, start);
      if (from < start) s = from;
    }
    if (len <= 0) return null;
  }
  return axis === 'row' ? { ...area, row: s, numRows: len } : { ...area, column: s, numColumns: len };
}

/** Protected ranges follow inserted and deleted rows and columns; one whose cells are all deleted goes. */
export function shiftProtections(
  ss: SpreadsheetData,
  sheet: SheetData,
  axis: 'row' | 'column',
  at: number,
  n: number,
): void {
  ss.protections = ss.protections.filter((p) => {
    if (p.sheetId !== sheet.sheetId) return true;
    p.unprotected = p.unprotected.flatMap((u) => shiftArea(u, axis, at, n) ?? []);
    if (p.area === null) return true;
    const moved = shiftArea(p.area, axis, at, n);
    if (moved === null) return false;
    p.area = moved;
    return true;
  });
}
