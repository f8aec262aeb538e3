import { rollbackMigration } from '../../../src/core/rollback/rollback';
import { DAY, migratedWorld } from '../../support/rollback-fixture';

function refused(options: unknown, prepare?: (m: ReturnType<typeof migratedWorld>) => void) {
  const migrated = migratedWorld();
  prepare?.(migrated);
  const before = JSON.stringify(migrated.world.snapshot());
  let message = '';
  try {
    rollbackMigration(migrated.world.services(migrated.ss.id), options);
  } catch (error) {
    message = (error as Error).message;
  }
  return { message, unchanged: JSON.stringify(migrated.world.snapshot()) === before };
}

describe('rollbackMigration refuses, changing nothing', () => {
  it.each([
    [{ mode: 'columns' }, /pass confirm: true/],
    [{ mode: 'columns', confirm: 'yes' }, /pass confirm: true/],
    [{ mode: 'partial', confirm: true }, /"mode" must be "full".*or "columns"/],
    [{ mode: 'full', confirm: true, force: true }, /Unknown rollback option "force"/],
    [{ mode: 'full', confirm: true, override_window: 'yes' }, /"override_window" must be true or false/],
    [undefined, /must be an object/],
  ])('options %j', (options, expected) => {
    const { message, unchanged } = refused(options);
    expect(message).toMatch(expected);
    expect(unchanged).toBe(true);
  });

  it('outside the window without override_window', () => {
    const { message, unchanged } = refused({ mode: 'columns', confirm: true }, ({ world }) => {
      world.now += 8 * DAY;
    });
    expect(message).toMatch(/8\.0 days have passed.*window is 7 days.*override_window: true/);
    expect(unchanged).toBe(true);
  });

  it('when another execution holds the lock', () => {
    const { message, unchanged } = refused({ mode: 'full', confirm: true }, ({ world }) => {
      world.lockElsewhere = true;
    });
    expect(message).toMatch(/^Another run is in progress on this spreadsheet .*then roll back again\.$/);
    expect(unchanged).toBe(true);
  });

  it('when no migration was ever run', () => {
    const { message, unchanged } = refused({ mode: 'full', confirm: true }, ({ world }) => {
      delete world.properties['history.1'];
    });
    expect(message).toMatch(/No migration to roll back/);
    expect(unchanged).toBe(true);
  });

  it('when the backup is in the trash', () => {
    const { message, unchanged } = refused({ mode: 'full', confirm: true }, ({ world, backup }) => {
      (world.files.get(backup.id) as { trashed: boolean }).trashed = true;
    });
    expect(message).toMatch(/no longer exists or is in the trash/);
    expect(unchanged).toBe(true);
  });

  it('when a header the migration added now appears twice', () => {
    const { message, unchanged } = refused({ mode: 'columns', confirm: true }, ({ sheet }) => {
      sheet.set(1, 11, [['version']]);
    });
    expect(message).toMatch(/Header "version" appears 2 times/);
    expect(unchanged).toBe(true);
  });

  it('a second rollback with the other mode after a completed one', () => {
    const migrated = migratedWorld();
    rollbackMigration(migrated.world.services(migrated.ss.id), { mode: 'columns', confirm: true });
    const before = JSON.stringify(migrated.world.snapshot());
    expect(() =>
      rollbackMigration(migrated.world.services(migrated.ss.id), { mode: 'full', confirm: true }),
    ).toThrow(/already rolled back/);
    expect(JSON.stringify(migrated.world.snapshot())).toBe(before);
  });
});

describe('rollbackMigration outside the window with override_window: true', () => {
  it('rolls back', () => {
    const { world, ss, sheet } = migratedWorld();
    world.now += 30 * DAY;
    const report = rollbackMigration(world.services(ss.id), {
      mode: 'columns',
      confirm: true,
      override_window: true,
    });
    expect(report.success).toBe(true);
    expect(sheet.values[0]).not.toContain('version');
  });
});

describe('rollbackMigration called again after it completed', () => {
  it('returns the same report and changes nothing (a retry after a lost answer)', () => {
    const { world, ss } = migratedWorld();
    const first = rollbackMigration(world.services(ss.id), { mode: 'full', confirm: true });
    const before = JSON.stringify(world.snapshot());
    const again = rollbackMigration(world.services(ss.id), { mode: 'full', confirm: true });
    expect(again).toEqual(first);
    expect(JSON.stringify(world.snapshot())).toBe(before);
  });
});
