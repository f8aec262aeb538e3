// Which migration of the chain a run works on, and the target a `{target}` start carries across runs.
import { CHAIN_KEY } from '../state/keys';
import { translator, type Translate } from '../messages';
import type { Status } from '../contract';
import { readHistory } from '../history';
import { applyingRun } from './schema-info';
import { migrationById, migrations } from '../migrations/registry';
import { readSchema, schemaFromHeaders, type SchemaReading } from '../migrations/schema';
import { sheetSpec } from '../migrations/sheet-spec';
import type { Migration } from '../migrations/types';
import type { MigrationSpec } from '../migrations/migration-spec';
import type { PlanFacts } from './plan-facts';

/**
 * `{target}` of a start that runs several migrations: kept until the target's run is done, so a pause or a
 * crash between two runs resumes with the next one. A checkpoint key: cleared with the others when the chain ends.
 */

export interface ChainRecord {
  target: string;
  started_at: string;
}

export function readChain(all: Record<string, string>): ChainRecord | null {
  const raw = all[CHAIN_KEY];
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ChainRecord>;
    return typeof parsed.target === 'string' && migrationById(parsed.target)
      ? { target: parsed.target, started_at: String(parsed.started_at ?? '') }
      : null;
  } catch {
    return null;
  }
}

export function encodeChain(record: ChainRecord): string {
  return JSON.stringify(record);
}

export function indexOf(id: string): number {
  return migrations().findIndex((spec) => spec.id === id);
}

/** The engine's view of a migration by id; a checkpoint of a migration this add-on does not know is refused. */
export function specOf(id: string, t: Translate = translator('en')): MigrationSpec {
  const migration = migrationById(id);
  if (!migration) throw new Error(t('saved_run_unknown', { id }));
  return sheetSpec(migration);
}

/** A `target` option: a migration the add-on knows. */
export function targetMigration(
  target: string | undefined,
  t: Translate = translator('en'),
): Migration | null {
  if (target === undefined) return null;
  const found = migrationById(target);
  if (!found) {
    const known = migrations()
      .map((spec) => spec.id)
      .join(', ');
    throw new Error(t('target_unknown', { target, known }));
  }
  return found;
}

/**
 * The migration a new run most likely works on, before any sheet is read: the one after the newest applied in
 * the history (the first of the chain without one). The plan's headers confirm or correct it.
 */
export function likelyNext(all: Record<string, string>): Migration {
  const chain = migrations();
  const history = readHistory(all);
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    if (applyingRun(history, chain[i].id)) return chain[Math.min(i + 1, chain.length - 1)];
  }
  return chain[0];
}

/**
 * The chain as the plan's reads show it. The plan read the sheets of the migration it guessed (`guess`); sheets
 * it did not read count as absent, so when those headers point elsewhere the `schema_version` metadata (one
 * call, only then) has the last word, as it has for getSchemaInfo(). A sheet that is no ZEUES sheet stays unknown.
 */
export function readingOf(facts: PlanFacts, guess: Migration, metadata: () => string | null): SchemaReading {
  const others = facts.other_headers ?? {};
  const read = (name: string) => (name === facts.sheet_name ? facts.headers : (others[name] ?? null));
  const fromHeaders = schemaFromHeaders(read, facts.sheet_name);
  if (fromHeaders.current === 'unknown' || fromHeaders.pending[0]?.id === guess.id) return fromHeaders;
  return readSchema(metadata(), read, facts.sheet_name);
}

/** `done` for a spreadsheet already at `migration`'s schema with no run of it recorded (found from its headers). */
export function alreadyAtStatus(
  migration: Migration,
  nowIso: string,
  t: Translate = translator('en'),
): Status {
  return {
    migration: migration.id,
    run_id: null,
    state: 'done',
    dry_run: false,
    steps: migration.steps.map((step) => ({ name: step.name, status: 'skipped' })),
    updated_at: nowIso,
    message: t('already_at_schema', { schema: migration.id.replace(/^v/, '') }),
  };
}
