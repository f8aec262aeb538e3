// The document lock's rules for every entry point (CONTRACT.md "Entry points", "Locking"), on the built bundle:
// with another execution holding the lock, a start, a rollback, a verification and a settings write throw and
// change nothing; a continuation and the trigger return the state as stored with a message. Settings a run
// depends on cannot change while a run or rollback is in progress; other settings can.
import { driveToEnd, fixture, type Fixture, type Status } from '../support/migration-bundle';

const BUSY =
  /^Another run is in progress on this spreadsheet .*Nothing was changed: wait for it to pause or finish, then/;
const SLOW_READS = { costs: { readPerCellUs: 170 } };

function pausedRun(): Fixture {
  const f = fixture({ rows: 300 }, SLOW_READS);
  f.world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], f.as);
  expect(f.world.call('startMigration', [], f.as)).toMatchObject({ state: 'paused' });
  return f;
}

const snapshot = (f: Fixture) => JSON.stringify(f.world.snapshot({ times: false }));
const failure = (f: Fixture, fn: string, args: unknown[] = []) => {
  const result = f.world.run(fn, args, f.as);
  return result.ok ? 'no error' : result.error.message;
};

describe('with the document lock held by another execution', () => {
  it('start, rollback, verification and settings throw, naming what to do, and change nothing', () => {
    const f = fixture({ rows: 60 });
    expect(f.world.call('startMigration', [], f.as)).toMatchObject({ state: 'done' });
    f.world.lockHeldElsewhere(f.ss.id, true);
    const before = snapshot(f);
    expect(failure(f, 'startMigration')).toMatch(BUSY);
    expect(failure(f, 'startMigration', [{ force: true }])).toMatch(BUSY);
    expect(failure(f, 'rollbackMigration', [{ mode: 'columns', confirm: true }])).toMatch(
      /Another run is in progress.*then roll back again\.$/,
    );
    expect(failure(f, 'verifyMigration')).toMatch(/Another run is in progress.*then verify again\.$/);
    expect(failure(f, 'setMigrationConfig', [{ rollback_window_days: 3 }])).toMatch(
      /Another run is in progress.*then save the settings again\.$/,
    );
    // Bad input is still named first: it needs no lock.
    expect(failure(f, 'setMigrationConfig', [{ colour: 'red' }])).toMatch(/colour/);
    expect(snapshot(f)).toBe(before);
    f.world.lockHeldElsewhere(f.ss.id, false);
    expect(f.world.call('setMigrationConfig', [{ rollback_window_days: 3 }], f.as)).toMatchObject({
      rollback_window_days: 3,
    });
  });

  it('continueMigration and the trigger return the stored state (paused), with why nothing was done', () => {
    const f = pausedRun();
    f.world.lockHeldElsewhere(f.ss.id, true);
    const before = snapshot(f);
    const status = f.world.call('continueMigration', [], f.as) as Status;
    expect(status.state).toBe('paused');
    expect(status.message).toMatch(/Another run is in progress.*then check the status again\.$/);
    const fired = f.world.runDueTriggers();
    expect(fired).toHaveLength(1);
    expect(fired[0].ok && (fired[0].value as Status)).toMatchObject({
      state: 'paused',
      message: status.message,
    });
    expect(f.world.call('getMigrationStatus', [], f.as)).toMatchObject({ state: 'paused' });
    f.world.lockHeldElsewhere(f.ss.id, false);
    expect(driveToEnd(f).state).toBe('done');
    expect(before).not.toBe(snapshot(f));
  });
});

describe('settings a run depends on', () => {
  it('cannot change while a run is in progress; the others can; after the run both can', () => {
    const f = pausedRun();
    const before = snapshot(f);
    expect(failure(f, 'setMigrationConfig', [{ target_sheet: 'Hoja1' }])).toBe(
      'Setting "target_sheet" cannot change now: a migration run is in progress: finish it (Resume) or start ' +
        'it over, or roll it back, then change it. Nothing was saved.',
    );
    expect(failure(f, 'setMigrationConfig', [{ backup_folder_id: 'root' }])).toMatch(
      /^Setting "backup_folder_id" cannot change now: a migration run is in progress/,
    );
    expect(snapshot(f)).toBe(before);
    // The same value is no change, and other settings are free.
    expect(
      f.world.call('setMigrationConfig', [{ target_sheet: 'Operaciones', log_level: 'warn' }], f.as),
    ).toMatchObject({
      log_level: 'warn',
    });
    expect(driveToEnd(f).state).toBe('done');
    expect(f.world.call('setMigrationConfig', [{ target_sheet: 'Hoja1' }], f.as)).toMatchObject({
      target_sheet: 'Hoja1',
    });
  });
});
