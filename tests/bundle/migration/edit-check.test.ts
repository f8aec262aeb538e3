// Before anything is recorded, a run proves the user may edit the sheet without writing any cell (others keep
// writing while a run goes on): a developer metadata entry of its own, added and removed. Every cell comes out as
// it was, a header made by a formula included, and the probe leaves no metadata behind.
import { World } from '../../../emulator';
import { zeuesWorkbook } from '../../../rehearse/sample-workbook';
import { SHEET, type Status } from '../../support/migration-bundle';

function workbookWithFormulaHeader(spareColumns: number) {
  const workbook = zeuesWorkbook({ rows: 30 });
  const sheet = workbook.sheets[0];
  const formulas = sheet.formulas ?? sheet.values.map((row) => row.map(() => null));
  formulas[0][0] = '=LOWER("ID")';
  sheet.values[0][0] = 'id';
  sheet.formulas = formulas;
  sheet.maxColumns = sheet.values[0].length + spareColumns;
  return workbook;
}

describe('the edit check of a run', () => {
  it.each([
    ['a grid exactly the size of the data', 0],
    ['a grid with empty columns past the data', 4],
  ])('leaves a header made by a formula a formula, on %s', (_label, spare) => {
    const world = new World();
    const ss = world.createSpreadsheet(workbookWithFormulaHeader(spare));
    const status = world.call('startMigration', [], { activeSpreadsheet: ss.id }) as Status;
    expect(status.state).toBe('done');
    expect(ss.sheet(SHEET).formulas()[0][0]).toBe('=LOWER("ID")');
    expect(ss.sheet(SHEET).row(1).slice(66, 69)).toEqual(['Ocupado_Por', 'Fecha_Ocupacion', 'version']);
    const probes = world.totals.calls['Sheet.addDeveloperMetadata'] ?? 0;
    expect(probes).toBe(1);
    expect(world.totals.calls['DeveloperMetadata.remove']).toBe(1);
  });
});
