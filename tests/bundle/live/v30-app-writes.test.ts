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

/** The calls of a clean run, and those made before create_backup finished. */
function cleanRunCalls(): { total: number; beforeBackup: Set<number> } {
  const f = liveFixture({ rows: ROWS });
  const beforeBackup = new Set<number>();
  const backupDone = () => {
    const run = f.world.documentProperties(f.ss.id)['migration.run'];
    const steps = run ? (JSON.parse(run).steps as { name: string; status: string }[]) : [];
    return steps.some((step) => step.name === 'create_backup' && step.status === 'done');
  };
  const changed = () => f.ss.sheet(SHEET).values()[0].includes('version');
  const hooks = Object.fromEntries(
    Array.from({ length: 200 }, (_, i) => [
      i + 1,
      () => {
        if (!backupDone() && !changed()) beforeBackup.add(i + 1);
      },
    ]),
  );
  const r = f.world.run('startMigration', [], { ...f.as, beforeCall: hooks });
  expect(r.ok && (r.value as { state: string }).state).toBe('done');
  return { total: r.stats.roundTrips, beforeBackup };
}

const { total: TOTAL, beforeBackup: BEFORE_BACKUP } = cleanRunCalls();
// every third call, and the last ones: each step spans several calls, so every step gets writes
const CALLS = [
  ...new Set([...Array.from({ length: Math.ceil(TOTAL / 3) }, (_, i) => 1 + i * 3), TOTAL - 1, TOTAL]),
];

/**
 * Before create_backup has finished, an edit made between the plan's read and the copy's check may make that
 * check refuse the copy (it is made tolerant of edits separately, issue 12's backup item): the run then stops in
 * create_backup having changed nothing, and the app's writes are all there. Returns whether that happened.
 */
function refusedCopy(
  k: number,
  status: { state: string; error?: { step: string; message: string } },
): boolean {
  if (!BEFORE_BACKUP.has(k) || status.state !== 'failed') return false;
  expect(status.error?.step).toBe('create_backup');
  expect(status.error?.message).toMatch(/Nothing was changed in the sheet/);
  return true;
}

describe(`app writes during a one-execution v3.0 run of ${ROWS} rows (${TOTAL} service calls)`, () => {
  it.each(CALLS)(
    'before call %i: every write kept; done, verified, edits listed (or the copy refused, nothing changed)',
    (k) => {
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
      if (refusedCopy(k, status)) {
        for (const w of writes) expect(cellNow(f, w.row, w.column)).toBe(w.expected);
        expect(f.ss.sheet(SHEET).values()[0]).not.toContain('version');
        return;
      }
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
    },
  );
});
