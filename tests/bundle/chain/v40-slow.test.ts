// v4.0 when Sheets reads slowly, on the built bundle: the verification's checks of the other sheets and the
// computed columns read Uniones and Metadata whole (both copies), so they are planned as one unit like a block
// read: the run pauses before them when they would not fit before the execution's limit, and stops with "Sheets is reading too
// slowly" when they could not fit any execution, instead of dying at Apps Script's 6-minute limit
// (https://developers.google.com/apps-script/guides/services/quotas#current_limitations) with nothing to resume it.
// Before, the first execution of both runs below died at the limit, with no trigger left to resume it.
import { DEFAULT_COSTS } from '../../../emulator';
import type { WorkbookModel } from '../../../rehearse/workbook';
import type { Fixture, Status } from '../../support/migration-bundle';
import { sheetsOf, v31Workbook, withEvents, withUniones, worldOf } from '../../support/chain-bundle';
import {
  EXECUTION_LIMIT_MS,
  callUntil,
  lastValue,
  migrateThroughTriggers,
  type Executions,
} from '../../support/slow-sheets';

/** `spools` spools with `unions` unions each, and a Metadata event log of `events` rows. */
function workbook(spools: number, unions: number, events: number): WorkbookModel {
  return withEvents(
    withUniones(v31Workbook({ rows: spools }), () => unions),
    events,
  );
}

/** 2 ms a cell: 235 times the published read rate. */
const SLOW = { costs: { readPerCellUs: 2000 } };

function migratedAtNormalSpeed(book: () => WorkbookModel): Record<string, unknown> {
  const f = worldOf(book());
  expect(f.world.call('startMigration', [], f.as)).toMatchObject({ migration: 'v4.0', state: 'done' });
  return sheetsOf(f);
}

function expectWithinLimit(executions: Executions): void {
  for (const run of executions.runs) expect(run.stats.virtualMs).toBeLessThan(EXECUTION_LIMIT_MS);
}

describe('v4.0 when Sheets reads at 2 ms a cell', () => {
  it('pauses before the other sheets are checked, never passes the limit, and ends like a run at normal speed', () => {
    const book = () => workbook(100, 14, 200);
    const f: Fixture = worldOf(book(), SLOW);
    const run = migrateThroughTriggers(f);
    expect(run.runs.length).toBeGreaterThan(1);
    expectWithinLimit(run);
    expect(lastValue<Status>(run)).toMatchObject({ migration: 'v4.0', state: 'done' });
    expect(sheetsOf(f)).toEqual(migratedAtNormalSpeed(book));
    const verified = callUntil(
      f,
      'verifyMigration',
      [],
      (r) => !r.ok || (r.value as { success: boolean }).success,
      4,
    );
    expectWithinLimit(verified);
    expect(lastValue<{ success: boolean }>(verified).success).toBe(true);
  });

  it('stops with a message naming the checks when they could not fit one execution, and resumes once Sheets is faster', () => {
    const book = () => workbook(100, 18, 200);
    const f: Fixture = worldOf(book(), SLOW);
    const run = migrateThroughTriggers(f);
    expectWithinLimit(run);
    const stopped = lastValue<Status>(run);
    expect(stopped.state).toBe('failed');
    expect(stopped.error?.message).toMatch(
      /reading too slowly to go on: checking the other sheets and the computed columns/,
    );
    f.world.setCosts({ readPerCellUs: DEFAULT_COSTS.readPerCellUs });
    expect(f.world.call('continueMigration', [], f.as)).toMatchObject({ migration: 'v4.0', state: 'done' });
    expect(sheetsOf(f)).toEqual(migratedAtNormalSpeed(book));
  });
});
