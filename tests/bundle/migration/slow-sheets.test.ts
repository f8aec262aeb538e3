// When Sheets reads slowly, block reads shrink to the speed measured in the run and the run pauses before a read
// that would not fit: a 2,500-row migration finishes through several executions, none past Apps Script's
// 6-minute limit (https://developers.google.com/apps-script/guides/services/quotas#current_limitations), and ends
// exactly like a run at normal speed. Before, one read of the whole sheet overran the limit on every attempt.
import {
  EXECUTION_LIMIT_MS,
  SHEET,
  figures,
  lastValue,
  migrateThroughTriggers,
  migratedState,
  slowFixture,
  slowestMs,
  type Status,
} from '../../support/slow-sheets';
import { expectSameCells } from '../../support/same-cells';

const clean = slowFixture(null);
const cleanRun = migrateThroughTriggers(clean);
const cleanState = migratedState(clean);
const original = slowFixture(null).ss.sheet(SHEET);

describe('the 2,500-row migration at normal speed', () => {
  it('stays one execution of at most 47 round trips', () => {
    expect(cleanRun.runs).toHaveLength(1);
    expect(lastValue<Status>(cleanRun).state).toBe('done');
    expect(clean.world.totals.roundTrips).toBeLessThanOrEqual(47);
  });
});

describe.each([400, 600, 2000])('the 2,500-row migration when Sheets reads at %i µs a cell', (us) => {
  const f = slowFixture(us);
  const executions = migrateThroughTriggers(f);
  console.log(figures(`migration at ${us} µs a cell`, executions));

  it('finishes through several executions, each within the 6-minute limit', () => {
    expect(executions.runs.length).toBeGreaterThan(1);
    for (const run of executions.runs) {
      expect(run.ok ? null : run.error.message).toBeNull();
      expect(run.stats.virtualMs).toBeLessThan(EXECUTION_LIMIT_MS);
    }
    expect(slowestMs(executions)).toBeLessThan(EXECUTION_LIMIT_MS);
    expect(lastValue<Status>(executions).state).toBe('done');
  });

  it('keeps one resume trigger at most while paused and none at the end', () => {
    const paused = executions.triggersAfter.slice(0, -1);
    expect(paused.every((count) => count === 1)).toBe(true);
    expect(executions.triggersAfter[executions.triggersAfter.length - 1]).toBe(0);
    expect(f.world.triggers()).toEqual([]);
  });

  it('ends exactly like the run at normal speed: every cell, one backup, the v3 columns', () => {
    expect(migratedState(f)).toBe(cleanState);
    const after = f.ss.sheet(SHEET).values();
    expectSameCells(
      after.map((row) => row.slice(0, original.lastColumn)),
      original.values(),
    );
    const spreadsheets = f.world.drive.files().filter((file) => file.mimeType.endsWith('spreadsheet'));
    expect(spreadsheets.filter((file) => /backup/.test(file.name))).toHaveLength(1);
    expect(f.ss.metadata('schema_version')).toBe('3.0');
  });

  it('records a passed verification with every row checked', () => {
    const properties = f.world.documentProperties(f.ss.id);
    const history = Object.keys(properties)
      .filter((key) => key.startsWith('history.'))
      .map(
        (key) =>
          JSON.parse(properties[key]) as {
            kind: string;
            state: string;
            executions: number;
            report?: { success: boolean };
            steps: { name: string; progress?: { done: number; total: number } }[];
          },
      );
    const runs = history.filter((entry) => entry.kind === 'migration');
    expect(runs).toHaveLength(1);
    const entry = runs[0];
    expect(entry.executions).toBe(executions.runs.length);
    expect(entry.state).toBe('done');
    expect(entry.report?.success).toBe(true);
    const smoke = entry.steps.find((step) => step.name === 'test_smoke');
    expect(smoke?.progress).toEqual({ done: 2500, total: 2500 });
  });
});

describe('the migration of a sheet too slow for even one block read per execution', () => {
  it('fails with a message naming the problem instead of pausing or dying forever', () => {
    const f = slowFixture(3000, 1200);
    const executions = migrateThroughTriggers(f);
    for (const run of executions.runs) expect(run.stats.virtualMs).toBeLessThan(EXECUTION_LIMIT_MS);
    const last = executions.runs[executions.runs.length - 1];
    // The sheet is read before its backup copy is made: the run stops there, with nothing made or changed.
    expect(last.ok ? last.value : last.error.message).toMatch(/Sheets is reading too slowly/);
    expect(f.world.drive.files().filter((file) => /backup/.test(file.name))).toEqual([]);
    expect(f.world.documentProperties(f.ss.id)).toEqual({});
    expect(f.world.triggers()).toEqual([]);
  });
});
