// Which schema a spreadsheet has: its `schema_version` developer metadata, else what its headers show (a
// baseline, as Flyway takes one from an existing database).
import { normaliseHeader } from '../column-map';
import { baseSchema, migrations, versions } from './registry';
import type { Migration } from './types';
import { versionOf } from './validate';

export interface SchemaReading {
  /** '2.1', '3.0', ... , 'partial' or 'unknown'. */
  current: string;
  source: 'metadata' | 'headers';
  /** Migrations whose every change is in place, in order (from the headers; all before `current` from metadata). */
  applied: Migration[];
  /** The migrations still to run, in order; none when the sheet is unknown. */
  pending: Migration[];
  /** A migration whose changes are only partly in place: what is there and what is not. */
  partial: { migration: string; present: string[]; missing: string[] } | null;
}

/** The header row of a sheet as text, or null when the spreadsheet has no such sheet. */
export type HeaderReader = (sheet: string) => string[] | null;

/** A sheet's header row as the set of its normalised headers, or null when there is no such sheet. */
function namesOf(headers: string[] | null): Set<string> | null {
  return headers ? new Set(headers.map(normaliseHeader)) : null;
}

function has(names: Set<string> | null, header: string, aliases: string[] = []): boolean {
  if (!names) return false;
  return [header, ...aliases].some((name) => names.has(normaliseHeader(name)));
}

/** The sheet a change applies to: the first sheet of every migration is the configured target sheet. */
export function sheetOf(spec: Migration, index: number, targetSheet: string): string {
  return index === 0 || spec.sheets[index].sheet === spec.sheets[0].sheet
    ? targetSheet
    : spec.sheets[index].sheet;
}

/** What of a migration's changes the headers show: added columns and ensured headers, each as `Sheet!Header`. */
function changesInPlace(spec: Migration, read: HeaderReader, targetSheet: string) {
  const present: string[] = [];
  const missing: string[] = [];
  let addedPresent = 0;
  spec.sheets.forEach((change, i) => {
    const sheet = sheetOf(spec, i, targetSheet);
    const names = namesOf(read(sheet));
    for (const column of change.add_columns ?? []) {
      const found = has(names, column.header);
      (found ? present : missing).push(`${sheet}!${column.header}`);
      if (found) addedPresent += 1;
    }
    for (const header of change.ensure?.headers ?? []) {
      (has(names, header) ? present : missing).push(`${sheet}!${header}`);
    }
  });
  return { present, missing, addedPresent };
}

/** From the headers alone: the newest schema whose changes are all in place, `partial`, or `unknown`. */
export function schemaFromHeaders(read: HeaderReader, targetSheet: string): SchemaReading {
  const base = baseSchema();
  const names = namesOf(read(targetSheet));
  const unknown: SchemaReading = {
    current: 'unknown',
    source: 'headers',
    applied: [],
    pending: [],
    partial: null,
  };
  if (!base.signature.every((column) => has(names, column.header, column.aliases))) return unknown;
  const chain = migrations();
  const states = chain.map((spec) => changesInPlace(spec, read, targetSheet));
  let done = 0;
  while (done < chain.length && states[done].missing.length === 0) done += 1;
  const applied = chain.slice(0, done);
  const pending = chain.slice(done);
  // An ensured sheet may exist before its migration (Engineering fills Uniones first): only added columns tell.
  const started = states.slice(done).findIndex((state) => state.addedPresent > 0);
  if (started < 0) {
    return { current: versions()[done], source: 'headers', applied, pending, partial: null };
  }
  const state = states[done + started];
  return {
    current: 'partial',
    source: 'headers',
    applied,
    pending,
    partial: { migration: chain[done + started].id, present: state.present, missing: state.missing },
  };
}

/** The metadata when it names a schema the chain knows, else the headers. */
export function readSchema(metadata: string | null, read: HeaderReader, targetSheet: string): SchemaReading {
  const known = versions();
  if (metadata !== null && known.includes(metadata)) {
    const at = known.indexOf(metadata);
    return {
      current: metadata,
      source: 'metadata',
      applied: migrations().slice(0, at),
      pending: migrations().slice(at),
      partial: null,
    };
  }
  return schemaFromHeaders(read, targetSheet);
}

export { versionOf };
