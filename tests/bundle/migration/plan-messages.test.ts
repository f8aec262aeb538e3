// The plan says what is true of the sheet: a column without a header is reported as having data only when it
// holds some (whether the plan read the sheet whole or not), and the column count is the sheet's.
import { World } from '../../../emulator';
import { zeuesWorkbook } from '../../../rehearse/sample-workbook';
import { columnLetter } from '../../../src/core/column-map';
import { SHEET, type Fixture, type Status } from '../../support/migration-bundle';

interface Plan {
  sheet: { rows: number; columns: number; used_columns: number };
  blocking: string[];
  warnings: string[];
}

/** The sample sheet with an empty, header-less column inserted at `at` (1-based), optionally one stray value in it. */
function withBlankColumn(rows: number, at: number, stray?: { row: number; value: string }): Fixture {
  const workbook = zeuesWorkbook({ rows });
  const sheet = workbook.sheets[0];
  sheet.values = sheet.values.map((line) => [...line.slice(0, at - 1), '', ...line.slice(at - 1)]);
  if (sheet.formulas) {
    sheet.formulas = sheet.formulas.map((line) => [...line.slice(0, at - 1), '', ...line.slice(at - 1)]);
  }
  sheet.maxColumns += 1;
  if (stray) sheet.values[stray.row - 1][at - 1] = stray.value;
  const world = new World();
  const ss = world.createSpreadsheet(workbook);
  return { world, ss, as: { activeSpreadsheet: ss.id } };
}

describe.each([
  ['read whole by the plan', 60],
  ['too large to read whole', 3000],
])('a sheet %s', (_, rows) => {
  const at = 20;
  const letter = columnLetter(at);

  it('with an empty column and no header: a warning, not "has data"; the count is the sheet\'s', () => {
    const f = withBlankColumn(rows, at);
    const named = f.ss
      .sheet(SHEET)
      .row(1)
      .filter((h) => h !== '').length;
    const plan = f.world.call('previewMigration', [], f.as) as Plan;
    expect(plan.blocking).toEqual([]);
    expect(plan.warnings).toContain(
      `Column ${letter} of sheet "${SHEET}" has no header and no data; the migration leaves it as it is.`,
    );
    expect(plan.sheet).toMatchObject({ rows, columns: named, used_columns: named + 1 });
    f.world.run('menuPreviewMigration', [], { ...f.as, via: 'menu' });
    expect(JSON.stringify(f.world.ui.alerts[0])).toContain(
      `${rows.toLocaleString('en-US')} data rows, ${named + 1} columns (${named} with a header)`,
    );
  });

  it('with a header-less column holding one value: "has data but no header" names it', () => {
    const f = withBlankColumn(rows, at, { row: rows - 5, value: 'stray' });
    const plan = f.world.call('previewMigration', [], f.as) as Plan;
    expect(plan.blocking).toEqual([
      `Column ${letter} of sheet "${SHEET}" has data but no header in row 1. Give every column with data a ` +
        'header (or delete it), then try again.',
    ]);
  });
});

describe.each(['columns', 'full'])('a sheet with an empty header-less column', (mode) => {
  it(`migrates, verifies and rolls back (${mode})`, () => {
    const f = withBlankColumn(60, 20);
    const before = { values: f.ss.sheet(SHEET).values(), formulas: f.ss.sheet(SHEET).formulas() };
    const status = f.world.call('startMigration', [], f.as) as Status;
    expect(status).toMatchObject({ state: 'done' });
    expect(f.world.call('verifyMigration', [], f.as)).toMatchObject({ success: true });
    expect(f.ss.sheet(SHEET).row(1)[19]).toBe('');
    const report = f.world.call('rollbackMigration', [{ mode, confirm: true }], f.as);
    expect(report).toMatchObject({ success: true, errors: [] });
    expect(f.ss.sheet(SHEET).formulas()).toEqual(before.formulas);
  });
});
