import { VERIFICATION_CURSOR_KEY } from '../state/keys';
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

export function latestCompletedBaseline(all: Record<string, string>): Baseline {
  const facts = readRollbackFacts(all);
  const migration = facts.migration;
  if (!migration) {
    throw new Error(
      'No migration has been recorded for this spreadsheet, so there is nothing to verify. ' +
        'Run the migration first (Extensions > Sheet Schema Migrator > Run migration), then verify it.',
    );
  }
  if (!migration.completed) {
    throw new Error(
      `Migration run ${migration.run_id} has not finished (state: ${migration.state}). ` +
        'Resume it (Extensions > Sheet Schema Migrator > Resume migration) or roll it back before verifying.',
    );
  }
  if (facts.rolledBack) {
    throw new Error(
      `Migration run ${migration.run_id} was rolled back (${facts.rolledBack.completed_at ?? 'date unknown'}); ` +
        'there is no migrated sheet to verify. Run the migration again to verify it.',
    );
  }
  return migration.baseline;
}

function pendingReport(cursor: VerificationCursor, spec: MigrationSpec): VerificationReport {
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
    errors: [
      `Verification is not finished: ${cursor.next_row} of ${total} data rows checked before the time budget ` +
        'ran out. Run Verify migration again to continue where it stopped; nothing checked so far is lost.',
    ],
  };
}

export function runVerificationSlice(services: Services): VerificationReport {
  const startedAt = services.clock.now();
  const all = services.properties.getAll();
  const baseline = latestCompletedBaseline(all);
  const spec = sheetSpecById(baseline.migration, 'be verified');
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
  return pendingReport(step.cursor, spec);
}
