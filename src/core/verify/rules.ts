import { translator, type Translate } from '../messages';
import { isDate } from '../digest';
import type { ColumnRule, MigrationSpec, NewColumn } from '../migrations/migration-spec';

/**
 * The spec's column rules the row checks apply (see ColumnRule): the counter column for `versions`, the paired
 * columns for `occupation_empty`. Plain JSON: it travels in the verification cursor's layout.
 */
export interface RuledColumn {
  header: string;
  rule: ColumnRule | null;
}

export interface CheckedColumns {
  /** `start`: the counter's value right after the migration (its fill). */
  counter: (RuledColumn & { start: number }) | null;
  /** The column that names its partner in `pairedWith`, then the partner. */
  pair: [RuledColumn, RuledColumn] | null;
  /** Every other added column with a plain fill (`values`): its fill right after the migration, its rule later. */
  valued: (RuledColumn & { fill: NewColumn['fill'] })[];
}

function ruled(column: NewColumn): RuledColumn {
  return { header: column.header, rule: column.rule ?? null };
}

/** Which new columns the row checks look at; a spec naming a partner it does not add is refused. */
export function checkedColumns(spec: MigrationSpec): CheckedColumns {
  const counters = spec.newColumns.filter((column) => column.rule === 'counter');
  const paired = spec.newColumns.filter((column) => column.pairedWith !== undefined);
  if (counters.length > 1 || paired.length > 1) {
    throw new Error(
      `Migration spec ${spec.id} declares ${counters.length} counter columns and ${paired.length} paired ` +
        'columns; the verification checks at most one of each. Fix the spec.',
    );
  }
  const counter = counters[0];
  const first = paired[0];
  const partner = first && spec.newColumns.find((column) => column.header === first.pairedWith);
  if (first && (!partner || partner === first)) {
    throw new Error(
      `Migration spec ${spec.id}: column "${first.header}" is paired with "${first.pairedWith}", which is not ` +
        'another column the migration adds. Fix the spec.',
    );
  }
  const special = new Set([counter, first, partner]);
  return {
    counter: counter
      ? { ...ruled(counter), start: typeof counter.fill === 'number' ? counter.fill : 0 }
      : null,
    pair: first && partner ? [ruled(first), ruled(partner)] : null,
    valued: spec.newColumns
      .filter((column) => !special.has(column) && !column.computed)
      .map((column) => ({ ...ruled(column), fill: column.fill })),
  };
}

export function isCounter(value: unknown, start = 0): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= start;
}

const TOKENS: Record<string, string> = {
  YYYY: '(\\d{4})',
  MM: '(\\d{2})',
  DD: '(\\d{2})',
  HH: '(\\d{2})',
  mm: '(\\d{2})',
  ss: '(\\d{2})',
};
const TOKEN = /YYYY|MM|DD|HH|mm|ss/g;
const compiled = new Map<string, { pattern: RegExp; order: string[] }>();
const patterns = new Map<string, RegExp>();

function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source);
    patterns.set(source, pattern);
  }
  return pattern;
}

function compileTimestamp(format: string): { pattern: RegExp; order: string[] } {
  const known = compiled.get(format);
  if (known) return known;
  const order: string[] = [];
  let source = '';
  let last = 0;
  for (const match of format.matchAll(TOKEN)) {
    source += format.slice(last, match.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + TOKENS[match[0]];
    order.push(match[0]);
    last = (match.index ?? 0) + match[0].length;
  }
  source += format.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const result = { pattern: new RegExp(`^${source}$`), order };
  compiled.set(format, result);
  return result;
}

/** Text in `format` with a real calendar date and time, or a date-formatted cell (a Date). */
export function isTimestamp(value: unknown, format: string): boolean {
  if (isDate(value)) return !Number.isNaN(value.getTime());
  if (typeof value !== 'string') return false;
  const { pattern, order } = compileTimestamp(format);
  const match = pattern.exec(value);
  if (!match) return false;
  const part = (token: string, fallback: number) => {
    const index = order.indexOf(token);
    return index < 0 ? fallback : Number(match[index + 1]);
  };
  const [year, month, day] = [part('YYYY', 2000), part('MM', 1), part('DD', 1)];
  const [hour, minute, second] = [part('HH', 0), part('mm', 0), part('ss', 0)];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59
  );
}

/** Whether a non-empty cell meets its column's rule (no rule: any value). */
export function meetsRule(value: unknown, rule: ColumnRule | null): boolean {
  if (rule === null) return true;
  if (rule === 'counter' || rule === 'integer') return isCounter(value);
  if (rule === 'number') return typeof value === 'number' && Number.isFinite(value);
  if ('pattern' in rule) return typeof value === 'string' && patternOf(rule.pattern).test(value);
  return isTimestamp(value, rule.timestamp);
}

/** The rule in words for a report: `like MR(93)`, `as DD-MM-YYYY HH:mm:ss`. */
export function describeRule(rule: ColumnRule | null, t: Translate = translator('en')): string {
  if (rule === null) return t('rule_set');
  if (rule === 'counter' || rule === 'integer') return t('rule_integer');
  if (rule === 'number') return t('rule_number');
  if ('pattern' in rule) return t('rule_like', { example: rule.example });
  return t('rule_as', { format: rule.timestamp });
}
