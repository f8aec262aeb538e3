// States a run must never get stuck in: a damaged checkpoint that "start over" cannot clear, a refused start-over
// that still removed the paused run's trigger, a resume trigger that fired while the lock was busy (a fired
// one-off trigger never fires again), and failure messages that name an action a sheet owner cannot take.
import { ADDED, SHEET, driveToEnd, fixture, type Fixture, type Status } from '../../support/migration-bundle';

// A small sheet made slow to read, so a 30 s budget pauses the run (as in crash-slices.test.ts).
const SLOW_READS = { costs: { readPerCellUs: 170 } };

function pausedRun(): Fixture {
  const f = fixture({ rows: 300 }, SLOW_READS);
  f.world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], f.as);
  expect(f.world.call('startMigration', [], f.as)).toMatchObject({ state: 'paused' });
  expect(f.world.triggers()).toHaveLength(1);
  return f;
}

function dueTriggers(f: Fixture): number {
  return f.world.triggers().filter((trigger) => trigger.nextRunAt !== null).length;
}

describe('a damaged checkpoint', () => {
  it('is cleared by startMigration({force: true}), which then runs the migration once', () => {
    const f = fixture({ rows: 60 });
    f.world.setDocumentProperty(f.ss.id, 'migration.run', '{"run_id": "v3.0-2026');
    const status = f.world.run('getMigrationStatus', [], f.as);
    expect(status.ok ? '' : status.error.message).toMatch(/damaged.*Start over/);
    const forced = f.world.call('startMigration', [{ force: true }], f.as) as Status;
    expect(forced.state).toBe('done');
    const header = f.ss.sheet(SHEET).row(1);
    expect(header.filter((text) => ADDED.includes(String(text)))).toEqual(ADDED);
    expect(f.world.call('getMigrationStatus', [], f.as)).toMatchObject({ state: 'done' });
  });

  it('without force, is refused with the way out and changes nothing', () => {
    const f = fixture({ rows: 60 });
    f.world.setDocumentProperty(f.ss.id, 'migration.run', 'not json');
    const before = JSON.stringify(f.world.snapshot({ times: false }));
    const result = f.world.run('startMigration', [], f.as);
    expect(result.ok ? '' : result.error.message).toMatch(/damaged.*Start over/);
    expect(JSON.stringify(f.world.snapshot({ times: false }))).toBe(before);
  });
});

describe('startMigration({force: true}) refused by a blocking plan', () => {
  it('changes nothing: the paused run keeps its checkpoint and its resume trigger', () => {
    const f = pausedRun();
    // a folder that does not exist blocks the new plan
    const config = { time_budget_seconds: 30, backup_folder_id: 'no-such-folder' };
    f.world.setDocumentProperty(f.ss.id, 'config', JSON.stringify(config));
    const before = JSON.stringify(f.world.snapshot({ times: false }));
    const result = f.world.run('startMigration', [{ force: true }], f.as);
    expect(result.ok ? '' : result.error.message).toMatch(/cannot start.*no-such-folder/);
    expect(JSON.stringify(f.world.snapshot({ times: false }))).toBe(before);
    expect(dueTriggers(f)).toBe(1);
  });
});

describe('a resume trigger that fires while the document lock is held', () => {
  it('leaves a trigger that will fire again, and the run still finishes by triggers alone', () => {
    const f = pausedRun();
    f.world.lockHeldElsewhere(f.ss.id, true);
    const busy = f.world.runDueTriggers();
    expect(busy).toHaveLength(1);
    f.world.lockHeldElsewhere(f.ss.id, false);
    expect(f.world.call('getMigrationStatus', [], f.as)).toMatchObject({ state: 'paused' });
    expect(dueTriggers(f)).toBe(1);
    expect(f.world.triggers()).toHaveLength(1);
    for (let i = 0; i < 10 && dueTriggers(f) > 0; i += 1) f.world.runDueTriggers();
    expect(f.world.call('getMigrationStatus', [], f.as)).toMatchObject({ state: 'done' });
    expect(f.world.triggers()).toEqual([]);
  });

  it('then a slice driven from the sidebar pauses with exactly one live trigger', () => {
    const f = pausedRun();
    f.world.lockHeldElsewhere(f.ss.id, true);
    f.world.runDueTriggers();
    f.world.lockHeldElsewhere(f.ss.id, false);
    const status = f.world.call('continueMigration', [], f.as) as Status;
    if (status.state === 'paused') {
      expect(f.world.triggers()).toHaveLength(1);
      expect(dueTriggers(f)).toBe(1);
    }
    expect(driveToEnd(f).state).toBe('done');
    expect(f.world.triggers()).toEqual([]);
  });
});

describe('failure messages', () => {
  it('name the migration panel\'s "Start over" button, not only a function call', () => {
    // reads slow enough that the first slice pauses while comparing the backup with the sheet
    const f = fixture({ rows: 300 }, { costs: { readPerCellUs: 500 } });
    f.world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], f.as);
    // every backup copy comes out damaged: the run stops after three
    f.world.damageCopies((copy) => copy.sheet(SHEET).setValues(250, 2, [['damaged copy']]));
    const paused = f.world.call('startMigration', [], f.as) as Status;
    expect(paused.steps[0]).toMatchObject({ name: 'create_backup', status: 'running' });
    const status = driveToEnd(f);
    expect(status.state).toBe('failed');
    expect(status.error?.step).toBe('create_backup');
    expect(status.error?.message).toMatch(/"Start over" in the migration panel/);
  });
});

describe('a paused run whose resume trigger could not be made', () => {
  it('is described with how to resume, not as continuing by itself', async () => {
    const { describeStatus } = await import('../../../src/core/migration/describe');
    const { translator } = await import('../../../src/core/messages');
    const text = describeStatus(
      {
        migration: 'v3.0',
        run_id: 'v3.0-20261124T120000Z',
        state: 'paused',
        dry_run: false,
        steps: [{ name: 'create_backup', status: 'running' }],
        updated_at: '2026-11-24T12:00:00.000Z',
        message:
          'The run paused but its resume trigger could not be created (quota). Resume it from the menu.',
      },
      translator('en'),
    );
    expect(text).toMatch(/Resume it from the menu/);
    expect(text).not.toMatch(/continues by itself/);
  });
});
