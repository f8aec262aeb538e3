import { isDate } from '../digest';
import { MAX_LISTED, MAX_SHOWN_CHARS, type Sample } from './types';

export function emptySample<T>(): Sample<T> {
  return { count: 0, first: [] };
}

export function addToSample<T>(sample: Sample<T>, item: T, limit = MAX_LISTED): void {
  sample.count += 1;
  if (sample.first.length < limit) sample.first.push(item);
}

/** A cell as plain JSON for a report: its formula when it has one, a Date as ISO text, long text shortened. */
export function showCell(value: unknown, formula = ''): string | number | boolean {
  if (formula) return shorten(formula);
  if (isDate(value)) return value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return '';
  return shorten(String(value));
}

function shorten(text: string): string {
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS - 1)}…` : text;
}

/** Whether a cell holds nothing: '' (getValues returns '' for an empty cell). */
export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}
