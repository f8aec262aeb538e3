// A full rollback of v4.0 when Sheets reads slowly, on the built bundle: its other sheets (Uniones, Metadata) are
// rolled back one at a time, each recorded before the next starts, and the rollback pauses between two sheets
// when the next would not fit the time left, so no execution passes Apps Script's 6-minute limit
// (https://developers.google.com/apps-script/guides/services/quotas#current_limitations). Before, every sheet went
// in one execution: past the limit, each call died at the same place and the rollback never ended.
import { DEFAULT_COSTS } from '../../../emulator';
import type { WorkbookModel } from '../../../rehearse/workbook';
import { type Fixture } from '../../support/migration-bundle';
import { sheetsOf, v31Workbook, withEvents, withUniones, worldOf } from '../../support/chain-bundle';
import {
  EXECUTION_LIMIT_MS,
  callUntil,
  rollbackFinished,
  stopMessage,
  type Executions,
} from '../../support/slow-sheets';

/** 250 spools with 18 unions each (4,500 Uniones rows) and a Metadata event log of `events` rows. */
function workbook(events: number): WorkbookModel {
  return withEvents(
    withUniones(v31Workbook({ rows: 250 }), () => 18),
    events,
  );
}

/** 2 ms a cell: 235 times the published read rate, so each sheet takes minutes. */
const SLOW_READ_US = 2000;

interface Migrated {
  f: Fixture;
  before: Record<string, unknown>;
}

function migrated(events: number): Migrated {
  const f = worldOf(workbook(events));
  const before = sheetsOf(f);
  expect(f.world.call('startMigration', [], f.as)).toMatchObject({ migration: 'v4.0', state: 'done' });
  f.world.setCosts({ readPerCellUs: SLOW_READ_US });
  return { f, before };
}

const rollBack = (f: Fixture, limit: number): Executions =>
  callUntil(f, 'rollbackMigration', [{ mode: 'full', confirm: true }], rollbackFinished, limit);

const errorsOf = (executions: Executions): string[] => executions.runs.map(stopMessage);

describe('a full rollback of v4.0 when Sheets reads at 2 ms a cell', () => {
  it('pauses between its other sheets, stays within the limit every execution and gives back every sheet', () => {
    const { f, before } = migrated(2000);
    const executions = rollBack(f, 12);
    const last = executions.runs[executions.runs.length - 1];
    expect(last.ok ? last.value : last.error.message).toMatchObject({ migration: 'v4.0', success: true });
    for (const run of executions.runs) expect(run.stats.virtualMs).toBeLessThan(EXECUTION_LIMIT_MS);
    const paused = errorsOf(executions).filter((message) => /rolled back 1 of 2 other sheets/.test(message));
    expect(paused).toHaveLength(1);
    expect(sheetsOf(f)).toEqual(before);
    expect(f.ss.metadata('schema_version')).toBe('3.1');
  });

  it('says Sheets is too slow when one sheet alone could not fit an execution, and finishes once Sheets is faster', () => {
    const { f, before } = migrated(3000);
    const slow = rollBack(f, 8);
    const stuck = errorsOf(slow).filter((message) => /reading too slowly/.test(message));
    expect(stuck.length).toBeGreaterThan(0);
    expect(stuck[stuck.length - 1]).toMatch(/rolling back the sheet Metadata/);
    // each call measures Sheets' speed with one short read and stops, instead of dying at the limit
    const lastSlow = slow.runs[slow.runs.length - 1];
    expect(lastSlow.stats.virtualMs).toBeLessThan(60_000);
    for (const run of slow.runs) expect(run.stats.virtualMs).toBeLessThan(EXECUTION_LIMIT_MS);
    f.world.setCosts({ readPerCellUs: DEFAULT_COSTS.readPerCellUs });
    const fast = rollBack(f, 4);
    const last = fast.runs[fast.runs.length - 1];
    expect(last.ok ? last.value : last.error.message).toMatchObject({ migration: 'v4.0', success: true });
    expect(sheetsOf(f)).toEqual(before);
  });
});
