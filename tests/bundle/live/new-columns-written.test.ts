// The app writes the migration's new columns as soon as their headers exist (it finds columns by header): before
// every service call of a run, it takes a spool (v3.0's Ocupado_Por, Fecha_Ocupacion and a raised version) or
// records a union with the spool's new union count (v4.0). The run fills a column before its header is written,
// and writes computed figures only into blank cells, so none of those writes is overwritten; its own verification
// counts them as the app's and passes. A figure the app gets wrong (its spool's unions unchanged) still fails.
import { V40_FIGURES, withUniones, v31Workbook, worldOf } from '../../support/chain-bundle';
import { APP, SHEET, TAG_COLUMN, liveFixture, type LiveFixture } from './support';

interface Status {
  state: string;
  error?: { message: string };
}
interface Report {
  success: boolean;
  errors: string[];
  checks: Record<string, { passed: boolean; [field: string]: unknown }>;
}

const TAKEN = ['MR(93)', '02-12-2026 10:00:00', 1];

/** Runs the migration to its end, `hook(k)` before every service call k of every execution. */
function runToEnd(f: LiveFixture, hook: (k: number) => void): Status {
  let entry = 'startMigration';
  for (let execution = 0; execution < 10; execution++) {
    const beforeCall = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [i + 1, () => hook(i + 1)]));
    const r = f.world.run(entry, [], { ...f.as, beforeCall });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.interleaved?.every((w) => !w.error)).toBe(true);
    const status = r.value as Status;
    if (status.state !== 'paused') return status;
    entry = 'continueMigration';
  }
  throw new Error('the run did not end in 10 executions');
}

function letters(column: number): string {
  let text = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26))
    text = String.fromCharCode(65 + ((c - 1) % 26)) + text;
  return text;
}

// Read before every service call: the header row and single columns only, never the whole sheet.
function headerNow(f: LiveFixture, sheet = SHEET): unknown[] {
  const model = f.ss.sheet(sheet);
  return model.block(1, 1, 1, model.lastColumn)[0];
}

/** Column `column` (1-based) of the data rows, as it is now. */
function columnNow(f: LiveFixture, sheet: string, column: number): unknown[] {
  const model = f.ss.sheet(sheet);
  return model.block(2, column, model.lastRow - 1, 1).map((cells) => cells[0]);
}

function ranVerification(f: LiveFixture): string | undefined {
  const history = f.world.call('getMigrationHistory', [], f.as) as { kind: string; state: string }[];
  return history.find((entry) => entry.kind === 'verification')?.state;
}

// 12,000 rows x 3 columns is past what one write carries with the headers: the fill is its own calls
describe.each([300, 12_000])(
  'v3.0 on %i rows, the app taking spools from the moment the headers exist',
  (rows) => {
    const f = liveFixture({ rows });
    const taken: number[] = [];
    let status: Status;
    beforeAll(() => {
      const app = f.world.as(APP);
      status = runToEnd(f, (k) => {
        const header = headerNow(f);
        const by = header.indexOf('Ocupado_Por');
        if (by < 0 || header[by + 2] !== 'version') return;
        const row = 2 + ((k * 37) % rows);
        if (taken.includes(row)) return;
        app.setValues(f.ss.id, `${SHEET}!${letters(by + 1)}${row}:${letters(by + 3)}${row}`, [TAKEN]);
        taken.push(row);
      });
    });

    it('ends done with every spool the app took still taken', () => {
      expect(status.error?.message).toBeUndefined();
      expect(status.state).toBe('done');
      expect(taken.length).toBeGreaterThan(0);
      const values = f.ss.sheet(SHEET).values();
      const by = values[0].indexOf('Ocupado_Por');
      for (const row of taken) expect(values[row - 1].slice(by, by + 3)).toEqual(TAKEN);
      const free = values.slice(1).filter((line, i) => !taken.includes(i + 2));
      expect(free.every((line) => line[by] === '' && line[by + 1] === '' && line[by + 2] === 0)).toBe(true);
    });

    it("passes its own verification, the taken spools counted as the app's", () => {
      expect(ranVerification(f)).toBe('passed');
      const report = f.world.call('verifyMigration', [], f.as) as Report;
      expect(report.errors).toEqual([]);
      expect(report.checks.occupation_empty).toMatchObject({ passed: true, occupied: taken.length });
    });
  },
);

