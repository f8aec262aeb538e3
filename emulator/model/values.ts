import { ServiceError, messages } from '../errors';
import { formatDate, dateParts } from '../format-date';
import { isDate } from '../realm';

/** What a cell holds: empty cells are `undefined` in storage and '' through the API. */
export type Cell = string | number | boolean | Date;

export const MAX_CELL_CHARS = 50000;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A value written by a script, as the sheet stores it. Like Sheets, a string that reads as a number or a
 * boolean becomes one (a leading apostrophe keeps it text); date-like strings stay strings here.
 */
export function cellFromInput(v: unknown): Cell | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (isDate(v)) return new Date(v.getTime());
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const s = typeof v === 'string' ? v : String(v);
  if (s.length > MAX_CELL_CHARS) throw new ServiceError(messages.cellChars);
  if (s.startsWith("'")) return s.length > 1 ? s.slice(1) : undefined;
  const t = s.trim();
  if (NUMBER.test(t)) return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  return s;
}

/** A value given by a test when building a world: kept exactly (no parsing). */
export function cellFromSeed(v: unknown): Cell | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (isDate(v)) return new Date(v.getTime());
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** The text Sheets shows for a value under the default ("Automatic") number format, en_US style. */
export function displayOf(v: Cell | undefined, timeZone: string): string {
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatNumber(v);
  if (isDate(v)) {
    const p = dateParts(v.getTime(), timeZone);
    const midnight = p.hour === 0 && p.minute === 0 && p.second === 0;
    return formatDate(v.getTime(), timeZone, midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss');
  }
  return v;
}

/** Host copy of a stored value (Dates are copied so nobody mutates storage). */
export function copyCell(v: Cell | undefined): Cell | '' {
  if (v === undefined) return '';
  return typeof v === 'object' ? new Date(v.getTime()) : v;
}
