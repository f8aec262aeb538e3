// A full rollback when Sheets reads slowly: export, restore and the comparison with the backup read blocks sized
// to the speed measured so far (kept in the rollback's checkpoint between calls), so each call stops before a
// read that would not fit and the next goes on. None passes the 6-minute limit
// (https://developers.google.com/apps-script/guides/services/quotas), and the end is that of a rollback at
// normal speed: the original sheet, every value written since exported.
import type { RollbackReport } from '../../src/core/contract';
import { columnOf } from '../support/rollback-bundle';
import {
  EXECUTION_LIMIT_MS,
  SHEET,
  callUntil,
  figures,
  lastValue,
  migrateThroughTriggers,
  rollbackFinished,
  slowFixture,
  stopMessage,
  type Fixture,
} from '../support/slow-sheets';
import { expectSameCells } from '../support/same-cells';

const FULL = [{ mode: 'full', confirm: true }];

interface Prepared {
  f: Fixture;
  original: { values: unknown[][]; formulas: string[][]; maxRows: number; maxColumns: number };
}

/** Migrated (through as many executions as it takes), then written by the app: two rows occupied. */
function prepared(readPerCellUs: number | null): Prepared {
  const f = slowFixture(readPerCellUs);
  const sheet = f.ss.sheet(SHEET);
  const original = {
    values: sheet.values(),
    formulas: sheet.formulas(),
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
  };
  const migration = migrateThroughTriggers(f);
  const last = migration.runs[migration.runs.length - 1];
  if (!last.ok || (last.value as { state: string }).state !== 'done')
    throw new Error('the migration did not finish');
  const occupied = columnOf(f.ss, 'Ocupado_Por');
  for (const row of [3, 1800]) sheet.setValues(row, occupied, [['MR(93)', '24-11-2026 09:15:00', 2]]);
  return { f, original };
}

function rollBack(f: Fixture) {
  return callUntil(
    f,
    'rollbackMigration',
    FULL,
    (run) => rollbackFinished(run) || !/is not finished yet/.test(stopMessage(run)),
  );
}

function exportedCells(f: Fixture, report: RollbackReport): unknown[] {
  const refs = report.exported?.parts ?? (report.exported ? [report.exported] : []);
  return refs
    .flatMap(
      (ref) =>
        (
          JSON.parse(String(f.world.drive.files().find((file) => file.id === ref.file_id)?.content)) as {
            cells: unknown[];
          }
        ).cells,
    )
    .map((cell) => JSON.stringify(cell))
    .sort();
}

const clean = prepared(null);
const cleanRuns = rollBack(clean.f);
const cleanReport = lastValue<RollbackReport>(cleanRuns);
const cleanCells = exportedCells(clean.f, cleanReport);

it('at normal speed, the full rollback of 2,500 rows takes one call', () => {
  expect(cleanRuns.runs).toHaveLength(1);
  expect(cleanReport.success).toBe(true);
  expect(cleanCells).toHaveLength(6);
});

describe.each([400, 600, 2000])('a full rollback when Sheets reads at %i µs a cell', (us) => {
  const { f, original } = prepared(us);
  const executions = rollBack(f);
  console.log(figures(`full rollback at ${us} µs a cell`, executions));

  it('finishes over several calls, each within the 6-minute limit, each stop saying how to go on', () => {
    expect(executions.runs.length).toBeGreaterThan(1);
    for (const run of executions.runs) expect(run.stats.virtualMs).toBeLessThan(EXECUTION_LIMIT_MS);
    for (const run of executions.runs.slice(0, -1)) {
      expect(stopMessage(run)).toMatch(
        /is not finished yet .*Call rollbackMigration\(\{mode: "full", confirm: true\}\) again/,
      );
    }
    expect(rollbackFinished(executions.runs[executions.runs.length - 1])).toBe(true);
  });

  it('ends like the rollback at normal speed: the original sheet, every written value exported', () => {
    const report = lastValue<RollbackReport>(executions);
    expect(report.success).toBe(true);
    expect(report.verification.passed).toBe(true);
    const sheet = f.ss.sheet(SHEET);
    expectSameCells(sheet.values(), original.values);
    expectSameCells(sheet.formulas(), original.formulas);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([original.maxRows, original.maxColumns]);
    expect(exportedCells(f, report)).toEqual(cleanCells);
    expect(f.ss.metadata('schema_version')).toBe(clean.f.ss.metadata('schema_version'));
    expect(f.world.documentProperties(f.ss.id)['rollback.state']).toBeUndefined();
    expect(f.world.triggers()).toEqual([]);
  });
});
