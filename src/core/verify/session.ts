import { VERIFICATION_CURSOR_KEY } from '../state/keys';
import { messagesFor, translator, type MessageKey, type Translate } from '../messages';
import { en } from '../messages/en';
import type { Baseline } from '../baseline';
import { readConfig } from '../state/config';
import type { KeyValueStore, Services } from '../ports';
import { readRollbackFacts } from '../state/run-record';
import type { MigrationSpec } from '../migrations/migration-spec';
import { sheetSpecById } from '../migrations/sheet-spec';
import { advanceVerification } from './advance';
import { encodeCursor, parseCursor, startVerification } from './cursor';
import type { VerificationReport } from '../contract';
import type { VerificationCursor } from './types';

/**
 * verifyMigration() as a separate entry point: the 'in_use' rules (see VerificationMode), against the baseline of
 * the last completed migration. A verification that runs out of its time budget keeps its cursor in
 * `verification.cursor` and returns a report whose checks are all `pending` with one error saying how far it got
 * and to call it again; the next call continues from there. A cursor older than CURSOR_MAX_AGE_MS, or of another
 * migration run, is dropped and the verification starts over.
 */
export const CURSOR_MAX_AGE_MS = 6 * 60 * 60 * 1000;
/** Time kept back from the configured budget for saving the cursor and returning. */
const SAVE_MARGIN_MS = 5_000;

export function latestCompletedBaseline(
  all: Record<string, string>,
  t: Translate = translator('en'),
): Baseline {
  const facts = readRollbackFacts(all);
  const migration = facts.migration;
  const menu = t('menu_path');
  if (!migration) throw new Error(t('verify_no_migration', { menu, run: t('menu_run') }));
  if (!migration.completed) {
    throw new Error(
      t('verify_run_unfinished', {
        run: migration.run_id,
        state: stateName(migration.state, t),
        menu,
        resume: t('menu_resume'),
      }),
    );
  }
  if (facts.rolledBack) {
    throw new Error(
      t('verify_rolled_back', {
        run: migration.run_id,
        time: facts.rolledBack.completed_at ?? t('date_unknown'),
      }),
    );
  }
  return migration.baseline;
}

/** A run's state in the owner's words; a state this version does not name is quoted as stored. */
function stateName(state: string, t: Translate): string {
  const key = `state_${state}`;
  return Object.prototype.hasOwnProperty.call(en, key) ? t(key as MessageKey) : state;
}

function pendingReport(cursor: VerificationCursor, spec: MigrationSpec, t: Translate): VerificationReport {
  const total = cursor.layout?.data_rows ?? 0;
  const pending = (kind: string) => {
    if (kind === 'column_count') {
      return {
        passed: false,
        pending: true,
        expected: cursor.structure?.column_count.expected ?? 0,
        actual: 0,
      };
    }
    if (kind === 'new_headers') {
      return {
        passed: false,
        pending: true,
        expected: cursor.structure?.new_headers.expected ?? [],
        found: [],
      };
    }
    if (kind === 'report')
      return { passed: false, pending: true, progress: { done: cursor.next_row, total } };
    return { passed: false, pending: true };
  };
  return {
    timestamp: cursor.started_at,
    dry_run: cursor.dry_run,
    checks: Object.fromEntries(
      spec.checks.map((check) => [check.name, pending(check.does)]),
    ) as unknown as VerificationReport['checks'],
    success: false,
    errors: [t('verify_pending', { done: cursor.next_row, total })],
  };
}

export function runVerificationSlice(services: Services): VerificationReport {
  const startedAt = services.clock.now();
  const all = services.properties.getAll();
  const t = messagesFor(services.session);
  const baseline = latestCompletedBaseline(all, t);
  const spec = sheetSpecById(baseline.migration, 'verify', t);
  const config = readConfig(all);
  const stored = parseCursor(all[VERIFICATION_CURSOR_KEY]);
  const fresh =
    stored &&
    stored.run_id === baseline.run_id &&
    stored.mode === 'in_use' &&
    startedAt - Date.parse(stored.started_at) < CURSOR_MAX_AGE_MS;
  const cursor = fresh
    ? stored
    : startVerification(baseline, new Date(startedAt).toISOString(), { mode: 'in_use' });
  const deadline = startedAt + config.time_budget_seconds * 1000 - SAVE_MARGIN_MS;
  // the report reads the properties once more to append its history entry: answer from this read
  const store = services.properties;
  const properties: KeyValueStore = {
    getAll: () => ({ ...all }),
    get: (key) => store.get(key),
    setMany: (values) => store.setMany(values),
    delete: (key) => store.delete(key),
  };
  const step = advanceVerification({ ...services, properties }, spec, baseline, cursor, deadline, {
    executionStartMs: startedAt,
    filledThrough: baseline.filled_through,
  });
  if (step.report) {
    if (all[VERIFICATION_CURSOR_KEY] !== undefined) services.properties.delete(VERIFICATION_CURSOR_KEY);
    return step.report;
  }
  services.properties.setMany({ [VERIFICATION_CURSOR_KEY]: encodeCursor(step.cursor) });
  return pendingReport(step.cursor, spec, t);
}
