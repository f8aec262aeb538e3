// The chain on a 150,000-row sheet (55 columns + v3.0's 3), one world for both: v3.1 and then v4.0, each over
// several executions resumed by the trigger alone, v4.0 with one execution dying midway. Every earlier cell is
// kept; v4.0's five figures equal an independent recomputation on every row (Uniones covers the first 2,000
// spools, 0 to 20 unions each), and Metadata gets its column.
import { firstChangedRow, type Status } from '../../support/migration-bundle';
import { expectedFigures, v30Workbook, withUniones, worldOf, V40_FIGURES } from '../../support/chain-bundle';

const SIX_MINUTES = 360_000;
const FIGURES = V40_FIGURES;

const workbook = withUniones(v30Workbook({ rows: 150_000, v21Columns: 63 }, 55), (i) =>
  i < 2000 ? (i * 7) % 21 : 0,
);
const figures = expectedFigures(workbook);
const f = worldOf(workbook);
const before = f.ss.sheet('Operaciones').values();
const metadataBefore = f.ss.sheet('Metadata').values();

describe('v3.1 on a 150,000-row sheet (55 + 3 columns)', () => {
  const first = f.world.run('startMigration', [], f.as);
  const paused = (first.ok ? first.value : null) as Status & { migration: string };
  const triggers = f.world.triggers();
  const resumed = f.world.runDueTriggers();
  // Both describes run their migration when the file loads, before any test: v3.1's end is kept here.
  const after = f.ss.sheet('Operaciones').values();
  const schema = f.ss.metadata('schema_version');
  const triggersAfter = f.world.triggers();

  it('pauses within the 6-minute limit with exactly one resume trigger', () => {
    expect(paused).toMatchObject({ migration: 'v3.1', state: 'paused' });
    expect(first.stats.virtualMs).toBeLessThan(SIX_MINUTES);
    expect(triggers).toHaveLength(1);
  });

  it('finishes from the trigger, each execution under 6 minutes, and keeps every cell', () => {
    expect(resumed.length).toBeGreaterThanOrEqual(1);
    for (const run of resumed) expect(run.ok && run.stats.virtualMs < SIX_MINUTES).toBe(true);
    const last = resumed[resumed.length - 1];
    expect((last.ok ? last.value : null) as Status).toMatchObject({ state: 'done' });
    expect(triggersAfter).toEqual([]);
    expect(after[0][58]).toBe('Estado_Detalle');
    expect(after.length).toBe(before.length);
    expect(firstChangedRow(after, before, 58)).toBe(-1);
    expect(after.every((row, i) => i === 0 || row[58] === '')).toBe(true);
    expect(schema).toBe('3.1');
  });
});

describe('then v4.0 on the same sheet', () => {
  const first = f.world.run('startMigration', [], f.as);
  const paused = (first.ok ? first.value : null) as Status;
  const triggers = f.world.triggers();
  // The next execution dies at its 20th service call, as an execution can at any call.
  const died = f.world.run('continueMigration', [], { ...f.as, failAt: { call: 20 } });
  const resumed = f.world.runDueTriggers();

  it('pauses within the 6-minute limit with exactly one resume trigger', () => {
    expect(paused).toMatchObject({ migration: 'v4.0', state: 'paused' });
    expect(first.stats.virtualMs).toBeLessThan(SIX_MINUTES);
    expect(triggers).toHaveLength(1);
    expect(died.ok).toBe(false);
  });

  it('finishes from the trigger after the crash: the figures on every row, every earlier cell kept', () => {
    expect(resumed.length).toBeGreaterThanOrEqual(1);
    for (const run of resumed) expect(run.ok && run.stats.virtualMs < SIX_MINUTES).toBe(true);
    const last = resumed[resumed.length - 1];
    expect((last.ok ? last.value : null) as Status).toMatchObject({ state: 'done', migration: 'v4.0' });
    expect(f.world.triggers()).toEqual([]);
    const after = f.ss.sheet('Operaciones').values();
    expect(after.length).toBe(before.length);
    expect(after[0].slice(59)).toEqual(FIGURES);
    expect(firstChangedRow(after, before, 58)).toBe(-1);
    let wrong = -1;
    for (let i = 1; i < after.length && wrong < 0; i += 1) {
      for (let c = 0; c < 5; c += 1) if (after[i][59 + c] !== figures[i - 1][c]) wrong = i + 1;
    }
    expect(wrong).toBe(-1);
    const metadata = f.ss.sheet('Metadata').values();
    const width = metadataBefore[0].length;
    expect(metadata[0][width]).toBe('N_UNION');
    expect(metadata.map((row) => row.slice(0, width))).toEqual(metadataBefore);
    expect(f.ss.metadata('schema_version')).toBe('4.0');
    expect(f.world.call('verifyMigration', [], f.as)).toMatchObject({ success: true });
  });
});
