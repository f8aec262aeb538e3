import { ServiceError, messages } from '../errors';

// A1 notation: "B2", "A1:C5", "C:C", "2:4", "A2:D" (open-ended), optionally "Sheet!A1" or "'My sheet'!A1".

export interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetters(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Ref {
  row?: number;
  column?: number;
}

function parseRef(ref: string): Ref {
  const m = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(ref);
  if (!m || (!m[1] && !m[2])) throw new ServiceError(messages.rangeNotFound);
  return { column: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** Splits "Sheet!A1" into the sheet name (or null) and the cell part. */
export function splitSheet(a1: string): { sheet: string | null; cells: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheet: null, cells: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cells: a1.slice(bang + 1) };
}

export function parseA1(cells: string, maxRows: number, maxColumns: number): Area {
  const [a, b] = cells.trim().split(':');
  const start = parseRef(a);
  const end = b === undefined ? start : parseRef(b);
  if (b === undefined && (start.row === undefined || start.column === undefined)) {
    throw new ServiceError(messages.rangeNotFound);
  }
  const r1 = start.row ?? 1;
  const c1 = start.column ?? 1;
  const r2 = end.row ?? maxRows;
  const c2 = end.column ?? maxColumns;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}

export function a1Of(area: Area): string {
  const tl = `${columnLetters(area.column)}${area.row}`;
  if (area.numRows === 1 && area.numColumns === 1) return tl;
  return `${tl}:${columnLetters(area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`;
}
