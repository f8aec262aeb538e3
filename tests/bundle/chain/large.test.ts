/** @heavy one 150,000-row world run through v3.1 and v4.0 (about 0.9 GB) */
// The chain on a 150,000-row sheet (55 columns + v3.0's 3), one world for both: v3.1 and then v4.0, each over
// several executions resumed by the trigger alone, v4.0 with one execution dying midway. Every earlier cell is
// kept; v4.0's five figures equal an independent recomputation on every row (Uniones covers the first 2,000
// spools, 0 to 20 unions each), and Metadata gets its column. What the test keeps of the sheet between its
// steps is a fingerprint per row (rowPrints), not a copy of 8.7 million cells.
import {
  columnOf,
  firstChangedPrint,
  rowPrints,
  type Fixture,
  type Status,
} from '../../support/migration-bundle';
import { expectedFigures, v30Workbook, withUniones, worldOf, V40_FIGURES } from '../../support/chain-bundle';

const SIX_MINUTES = 360_000;
const FIGURES = V40_FIGURES;
/** Operaciones' columns before v3.1: 55 of v2.1 and v3.0's 3. */
const EARLIER = 58;

// The workbook model is dropped once the world holds it: only its figures are kept.
function build(): { f: Fixture; figures: unknown[][] } {
  const workbook = withUniones(v30Workbook({ rows: 150_000, v21Columns: 63 }, 55), (i) =>
    i < 2000 ? (i * 7) % 21 : 0,
  );
  return { figures: expectedFigures(workbook), f: worldOf(workbook) };
}
const { f, figures } = build();
const operaciones = () => f.ss.sheet('Operaciones');
const before = rowPrints(operaciones(), EARLIER);
const metadataBefore = f.ss.sheet('Metadata').values();

describe('v3.1 on a 150,000-row sheet (55 + 3 columns)', () => {
  const first = f.world.run('startMigration', [], f.as);
  const paused = (first.ok ? first.value : null) as Status & { migration: string };
  const triggers = f.world.triggers();
  const resumed = f.world.runDueTriggers();
  // Both describes run their migration when the file loads, before any test: what v3.1 left is kept here.
  const header = operaciones().block(1, 1, 1, EARLIER + 1)[0];
  const after = rowPrints(operaciones(), EARLIER);
  const added = columnOf(operaciones(), EARLIER + 1);
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
    expect(header[EARLIER]).toBe('Estado_Detalle');
    expect(after.length).toBe(before.length);
    expect(firstChangedPrint(after, before)).toBe(-1);
    expect(added.every((cell, i) => i === 0 || cell === '')).toBe(true);
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
    const after = rowPrints(operaciones(), EARLIER);
    expect(after.length).toBe(before.length);
    expect(operaciones().block(1, EARLIER + 2, 1, FIGURES.length)[0]).toEqual(FIGURES);
    expect(firstChangedPrint(after, before)).toBe(-1);
    let wrong = -1;
    for (let c = 0; c < FIGURES.length && wrong < 0; c += 1) {
      const written = columnOf(operaciones(), EARLIER + 2 + c);
      for (let i = 1; i < written.length && wrong < 0; i += 1)
        if (written[i] !== figures[i - 1][c]) wrong = i + 1;
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
