// The app keeps working during a run: before service call k of a one-execution v3.0 run, the app writes a v2.1
// value, a formula and appends a spool row. For k spread over the whole run (every step, inside the fill and the
// verification), the run ends done, every app write is still in the sheet, verifyMigration() passes and the
// reports list the writes made after the backup copy as edits.
import { APP, SHEET, TAG_COLUMN, appWrites, cellNow, liveFixture, type AppWrite } from './support';

const ROWS = 300;
const V21_COLUMNS = 66;
const VERSION_COLUMN = V21_COLUMNS + 3;

interface Report {
  success: boolean;
  errors: string[];
  checks: Record<string, { passed: boolean; [field: string]: unknown }>;
}
interface Edit {
  row: number;
  key?: string;
  header: string;
  backup: unknown;
  current: unknown;
}

function cleanRunCalls(): number {
  const f = liveFixture({ rows: ROWS });
  const r = f.world.run('startMigration', [], f.as);
  expect(r.ok && (r.value as { state: string }).state).toBe('done');
  return r.stats.roundTrips;
}

const TOTAL = cleanRunCalls();
// every third call, and the last ones: each step spans several calls, so every step gets writes
const CALLS = [
  ...new Set([...Array.from({ length: Math.ceil(TOTAL / 3) }, (_, i) => 1 + i * 3), TOTAL - 1, TOTAL]),
];

describe(`app writes during a one-execution v3.0 run of ${ROWS} rows (${TOTAL} service calls)`, () => {
  it.each(CALLS)('before call %i: done, every write kept, verified, edits listed', (k) => {
    const f = liveFixture({ rows: ROWS });
    let writes: AppWrite[] = [];
    const write = appWrites(f, k, V21_COLUMNS);
    const r = f.world.run('startMigration', [], { ...f.as, beforeCall: { [k]: () => (writes = write()) } });
    if (!r.ok) throw new Error(r.error.message);
    const status = r.value as {
      state: string;
      error?: { step: string; message: string };
      backup: { file_id: string };
    };
    expect(status.error?.message).toBeUndefined();
    expect(status.state).toBe('done');
    expect(r.interleaved?.every((w) => w.user === APP && !w.error)).toBe(true);
    expect(writes).toHaveLength(3);
    for (const w of writes) expect(cellNow(f, w.row, w.column)).toBe(w.expected);
    const report = f.world.call('verifyMigration', [], f.as) as Report;
    expect(report.errors).toEqual([]);
    expect(report.success).toBe(true);
    const intact = report.checks.v21_data_intact;
    expect(intact.writes_confined).toBe(true);
    const edits = intact.edits as Edit[];
    const backup = f.world.spreadsheet(status.backup.file_id).sheet(SHEET);
    for (const w of writes.filter((candidate) => candidate.kind !== 'row')) {
      const backupFormula = backup.formulas()[w.row - 1]?.[w.column - 1] ?? '';
      const inBackup = (backupFormula || String(backup.values()[w.row - 1][w.column - 1])) === w.expected;
      if (inBackup) continue;
      const tag = String(f.ss.sheet(SHEET).values()[w.row - 1][TAG_COLUMN - 1]);
      expect(edits).toContainEqual(expect.objectContaining({ row: w.row, key: tag, current: w.expected }));
    }
    expect(intact.total_edits).toBe(edits.length);
    // the appended spool has its new columns like every other row, unless it came after the run's last fill
    const appended = writes.find((w) => w.kind === 'row') as AppWrite;
    const version = f.ss.sheet(SHEET).values()[appended.row - 1][VERSION_COLUMN - 1];
    if (version !== 0) {
      expect(version).toBe('');
      expect(intact.appended_after_fill_rows).toEqual([appended.row]);
    }

    // the run's own verification said the same, in its history entry
    const history = f.world.call('getMigrationHistory', [], f.as) as { kind: string; state: string }[];
    expect(history.find((entry) => entry.kind === 'verification')?.state).toBe('passed');
  });
});
