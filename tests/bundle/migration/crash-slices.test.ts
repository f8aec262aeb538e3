// Crash safety of a run that takes two slices (time budget 30 s): the first pauses before the verification's
// report, the second writes the report with no other checkpoint write before it in that execution, so it records
// the report's intent itself. The run dies at each service call of either slice in turn; continueMigration then
// carries it on. The final world equals the clean run's: one backup, one report file, one set of v3 columns,
// no trigger left.
import { driveToEnd, fixture, masked, type Fixture, type Status } from '../../support/migration-bundle';
import { forkWorld } from '../../support/world-fork';

// A small sheet made slow to read (20 times the default per-cell cost), so two slices are needed on the
// shortest budget while each world stays cheap to compare.
const ROWS = 300;
const SLOW_READS = { costs: { readPerCellUs: 170 } };
const BUDGET = { time_budget_seconds: 30 };

/**
 * Besides times and counters: ids the emulator hands out (Drive files and triggers share one counter, and a
 * resumed run creates a different number of triggers), so files are compared by name and content.
 */
function settled(f: Fixture): string {
  return (
    masked(f.world.snapshot({ times: false }))
      .replace(/\\"executions\\":\d+/g, '"executions":<n>')
      // the boxes a run records depend on where it died (a resumed step may write in other pieces)
      .replace(/\\"written\\":\{[^}]*\}/g, '"written":<boxes>')
      // an execution that dies inside the edit probe has used an id for the probe's metadata entry
      .replace(/\b(ss|file)-\d+\b/g, '<id>')
      .replace(/\bfile-\d+\b/g, 'file-<n>')
  );
}

function configured(): Fixture {
  const f = fixture({ rows: ROWS }, SLOW_READS);
  f.world.call('setMigrationConfig', [BUDGET], f.as);
  return f;
}

/** A configured world after its first slice (paused), built once and forked for each test of the second slice. */
let paused: Fixture | undefined;
function pausedAfterFirstSlice(): Fixture {
  if (!paused) {
    paused = configured();
    expect(paused.world.call('startMigration', [], paused.as)).toMatchObject({ state: 'paused' });
  }
  const world = forkWorld(paused.world);
  return { world, ss: world.spreadsheet(paused.ss.id), as: paused.as };
}

describe('a two-slice migration that dies at any service call', () => {
  const clean = configured();
  const first = clean.world.run('startMigration', [], clean.as);
  const second = clean.world.run('continueMigration', [], clean.as);
  const cleanWorld = settled(clean);

  it('pauses once in test_smoke, then writes the report in the second slice and is done', () => {
    expect((first.ok ? first.value : first.error) as Status).toMatchObject({ state: 'paused' });
    const paused = (first.ok ? first.value : null) as Status;
    expect(paused.steps.find((step) => step.name === 'test_smoke')?.status).toBe('running');
    expect((second.ok ? second.value : second.error) as Status).toMatchObject({ state: 'done' });
    expect(second.stats.calls['Folder.createFile']).toBe(1);
    // no search by name: nothing could have written the report before this slice recorded its intent
    expect(second.stats.calls['Folder.getFilesByName']).toBeUndefined();
    const reports = clean.world.drive.files().filter((file) => /verification .*\.json$/.test(file.name));
    expect(reports).toHaveLength(1);
    expect(clean.world.triggers()).toEqual([]);
  });

  it.each(Array.from({ length: first.stats.roundTrips }, (_, i) => i + 1))(
    'ends like a clean run after dying at call %i of the first slice',
    (n) => {
      const f = configured();
      const dead = f.world.run('startMigration', [], { ...f.as, failAt: { call: n } });
      expect(dead.ok).toBe(false);
      expect(driveToEnd(f).state).toBe('done');
      expect(settled(f)).toBe(cleanWorld);
    },
  );

  it.each(Array.from({ length: second.stats.roundTrips }, (_, i) => i + 1))(
    'ends like a clean run after dying at call %i of the second slice',
    (n) => {
      const f = pausedAfterFirstSlice();
      const dead = f.world.run('continueMigration', [], { ...f.as, failAt: { call: n } });
      expect(dead.ok).toBe(false);
      expect(driveToEnd(f).state).toBe('done');
      expect(settled(f)).toBe(cleanWorld);
    },
  );
});
