/** @heavy a 150,000-row world and its backup (about 0.65 GB) */
// A 150,000-row v3.0 run spans many executions; between every pair of them the app writes a v2.1 value, a
// formula and appends a spool row. The run ends done, every app write is still there, the appended rows have
// their new columns, and the run's own full verification passed with the writes made after the backup listed
// as edits.
import { APP, SHEET, TAG_COLUMN, appWrites, cellNow, liveFixture, type AppWrite } from './support';

const ROWS = 150_000;
const V21_COLUMNS = 63;
const VERSION_COLUMN = V21_COLUMNS + 3;

interface Status {
  state: string;
  error?: { message: string };
  backup?: { file_id: string };
}

describe(`app writes between the executions of a ${ROWS.toLocaleString('en')}-row v3.0 run`, () => {
  it('ends done with every write kept, appended rows filled, and the writes after the backup listed as edits', () => {
    const f = liveFixture({ rows: ROWS, v21Columns: V21_COLUMNS });
    const writes: AppWrite[] = [];
    let status = f.world.call('startMigration', [], f.as) as Status;
    let executions = 1;
    while (status.state === 'paused' && executions < 40) {
      writes.push(...appWrites(f, executions, V21_COLUMNS)());
      status = f.world.call('continueMigration', [], f.as) as Status;
      executions += 1;
    }
    expect(status.error?.message).toBeUndefined();
    expect(status.state).toBe('done');
    expect(executions).toBeGreaterThan(1);
    console.log(`${ROWS} rows: ${executions} executions, ${writes.length} app writes between them`);
    expect(f.world.otherWrites.every((w) => w.user === APP && !w.error)).toBe(true);

    // Read cell by cell from the emulator's store: a copy of the 10 million cells is not kept.
    const sheet = f.ss.sheet(SHEET);
    for (const w of writes) {
      expect(cellNow(f, w.row, w.column)).toBe(w.expected);
      if (w.kind === 'row') expect(sheet.block(w.row, VERSION_COLUMN, 1, 1)[0][0]).toBe(0);
    }
    expect(sheet.lastRow).toBe(1 + ROWS + writes.filter((w) => w.kind === 'row').length);

    const history = f.world.call('getMigrationHistory', [], f.as) as {
      kind: string;
      state: string;
      file_id?: string;
    }[];
    const verification = history.find((entry) => entry.kind === 'verification');
    expect(verification?.state).toBe('passed');
    const file = f.world.drive.files().find((candidate) => candidate.id === verification?.file_id);
    const saved = JSON.parse(file?.content as string) as {
      checks: Record<string, { passed: boolean; edits: { row: number; key: string; current: unknown }[] }>;
    };
    const intact = saved.checks.v21_data_intact as unknown as {
      passed: boolean;
      writes_confined: boolean;
      total_edits: number;
      edits: { row: number; key: string; current: unknown }[];
    };
    expect(intact).toMatchObject({ passed: true, writes_confined: true });
    // the backup was copied in the first execution: every later write to an existing cell is an edit
    const edited = writes.filter((w) => w.kind !== 'row');
    expect(intact.total_edits).toBeGreaterThan(0);
    expect(intact.total_edits).toBeLessThanOrEqual(edited.length);
    for (const edit of intact.edits) {
      const w = edited.find((candidate) => candidate.row === edit.row && candidate.expected === edit.current);
      expect(w).toBeDefined();
      expect(edit.key).toBe(String(sheet.block(edit.row, TAG_COLUMN, 1, 1)[0][0]));
      expect(cellNow(f, edit.row, (w as AppWrite).column)).toBe(edit.current);
    }
  });
});
