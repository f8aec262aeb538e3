import { translator } from '../../../src/core/messages';
import { readConfig } from '../../../src/core/state/config';
import { assessEligibility } from '../../../src/core/rollback/eligibility';
import { readRollbackFacts } from '../../../src/core/state/run-record';
import { rollbackMigration } from '../../../src/core/rollback/rollback';
import { DAY, migratedWorld } from '../../support/rollback-fixture';

function eligibility(migrated: ReturnType<typeof migratedWorld>) {
  const services = migrated.world.services(migrated.ss.id);
  const all = migrated.world.properties;
  return assessEligibility(
    readRollbackFacts(all),
    readConfig(all),
    services.clock,
    services.drive,
    translator('en'),
  );
}

describe('rollback eligibility', () => {
  it('counts fractional days from the recorded completion, not from a file date', () => {
    const migrated = migratedWorld();
    // the fixture completes the run 1 minute after the backup and is read 2 minutes after it
    migrated.world.now += 1.5 * DAY - 60_000;
    const result = eligibility(migrated);
    expect(result).toEqual({
      migration: 'v3.0',
      eligible: true,
      days_since_migration: 1.5,
      window_days: 7,
      backup: {
        file_id: migrated.backup.id,
        name: migrated.backup.name,
        url: `https://docs.google.com/spreadsheets/d/${migrated.backup.id}/edit`,
        exists: true,
      },
      reason: null,
    });
  });

  it('uses rollback_window_days from the config', () => {
    const migrated = migratedWorld();
    migrated.world.properties.config = JSON.stringify({ rollback_window_days: 2 });
    migrated.world.now += 3 * DAY;
    const result = eligibility(migrated);
    expect(result.eligible).toBe(false);
    expect(result.window_days).toBe(2);
    expect(result.reason).toMatch(/rollback window is 2 days/);
  });

  it('is not eligible when the backup was trashed, and says so', () => {
    const migrated = migratedWorld();
    (migrated.world.files.get(migrated.backup.id) as { trashed: boolean }).trashed = true;
    const result = eligibility(migrated);
    expect(result.eligible).toBe(false);
    expect(result.backup?.exists).toBe(false);
    expect(result.reason).toMatch(/no longer exists/);
  });

  it('is not eligible without a migration', () => {
    const migrated = migratedWorld();
    delete migrated.world.properties['history.1'];
    expect(eligibility(migrated)).toMatchObject({
      eligible: false,
      days_since_migration: null,
      backup: null,
    });
  });

  it('is not eligible once rolled back', () => {
    const migrated = migratedWorld();
    rollbackMigration(migrated.world.services(migrated.ss.id), { mode: 'columns', confirm: true });
    const result = eligibility(migrated);
    expect(result.eligible).toBe(false);
    expect(result.reason).toMatch(/already rolled back/);
  });

  it('treats a run that stopped midway as the one to roll back, from its last recorded time', () => {
    const migrated = migratedWorld({ completed: false });
    const result = eligibility(migrated);
    expect(result.eligible).toBe(true);
    expect(result.days_since_migration).toBeCloseTo(60_000 / DAY, 3);
  });
});
