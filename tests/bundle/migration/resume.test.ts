// Runs longer than one execution: the time budget pauses the run, one resume trigger carries it on (or the
// sidebar's continueMigration), and the trigger is gone when the run ends. The 150,000-row run's pause and resume
// are checked in cost.test.ts, on the run whose round trips it counts.
import { zeuesWorkbook } from '../../../rehearse/sample-workbook';
import { driveToEnd, fixture, type Status } from '../../support/migration-bundle';

describe('a run driven by continueMigration', () => {
  it('pauses on a short budget and completes slice by slice without a second trigger', () => {
    const f = fixture({ rows: 25000 });
    f.world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], f.as);
    const statuses = [f.world.call('startMigration', [], f.as) as Status];
    while (statuses[statuses.length - 1].state === 'paused' && statuses.length < 30) {
      expect(f.world.triggers()).toHaveLength(1);
      statuses.push(f.world.call('continueMigration', [], f.as) as Status);
    }
    expect(statuses[0].state).toBe('paused');
    expect(statuses.length).toBeGreaterThan(2);
    expect(statuses[statuses.length - 1].state).toBe('done');
    expect(f.world.triggers()).toEqual([]);
    expect(f.world.drive.files().filter((file) => /backup.*UTC\)$/.test(file.name))).toHaveLength(1);
  });
});

describe('two spreadsheets migrating at once for the same user', () => {
  it("each keeps its own resume trigger, and finishing one never removes the other's", () => {
    const f = fixture({ rows: 25000 });
    const other = f.world.createSpreadsheet({
      ...zeuesWorkbook({ rows: 25000, seed: 7 }),
      name: 'ZEUES copy',
    });
    const asOther = { activeSpreadsheet: other.id };
    for (const as of [f.as, asOther]) {
      f.world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], as);
      expect((f.world.call('startMigration', [], as) as Status).state).toBe('paused');
    }
    const triggerOf = (id: string) => f.world.triggers().filter((trigger) => trigger.spreadsheetId === id);
    expect(triggerOf(f.ss.id)).toHaveLength(1);
    expect(triggerOf(other.id)).toHaveLength(1);
    const otherTrigger = triggerOf(other.id)[0].id;

    expect(driveToEnd(f, 40).state).toBe('done');
    expect(triggerOf(f.ss.id)).toEqual([]);
    expect(f.world.triggers().map((trigger) => trigger.id)).toEqual([otherTrigger]);

    const fired = f.world.runDueTriggers();
    const last = fired[fired.length - 1];
    expect(last.ok).toBe(true);
    expect(f.world.triggers().filter((trigger) => trigger.nextRunAt !== null).length).toBeLessThanOrEqual(1);
    expect(f.world.call('getMigrationStatus', [], asOther)).toMatchObject({
      state: expect.stringMatching(/paused|done/),
    });
  });
});

describe('the document lock', () => {
  it('held elsewhere: startMigration throws that a run is in progress and changes nothing', () => {
    const f = fixture();
    f.world.lockHeldElsewhere(f.ss.id, true);
    const before = JSON.stringify(f.world.snapshot({ times: false }));
    const result = f.world.run('startMigration', [], f.as);
    expect(result.ok ? '' : result.error.message).toMatch(/^Another run is in progress.*then try again\.$/);
    expect(JSON.stringify(f.world.snapshot({ times: false }))).toBe(before);
  });
});

describe('continueMigration with no run', () => {
  it('returns not_started and changes nothing', () => {
    const f = fixture();
    const before = JSON.stringify(f.world.snapshot({ times: false }));
    expect(f.world.call('continueMigration', [], f.as)).toMatchObject({ state: 'not_started', run_id: null });
    expect(JSON.stringify(f.world.snapshot({ times: false }))).toBe(before);
  });
});
