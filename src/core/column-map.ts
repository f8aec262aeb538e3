import { isDate } from './digest';
import type { MigrationSpec } from './migrations/migration-spec';

/**
 * Header text to column. Headers drift between copies of a sheet (`TAG` for `TAG_SPOOL`, `Ubicacion` for
 * `Ubicación`, `Tipo_Armado` for `Tipo Armado`), so headers are compared after normalising, and the spec's
 * aliases stand for each other. A ColumnMap is plain JSON so it can be cached.
 */
export interface ColumnMap {
  /** Header cells as read; column = index + 1. */
  headers: string[];
  /** Normalised header -> 1-based columns holding it (more than one: a duplicate). */
  index: Record<string, number[]>;
  /** Normalised names that stand for each other (the key column and its aliases). */
  alias_groups: string[][];
  duplicates: DuplicateHeader[];
  /** Columns whose header cell is blank (within the header row's width). */
  blank_columns: number[];
  /** The spec's new headers found in the row, in spec order, with every column each occupies. */
  new_headers_present: { header: string; columns: number[] }[];
}

export interface DuplicateHeader {
  normalised: string;
  headers: string[];
  columns: number[];
}

/** A header cell as text: Apps Script may return numbers or Dates for header cells typed as such. */
export function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString();
  return String(value);
}

// An execution maps the same few dozen headers again at every step and check (thousands of calls, each an NFD and
// four Unicode regular expressions); each text is normalised once. Bounded: callers may pass cell values too.
const NORMALISED_KEPT = 5000;
const normalisedHeaders = new Map<string, string>();

/**
 * Case, accents (NFD, combining marks dropped), spaces, underscores, '/', '.', '°' and other punctuation:
 * every run of characters that is neither a letter nor a digit becomes one '_', trimmed at both ends.
 * `PLANO_KRONOS N°` -> `plano_kronos_n`, `OK NDT si/no/Rep` -> `ok_ndt_si_no_rep`, `Ubicación` -> `ubicacion`.
 */
export function normaliseHeader(text: unknown): string {
  const raw = headerText(text);
  let normalised = normalisedHeaders.get(raw);
  if (normalised === undefined) {
    if (normalisedHeaders.size >= NORMALISED_KEPT) normalisedHeaders.clear();
    normalised = normalise(raw);
    normalisedHeaders.set(raw, normalised);
  }
  return normalised;
}

function normalise(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[°º]/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

function has(record: Record<string, number[]>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

export function buildColumnMap(headers: unknown[], spec?: MigrationSpec): ColumnMap {
  const texts = headers.map(headerText);
  const index: Record<string, number[]> = {};
  const blank: number[] = [];
  texts.forEach((text, i) => {
    const key = normaliseHeader(text);
    if (key === '') {
      blank.push(i + 1);
      return;
    }
    if (has(index, key)) index[key].push(i + 1);
    else index[key] = [i + 1];
  });
  const duplicates: DuplicateHeader[] = Object.keys(index)
    .filter((key) => index[key].length > 1)
    .map((key) => ({
      normalised: key,
      headers: index[key].map((column) => texts[column - 1]),
      columns: index[key].slice(),
    }));
  const aliasGroups = spec
    ? [[spec.keyColumn.header, ...spec.keyColumn.aliases].map(normaliseHeader).filter((name) => name !== '')]
    : [];
  const newHeadersPresent = spec
    ? spec.newColumns
        .map((column) => {
          const key = normaliseHeader(column.header);
          return { header: column.header, columns: has(index, key) ? index[key].slice() : [] };
        })
        .filter((found) => found.columns.length > 0)
    : [];
  return {
    headers: texts,
    index,
    alias_groups: aliasGroups,
    duplicates,
    blank_columns: blank,
    new_headers_present: newHeadersPresent,
  };
}

/**
 * Every column a header (or, failing that, one of its aliases) occupies; exact normalised matches win over
 * aliases so a sheet holding both `TAG` and `TAG_SPOOL` resolves each to its own column.
 */
export function resolveColumns(map: ColumnMap, name: string): number[] {
  const key = normaliseHeader(name);
  if (key === '') return [];
  if (has(map.index, key)) return map.index[key].slice();
  for (const group of map.alias_groups) {
    if (!group.includes(key)) continue;
    for (const alias of group) {
      if (alias !== key && has(map.index, alias)) return map.index[alias].slice();
    }
  }
  return [];
}

/** The 1-based column of a header, or null when it is missing or ambiguous (a duplicate). */
export function resolveColumn(map: ColumnMap, name: string): number | null {
  const columns = resolveColumns(map, name);
  return columns.length === 1 ? columns[0] : null;
}

/** Like resolveColumn, but a missing or duplicated header is an Error a person can act on. */
export function requireColumn(map: ColumnMap, name: string, sheetName = 'the sheet'): number {
  const columns = resolveColumns(map, name);
  if (columns.length === 1) return columns[0];
  if (columns.length > 1) {
    throw new Error(
      `Header "${name}" appears ${columns.length} times in ${sheetName} (columns ${columns.join(', ')}). ` +
        'Rename or remove the extra columns so each header is unique, then try again.',
    );
  }
  throw new Error(
    `Header "${name}" was not found in row 1 of ${sheetName}. ` +
      'Restore the column (or its header text) and try again.',
  );
}

/** Spreadsheet column letters for messages: 1 -> A, 27 -> AA. */
export function columnLetter(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
