// The chain's later migrations on a 2,500-row sheet, one execution each, on the built bundle: their round trips
// stay bounded (issue 15: "all of it for the chain's migrations too"). A migration guessed wrong at first (no
// history or schema_version tells the add-on which schema the sheet is at, so it tries the oldest pending one)
// must not read the sheet twice: the plan of the right one reuses what was read.
import { v30Workbook, v31Workbook, withUniones, worldOf } from '../../support/chain-bundle';

/** The owner's language, read once by the run for its report's check details: counted apart. */
const LANGUAGE_CALL = 'Session.getActiveUserLocale';

function migrate(workbook: Parameters<typeof worldOf>[0]) {
  const f = worldOf(workbook);
  const run = f.world.run('startMigration', [], f.as);
  expect(run.ok && (run.value as { state: string }).state).toBe('done');
  const language = run.stats.calls[LANGUAGE_CALL] ?? 0;
  expect(language).toBeLessThanOrEqual(1);
  return { ...run.stats, roundTrips: run.stats.roundTrips - language };
}

// Keeping the app working during a run costs each about ten (see tests/bundle/migration/cost.test.ts): the edit
// probe that writes no cell, the structure read before the first write to each sheet, the record of the run's writes
// stored before them, and the last row asked before the verification and at the end.
describe('round trips of the chain at 2,500 rows', () => {
  it('v3.1: at most 52, and the sheet is read whole once by the plan', () => {
    const stats = migrate(v30Workbook({ rows: 2500 }));
    expect(stats.roundTrips).toBeLessThanOrEqual(52);
    // The plan reads the grid sizes of each sheet once (Operaciones and three companions): not twice.
    expect(stats.calls['Sheet.getMaxRows']).toBeLessThanOrEqual(5);
    expect(stats.calls['File.getParents']).toBe(1);
  });

  // 8 of them compare Metadata's and Uniones' earlier rows with the backup (values and formulas of each side)
  it('v4.0: at most 103', () => {
    const stats = migrate(withUniones(v31Workbook({ rows: 2500 }), (i) => (i * 7) % 21));
    expect(stats.roundTrips).toBeLessThanOrEqual(103);
    expect(stats.calls['File.getParents']).toBe(1);
  });
});
