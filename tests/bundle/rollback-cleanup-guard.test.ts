// "Clean up old backups" must never trash a backup something still needs: here, a rollback of a migration past
// its window (override_window) whose execution died midway. Its checkpoint names the backup it restores from and
// verifies against; trashing that backup would leave the rollback unable to finish.
import { DAY, SHEET, appWrites, migratedWorld } from '../support/rollback-bundle';

describe('menuCleanUpBackups beside an unfinished rollback', () => {
  it('keeps the backup of a rollback in progress, even past the window', () => {
    const options = { mode: 'full', confirm: true, override_window: true };
    const prepared = () => {
      const migrated = migratedWorld(30);
      appWrites(migrated.ss);
      migrated.world.clock.advance(9 * DAY);
      return migrated;
    };
    const clean = prepared();
    const calls = clean.world.run('rollbackMigration', [options], clean.as).stats.roundTrips;
    const { world, ss, original, as } = prepared();
    // halfway: past the export, before the verification
    const dead = world.run('rollbackMigration', [options], {
      ...as,
      failAt: { call: Math.floor(calls / 2) },
    });
    expect(dead.ok).toBe(false);
    expect(world.documentProperties(ss.id)['rollback.state']).toBeDefined();

    world.ui.respond = () => 'YES' as never;
    world.run('menuCleanUpBackups', [], { activeSpreadsheet: ss.id, via: 'menu' });
    const backups = world.drive
      .files()
      .filter((file) => file.mimeType.includes('spreadsheet') && file.id !== ss.id);
    expect(backups.length).toBeGreaterThan(0);
    expect(backups.every((file) => !file.trashed)).toBe(true);

    const again = world.run('rollbackMigration', [options], as);
    expect(again.ok).toBe(true);
    expect(ss.sheet(SHEET).row(1)).toEqual(original.values[0]);
  });
});
