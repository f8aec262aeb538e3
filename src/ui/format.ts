// Pure presentation logic: numbers, times, durations, the ETA of a chunked step, values of checks.
import type { Progress } from './contract';
import type { Translate } from './i18n';

export const DASH = '—';

export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

export function text(value: unknown): string {
  if (!isPresent(value)) return DASH;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return describeValue(value);
}

export function formatNumber(value: unknown, locale: string): string {
  return typeof value === 'number' && Number.isFinite(value)
    ? new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
    : DASH;
}

/** An ISO-8601 time as the user's locale writes it; anything unreadable as '—'. */
export function formatTime(iso: unknown, locale: string): string {
  if (typeof iso !== 'string' || iso === '') return DASH;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return DASH;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
}

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/g;
// A bare count: not part of a name, an id or a decimal (v3.0-20261124T120001Z, 12.00.01 stay as they are).
const BARE_COUNT = /(?<![\w.,:-])\d{4,}(?![\w.,:-]|\.\d)/g;

/** A server's text with its ISO times and bare counts written the locale's way ("24275 of 10000000"). */
export function localizeText(value: unknown, locale: string): string {
  return text(value)
    .replace(ISO_TIME, (iso) => formatTime(iso, locale))
    .replace(BARE_COUNT, (digits) => formatNumber(Number(digits), locale));
}

export function percent(progress: Progress | undefined | null): number | null {
  if (!progress || typeof progress.done !== 'number' || typeof progress.total !== 'number') return null;
  if (progress.total <= 0) return progress.done >= progress.total ? 100 : 0;
  return Math.max(0, Math.min(100, Math.floor((progress.done / progress.total) * 100)));
}

/** A time left as a person says it: seconds to the ten, minutes, hours (and minutes to the five, under 10 h). */
export function formatDuration(seconds: number, t: Translate): string {
  const whole = Math.max(1, Math.round(seconds));
  if (whole < 60) return t('duration_seconds', { s: Math.max(10, Math.ceil(whole / 10) * 10) });
  if (whole < 3600) return t('duration_minutes', { m: Math.min(59, Math.ceil(whole / 60)) });
  const hours = Math.floor(whole / 3600);
  const minutes = Math.round((whole % 3600) / 60 / 5) * 5;
  if (hours >= 10 || minutes === 0)
    return t('duration_hours', { h: minutes >= 30 && hours >= 10 ? hours + 1 : hours });
  if (minutes === 60) return t('duration_hours', { h: hours + 1 });
  return t('duration_hours_minutes', { h: hours, m: minutes });
}

/** A check's expected/actual value as one line of text: lists joined, objects as JSON, long ones cut. */
export function describeValue(value: unknown, max = 120): string {
  if (!isPresent(value)) return DASH;
  let out: string;
  if (Array.isArray(value))
    out = value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  else if (typeof value === 'object') out = JSON.stringify(value);
  else out = String(value);
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/** The list of differences a check carries, under whichever of the usual names it uses. */
/** The first cells others changed since the backup (a check's `edits`), described like differences. */
export function editsOf(check: Record<string, unknown> | undefined, t: Translate, limit = 5): string[] {
  const list = check?.edits;
  return Array.isArray(list) ? list.slice(0, limit).map((d) => describeDifference(d, t)) : [];
}

export function differencesOf(check: Record<string, unknown> | undefined, t: Translate, limit = 5): string[] {
  if (!check) return [];
  for (const field of ['differences', 'first_differences', 'mismatches', 'diffs', 'samples']) {
    const list = check[field];
    if (Array.isArray(list) && list.length > 0)
      return list.slice(0, limit).map((d) => describeDifference(d, t));
  }
  return [];
}

/** One difference: where (row, column or header) and what the backup had → what the sheet has now. */
function describeDifference(d: unknown, t: Translate): string {
  if (d && typeof d === 'object' && !Array.isArray(d)) {
    const o = d as Record<string, unknown>;
    const column = isPresent(o.header) ? o.header : o.column;
    const where = [
      o.row !== undefined ? t('verify_row', { row: text(o.row) }) : '',
      isPresent(column) ? text(column) : '',
    ]
      .filter(Boolean)
      .join(', ');
    const before = 'expected' in o ? o.expected : 'backup' in o ? o.backup : undefined;
    const after = 'actual' in o ? o.actual : 'current' in o ? o.current : undefined;
    if (where && (before !== undefined || after !== undefined))
      return `${where}: ${text(before)} → ${text(after)}`;
  }
  return describeValue(d);
}
