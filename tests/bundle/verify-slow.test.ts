// verifyMigration() when Sheets reads slowly: its block reads shrink to the speed measured so far (kept in its
// cursor between executions) and it stops before a read that would not fit, so it finishes over several calls,
// none past the 6-minute limit (https://developers.google.com/apps-script/guides/services/quotas), with the
// report a verification at normal speed gives.
import type { RunResult } from '../../emulator';
import type { VerificationReport } from '../../src/core/contract';
import {
  EXECUTION_LIMIT_MS,
  SHEET,
  callUntil,
  figures,
  lastValue,
  migrateThroughTriggers,
  slowFixture,
  type Fixture,
} from '../support/slow-sheets';

const pending = (run: RunResult) =>
  run.ok && (run.value as VerificationReport).checks.report.pending === true;

/**
 * The report without what differs between two verifications of equal sheets: times, the report file, and the
 * backup's id (the emulator numbers files and triggers from one counter; the backup's name is compared).
 */
function comparable(report: VerificationReport): unknown {
  const { report: saved, ...checks } = report.checks;
  const json = JSON.stringify({
    success: report.success,
    errors: report.errors,
    checks,
    saved: saved.passed,
  });
  return JSON.parse(json.replace(/"file_id":"ss-\d+"/g, '"file_id":"<backup>"'));
}

function verifyToEnd(f: Fixture) {
  return callUntil(f, 'verifyMigration', [], (run) => !pending(run), 40);
}

function migrated(readPerCellUs: number | null): Fixture {
  const f = slowFixture(readPerCellUs);
  const migration = migrateThroughTriggers(f);
  const last = migration.runs[migration.runs.length - 1];
  if (!last.ok || (last.value as { state: string }).state !== 'done')
    throw new Error('the migration did not finish');
  // a cell edited after the backup, so the report has an edit to find
  f.ss.sheet(SHEET).setValues(2001, 2, [['edited']]);
  return f;
}

const clean = migrated(null);
const cleanRuns = verifyToEnd(clean);
const cleanReport = lastValue<VerificationReport>(cleanRuns);

it('at normal speed, the verification of 2,500 rows takes one call and finds the edited cell', () => {
  expect(cleanRuns.runs).toHaveLength(1);
  // The run's writes are proven inside its new columns: the edited cell is someone's edit, listed, not damage.
  expect(cleanReport.success).toBe(true);
  expect(cleanReport.checks.v21_data_intact).toMatchObject({
    passed: true,
    rows_compared: 2500,
    total_differences: 0,
    total_edits: 1,
    edits: [{ row: 2001, header: 'NV', current: 'edited' }],
  });
});

// At 400 and 600 µs the 2,500 rows fit one call's budget once the first (small, unmeasured) read has measured the
// speed; at 2,000 µs only one 1,000-row block fits a call.
describe.each([
  [400, 1],
  [600, 1],
  [2000, 3],
])('verifyMigration when Sheets reads at %i µs a cell', (us, fewestCalls) => {
  const f = migrated(us);
  const executions = verifyToEnd(f);
  console.log(figures(`verifyMigration at ${us} µs a cell`, executions));

  it('finishes, over several calls when one cannot hold it, each within the 6-minute limit', () => {
    expect(executions.runs.length).toBeGreaterThanOrEqual(fewestCalls);
    for (const run of executions.runs) {
      expect(run.ok ? null : run.error.message).toBeNull();
      expect(run.stats.virtualMs).toBeLessThan(EXECUTION_LIMIT_MS);
    }
    for (const run of executions.runs.slice(0, -1)) {
      const report = (run.ok ? run.value : null) as VerificationReport | null;
      expect(report?.errors[0]).toMatch(/^Verification is not finished/);
    }
  });

  it('ends with the report of a verification at normal speed, its cursor cleared and no trigger', () => {
    const report = lastValue<VerificationReport>(executions);
    expect(comparable(report)).toEqual(comparable(cleanReport));
    expect(report.checks.report.passed).toBe(true);
    expect(f.world.documentProperties(f.ss.id)['verification.cursor']).toBeUndefined();
    expect(executions.triggersAfter.every((count) => count === 0)).toBe(true);
  });
});
