// Crash safety on the built bundle: the execution dies at each service call of a clean run in turn (failAt);
// new executions then resume it until done. The final world equals the clean run's: never two sets of v3
// columns, never a second backup, never a lost cell.
import { driveToEnd, fixture, masked, type Fixture } from '../../support/migration-bundle';

const ROWS = 60;

/** Times and counters that legitimately differ between a clean and a resumed run. */
function settled(f: Fixture): string {
  return (
    masked(f.world.snapshot({ times: false }))
      .replace(/\\"executions\\":\d+/g, '"executions":<n>')
      // the boxes a run records depend on where it died (a resumed step may write in other pieces)
      .replace(/\\"written\\":\{[^}]*\}/g, '"written":<boxes>')
      // an execution that dies inside the edit probe has used an id for the probe's metadata entry
      .replace(/\b(ss|file)-\d+\b/g, '<id>')
  );
}

describe('a migration that dies at any service call', () => {
  const clean = fixture({ rows: ROWS });
  const cleanRun = clean.world.run('startMigration', [], clean.as);
  const calls = cleanRun.stats.roundTrips;
  const cleanWorld = settled(clean);

  it('completes cleanly in one execution', () => {
    expect(cleanRun.ok).toBe(true);
    expect((cleanRun.ok ? cleanRun.value : null) as { state: string }).toMatchObject({ state: 'done' });
    expect(calls).toBeGreaterThan(20);
  });

  it.each(Array.from({ length: calls }, (_, i) => i + 1))(
    'ends like a clean run after dying at call %i',
    (n) => {
      const f = fixture({ rows: ROWS });
      const dead = f.world.run('startMigration', [], { ...f.as, failAt: { call: n } });
      expect(dead.ok).toBe(false);
      const status = driveToEnd(f);
      expect(status.state).toBe('done');
      expect(settled(f)).toBe(cleanWorld);
    },
  );
});
