// A rollback larger than one execution's time budget, on the built bundle: each call stops between blocks
// once the budget is spent, says so, and the next call goes on; the export is written in parts, one per call.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { SHEET, columnOf } from '../support/rollback-bundle';
import { expectSameCells } from '../support/same-cells';

const ROWS = 20_000;

interface Report {
  success: boolean;
  pending?: boolean;
  errors: string[];
  exported?: { parts?: { file_id: string }[] };
  verification: { passed: boolean };
}

function migrated() {
  const world = new World();
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: ROWS }));
  const sheet = ss.sheet(SHEET);
  const original = {
    values: sheet.values(),
    formulas: sheet.formulas(),
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
  };
  const as = { activeSpreadsheet: ss.id };
  let status = world.call('startMigration', [{}], as) as { state: string };
  for (let i = 0; i < 20 && status.state !== 'done'; i += 1)
    status = world.call('continueMigration', [], as) as { state: string };
  if (status.state !== 'done') throw new Error(`migration not done: ${status.state}`);
  world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], as);
  return { world, ss, original, as };
}

describe('a full rollback of a 20,000-row sheet with a 30-second budget', () => {
  it('takes several calls, each within the limit, and ends with the original sheet and every written value exported', () => {
    const { world, ss, original, as } = migrated();
    const sheet = ss.sheet(SHEET);
    const occupied = columnOf(ss, 'Ocupado_Por');
    for (const row of [3, 12_000, 19_500])
      sheet.setValues(row, occupied, [['MR(93)', '24-11-2026 09:15:00', 1]]);

    const stops: string[] = [];
    let report = null as Report | null;
    for (let call = 0; call < 30 && !report; call += 1) {
      const result = world.run('rollbackMigration', [{ mode: 'full', confirm: true }], as);
      expect(result.stats.virtualMs).toBeLessThan(6 * 60 * 1000);
      if (!result.ok) throw new Error(result.error.message);
      const answer = result.value as Report;
      if (answer.pending) {
        expect(answer.success).toBe(false);
        expect(answer.errors[0]).toMatch(
          /is not finished yet .*Call rollbackMigration\(\{mode: "full", confirm: true\}\) again/,
        );
        stops.push(answer.errors[0]);
      } else report = answer;
    }
    expect(stops.length).toBeGreaterThan(1);
    expect(report?.success).toBe(true);
    expect(report?.verification.passed).toBe(true);
    expectSameCells(sheet.values(), original.values);
    expectSameCells(sheet.formulas(), original.formulas);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([original.maxRows, original.maxColumns]);

    const parts = report?.exported?.parts ?? [];
    expect(parts.length).toBeGreaterThan(1);
    const exported = parts.flatMap(
      (part) => JSON.parse(String(world.drive.files().find((f) => f.id === part.file_id)?.content)).cells,
    );
    expect(
      exported
        .filter((cell: { column: string }) => cell.column === 'Ocupado_Por')
        .map((cell: { row: number }) => cell.row),
    ).toEqual([3, 12_000, 19_500]);
  });
});