describe.each([200, 7_000])(
  'v4.0 on %i rows, the app recording unions from the moment the headers exist',
  (rows) => {
    const f = worldOf(withUniones(v31Workbook({ rows }), (i) => i % 3)) as LiveFixture;
    f.ss.addEditor(APP);
    const recorded: { row: number; tag: string; total: number }[] = [];
    let status: Status;
    beforeAll(() => {
      const app = f.world.as(APP);
      status = runToEnd(f, (k) => {
        const column = headerNow(f).indexOf(V40_FIGURES[0]);
        if (column < 0) return;
        const row = 2 + ((k * 37) % rows);
        const tags = columnNow(f, SHEET, TAG_COLUMN);
        const tag = String(tags[row - 2]);
        // one union per spool, on a spool whose tag no other row shares (the sample repeats one tag)
        if (recorded.some((r) => r.tag === tag)) return;
        if (tags.filter((other) => other === tag).length !== 1) return;
        const union = new Array<string | number>(17).fill('');
        union[0] = `U-APP-${k}`;
        union[3] = tag;
        app.appendRow(f.ss.id, 'Uniones', union);
        const total = columnNow(f, 'Uniones', 4).filter((key) => String(key).trim() === tag).length; // the app trims keys
        app.setValues(f.ss.id, `${SHEET}!${letters(column + 1)}${row}`, [[total]]);
        recorded.push({ row, tag, total });
      });
    });

    it('ends done with every union count the app wrote kept', () => {
      expect(status.error?.message).toBeUndefined();
      expect(status.state).toBe('done');
      expect(recorded.length).toBeGreaterThan(0);
      const values = f.ss.sheet(SHEET).values();
      const column = values[0].indexOf(V40_FIGURES[0]);
      for (const { row, total } of recorded) expect(values[row - 1][column]).toBe(total);
    });

    it('passes its own verification: every figure matches Uniones as it is', () => {
      expect(ranVerification(f)).toBe('passed');
      const report = f.world.call('verifyMigration', [], f.as) as Report;
      expect(report.errors).toEqual([]);
    });
  },
);

describe('v4.0 with a figure the app got wrong during the run', () => {
  // the spool's unions did not change since the backup, so a figure that differs from them is no timing: it fails
  it('fails the run, naming the row, and passes once the figure is fixed', () => {
    const f = worldOf(withUniones(v31Workbook({ rows: 200 }), (i) => i % 3)) as LiveFixture;
    f.ss.addEditor(APP);
    const app = f.world.as(APP);
    let column = -1;
    const status = runToEnd(f, () => {
      if (column >= 0) return;
      column = headerNow(f).indexOf(V40_FIGURES[0]);
      if (column >= 0) app.setValues(f.ss.id, `${SHEET}!${letters(column + 1)}10`, [[99]]);
    });
    expect(status.state).toBe('failed');
    expect(status.error?.message).toContain('Total_Uniones');
    expect(status.error?.message).toContain('99');
    expect(status.error?.message).toMatch(/\b10\b/);
    expect(f.ss.sheet(SHEET).values()[9][column]).toBe(99);

    const tag = String(f.ss.sheet(SHEET).values()[9][TAG_COLUMN - 1]);
    const unions = f.ss
      .sheet('Uniones')
      .values()
      .filter((line) => String(line[3]).trim() === tag).length;
    app.setValues(f.ss.id, `${SHEET}!${letters(column + 1)}10`, [[unions]]);
    const resumed = f.world.run('continueMigration', [], f.as);
    if (!resumed.ok) throw new Error(resumed.error.message);
    expect((resumed.value as Status).state).toBe('done');
  });
});
