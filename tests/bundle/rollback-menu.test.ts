// The menu items on the built bundle: "Roll back migration" asks for the mode and a confirmation through
// alerts; "Clean up old backups" lists backups older than the window and trashes them only once confirmed.
// Ui.alert with a ButtonSet returns the button pressed:
// https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)
import type { AlertRecord } from '../../emulator';
import { DAY, SHEET, masked, migratedWorld } from '../support/rollback-bundle';

const menu = (id: string) => ({ activeSpreadsheet: id, via: 'menu' as const });

function answering(
  world: { ui: { respond: (alert: AlertRecord) => unknown } },
  answers: Record<string, string>,
) {
  world.ui.respond = (alert: AlertRecord) => (answers[alert.title ?? ''] ?? 'OK') as never;
}

/** The backup copies: spreadsheets other than the migrated one. */
function backups(world: ReturnType<typeof migratedWorld>['world'], ssId: string) {
  return world.drive.files().filter((file) => file.mimeType.includes('spreadsheet') && file.id !== ssId);
}

describe('menuRollbackMigration', () => {
  it('Yes (full) then Yes (confirm) restores the sheet from the backup', () => {
    const { world, ss, original } = migratedWorld();
    answering(world, { 'Roll back migration': 'YES', 'Confirm rollback': 'YES' });
    const result = world.run('menuRollbackMigration', [], menu(ss.id));
    expect(result.ok).toBe(true);
    expect(ss.sheet(SHEET).values()).toEqual(original.values);
    const last = world.ui.alerts[world.ui.alerts.length - 1];
    expect(last.title).toBe('Rollback');
    expect(last.prompt).toMatch(/The rollback finished\.[\s\S]*matches it/);
  });

  it('No (columns) then Yes removes only the v3.0 columns', () => {
    const { world, ss, original, as } = migratedWorld();
    answering(world, { 'Roll back migration': 'NO', 'Confirm rollback': 'YES' });
    world.run('menuRollbackMigration', [], menu(ss.id));
    expect(ss.sheet(SHEET).values()).toEqual(original.values);
    const [newest] = world.call('getMigrationHistory', [], as) as { kind: string; mode: string }[];
    expect(newest).toMatchObject({ kind: 'rollback', mode: 'columns' });
  });

  it('changes nothing when the user cancels or does not confirm', () => {
    const cases: Record<string, string>[] = [
      { 'Roll back migration': 'CANCEL' },
      { 'Roll back migration': 'YES', 'Confirm rollback': 'NO' },
    ];
    for (const answers of cases) {
      const { world, ss } = migratedWorld();
      answering(world, answers);
      const before = masked(world.snapshot());
      world.run('menuRollbackMigration', [], menu(ss.id));
      expect(masked(world.snapshot())).toBe(before);
    }
  });

  it('outside the window asks first, and rolls back only when the user says so', () => {
    const { world, ss } = migratedWorld();
    world.clock.advance(9 * DAY);
    answering(world, { 'Outside the rollback window': 'NO' });
    const before = masked(world.snapshot());
    world.run('menuRollbackMigration', [], menu(ss.id));
    expect(masked(world.snapshot())).toBe(before);
    answering(world, {
      'Outside the rollback window': 'YES',
      'Roll back migration': 'NO',
      'Confirm rollback': 'YES',
    });
    world.run('menuRollbackMigration', [], menu(ss.id));
    expect(ss.metadata('schema_version')).toBe('2.1');
  });
});

describe('menuCleanUpBackups', () => {
  it('trashes a backup older than the window once the user confirms; the rollback then reports it gone', () => {
    const { world, ss, as } = migratedWorld();
    const [backup] = backups(world, ss.id);
    world.clock.advance(8 * DAY);
    answering(world, { 'Clean up old backups': 'YES' });
    world.run('menuCleanUpBackups', [], menu(ss.id));
    const question = world.ui.alerts.find((alert) => alert.buttons.includes('YES'));
    expect(question?.prompt).toContain(backup.name);
    expect(world.drive.files().find((file) => file.id === backup.id)?.trashed).toBe(true);
    const eligibility = world.call('checkRollbackEligibility', [], as) as {
      backup: { exists: boolean };
      reason: string;
    };
    expect(eligibility.backup.exists).toBe(false);
    expect(eligibility.reason).toMatch(/no longer exists or is in the trash/);
  });

  it('trashes nothing when the user says no', () => {
    const { world, ss } = migratedWorld();
    world.clock.advance(8 * DAY);
    answering(world, { 'Clean up old backups': 'NO' });
    world.run('menuCleanUpBackups', [], menu(ss.id));
    expect(backups(world, ss.id).every((file) => !file.trashed)).toBe(true);
  });

  it('never offers the backup of a migration still inside its window', () => {
    const { world, ss } = migratedWorld();
    world.clock.advance(3 * DAY);
    answering(world, { 'Clean up old backups': 'YES' });
    world.run('menuCleanUpBackups', [], menu(ss.id));
    expect(world.ui.alerts[world.ui.alerts.length - 1].prompt).toMatch(
      /No backup is older than the 7-day rollback window/,
    );
    expect(backups(world, ss.id).every((file) => !file.trashed)).toBe(true);
  });

  it('with an old and a recent migration, offers only the old one', () => {
    const { world, ss, as } = migratedWorld();
    const [first] = backups(world, ss.id);
    world.call('rollbackMigration', [{ mode: 'full', confirm: true }], as);
    world.clock.advance(10 * DAY);
    const status = world.call('startMigration', [{}], as) as { state: string };
    expect(status.state).toBe('done');
    const second = backups(world, ss.id).find((file) => file.id !== first.id);
    expect(second).toBeDefined();
    answering(world, { 'Clean up old backups': 'YES' });
    world.run('menuCleanUpBackups', [], menu(ss.id));
    const files = world.drive.files();
    expect(files.find((file) => file.id === first.id)?.trashed).toBe(true);
    expect(files.find((file) => file.id === second?.id)?.trashed).toBe(false);
  });
});
