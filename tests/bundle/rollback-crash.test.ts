// Crash safety on the built bundle: the execution dies at every service call of a clean rollback in turn
// (failAt); calling rollbackMigration again with the same options ends in the same world as the clean one.
import { World } from '../../emulator';
import { appWrites, masked, migratedWorld, type MigratedWorld } from '../support/rollback-bundle';

const ROWS = 30;

function prepared(): MigratedWorld {
  const migrated = migratedWorld(ROWS);
  appWrites(migrated.ss);
  return migrated;
}

const settled = (world: World) => masked(world.snapshot({ times: false }));

describe.each(['columns', 'full'])('a %s rollback that dies at any service call', (mode) => {
  const options = { mode, confirm: true };
  const clean = prepared();
  const cleanRun = clean.world.run('rollbackMigration', [options], clean.as);
  const calls = cleanRun.stats.roundTrips;
  const cleanWorld = settled(clean.world);

  it('completes cleanly in a bounded number of round trips', () => {
    expect(cleanRun.ok).toBe(true);
    expect(calls).toBeGreaterThan(10);
    expect(calls).toBeLessThan(80);
  });

  it.each(Array.from({ length: calls }, (_, i) => i + 1))(
    'finishes like a clean rollback after dying at call %i',
    (n) => {
      const { world, as } = prepared();
      const dead = world.run('rollbackMigration', [options], { ...as, failAt: { call: n } });
      expect(dead.ok).toBe(false);
      const again = world.run('rollbackMigration', [options], as);
      expect(again.ok).toBe(true);
      expect(settled(world)).toBe(cleanWorld);
      expect(masked(again.ok ? again.value : null)).toBe(masked(cleanRun.ok ? cleanRun.value : null));
    },
  );
});
