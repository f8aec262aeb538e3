// Runs longer than one execution: the time budget pauses the run, one resume trigger carries it on (or the
// sidebar's continueMigration), and the trigger is gone when the run ends.
import { zeuesWorkbook } from '../../../rehearse/sample-workbook';
import { SHEET, driveToEnd, fixture, type Status } from '../../support/migration-bundle';

describe('a 150,000-row sheet (63 columns)', () => {
  const f = fixture({ rows: 150000, v21Columns: 63 });
  const before = f.ss.sheet(SHEET);
  const values = before.values();
  const first = f.world.run('startMigration', [], f.as);
  const paused = (first.ok ? first.value : first.error) as Status;
  const triggersWhilePaused = f.world.triggers();
  const resumed = f.world.runDueTriggers();

  it('pauses within the 6-minute limit with its progress and exactly one resume trigger', () => {
    expect(first.ok).toBe(true);
    expect(paused.state).toBe('paused');
    expect(first.stats.virtualMs).toBeLessThan(360000);
    const backup = paused.steps.find((step) => step.name === 'create_backup');
    expect(backup?.progress?.done).toBeGreaterThan(0);
    expect(backup?.progress?.total).toBe(150000);
    expect(triggersWhilePaused).toHaveLength(1);
    expect(triggersWhilePaused[0]).toMatchObject({
      handler: 'resumeMigrationTrigger',
      spreadsheetId: f.ss.id,
    });
  });

  it('finishes from the trigger, with no active spreadsheet, each execution under 6 minutes', () => {
    expect(resumed.length).toBeGreaterThanOrEqual(1);
    for (const run of resumed) {
      expect(run.ok).toBe(true);
      expect(run.stats.virtualMs).toBeLessThan(360000);
    }
    const last = resumed[resumed.length - 1];
    expect((last.ok ? last.value : null) as Status).toMatchObject({ state: 'done' });
    expect(f.world.triggers()).toEqual([]);
  });

  it('keeps every cell and adds the v3 columns', () => {
    const after = f.ss.sheet(SHEET).values();
    expect(after.length).toBe(values.length);
    expect(after[0].slice(63)).toEqual(['Ocupado_Por', 'Fecha_Ocupacion', 'version']);
    // row by row: two JSON strings of 9.45M cells would hold several hundred MB at once
    const firstChanged = after.findIndex(
      (row, r) => JSON.stringify(row.slice(0, 63)) !== JSON.stringify(values[r]),
    );
    expect(firstChanged).toBe(-1);
    expect(after.slice(1).every((row) => row[63] === '' && row[64] === '' && row[65] === 0)).toBe(true);
    expect(f.ss.metadata('schema_version')).toBe('3.0');
  });
});

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
