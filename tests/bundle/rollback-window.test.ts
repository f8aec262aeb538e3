// The rollback window and the refusals, on the built bundle: each refusal is an Error naming the cause and
// what to do, and changes nothing anywhere.
import { DAY, masked, migratedWorld } from '../support/rollback-bundle';

interface Eligibility {
  eligible: boolean;
  days_since_migration: number | null;
  window_days: number;
  backup: { file_id: string; name: string; url: string; exists: boolean } | null;
  reason: string | null;
}

function refusal(
  run: () => unknown,
  world: { snapshot: () => unknown },
): { message: string; unchanged: boolean } {
  const before = masked(world.snapshot());
  let message = '';
  try {
    run();
  } catch (error) {
    message = (error as Error).message;
  }
  return { message, unchanged: masked(world.snapshot()) === before };
}

describe('checkRollbackEligibility() in the emulator', () => {
  it('counts fractional days from the recorded completion, with the 7-day default window and the backup', () => {
    const { world, as } = migratedWorld();
    const [run] = world.call('getMigrationHistory', [], as) as {
      completed_at: string;
      backup: { file_id: string };
    }[];
    world.clock.advance(2.5 * DAY);
    const result = world.call('checkRollbackEligibility', [], as) as Eligibility;
    const expectedDays = (world.clock.now().getTime() - Date.parse(run.completed_at)) / DAY;
    expect(result.eligible).toBe(true);
    expect(result.window_days).toBe(7);
    expect(result.days_since_migration).toBeCloseTo(expectedDays, 3);
    expect(result.days_since_migration).toBeCloseTo(2.5, 2);
    expect(result.backup).toMatchObject({ file_id: run.backup.file_id, exists: true });
    expect(result.reason).toBeNull();
  });

  it('is not eligible past the window, and follows rollback_window_days from the config', () => {
    const { world, as } = migratedWorld();
    world.clock.advance(8 * DAY);
    const late = world.call('checkRollbackEligibility', [], as) as Eligibility;
    expect(late.eligible).toBe(false);
    expect(late.reason).toMatch(/window is 7 days/);
    world.call('setMigrationConfig', [{ rollback_window_days: 10 }], as);
    expect(world.call('checkRollbackEligibility', [], as) as Eligibility).toMatchObject({
      eligible: true,
      window_days: 10,
    });
  });
});

describe('rollbackMigration() refusals in the emulator', () => {
  it.each([
    [[{ mode: 'full' }], /pass confirm: true/],
    [[{ mode: 'everything', confirm: true }], /"mode" must be "full"/],
    [[{ mode: 'full', confirm: true, dryRun: true }], /Unknown rollback option "dryRun"/],
    [[], /must be an object/],
  ])('refuses %j and changes nothing', (args, expected) => {
    const { world, as } = migratedWorld();
    const { message, unchanged } = refusal(() => world.call('rollbackMigration', args, as), world);
    expect(message).toMatch(expected);
    expect(unchanged).toBe(true);
  });

  it('refuses outside the window unless override_window: true', () => {
    const { world, ss, as } = migratedWorld();
    world.clock.advance(8 * DAY);
    const { message, unchanged } = refusal(
      () => world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], as),
      world,
    );
    expect(message).toMatch(
      /days have passed since the migration completed; the rollback window is 7 days.*override_window: true/,
    );
    expect(unchanged).toBe(true);
    const report = world.call(
      'rollbackMigration',
      [{ mode: 'columns', confirm: true, override_window: true }],
      as,
    ) as {
      success: boolean;
    };
    expect(report.success).toBe(true);
    expect(ss.metadata('schema_version')).toBe('2.1');
  });

  it('refuses while another execution holds the document lock', () => {
    const { world, ss, as } = migratedWorld();
    world.lockHeldElsewhere(ss.id, true);
    const { message, unchanged } = refusal(
      () => world.call('rollbackMigration', [{ mode: 'full', confirm: true }], as),
      world,
    );
    expect(message).toMatch(/^Another run is in progress on this spreadsheet .*then roll back again\.$/);
    expect(unchanged).toBe(true);
  });

  it('refuses when there is no migration to roll back', () => {
    const { world, as } = migratedWorld();
    world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], as);
    const { message, unchanged } = refusal(
      () => world.call('rollbackMigration', [{ mode: 'full', confirm: true }], as),
      world,
    );
    expect(message).toMatch(/already rolled back/);
    expect(unchanged).toBe(true);
  });
});
