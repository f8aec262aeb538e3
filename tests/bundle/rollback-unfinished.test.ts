// Rolling back a run that died midway, on the built bundle: only what that run added is removed, its
// checkpoints go, and the status says rolled back.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import type { WorkbookModel } from '../../rehearse/workbook';
import { SHEET } from '../support/rollback-bundle';

/** The sample workbook whose sheet already has Ocupado_Por (a partly migrated copy). */
function partlyMigrated(): WorkbookModel {
  const workbook = zeuesWorkbook({ rows: 40 });
  const sheet = workbook.sheets[0];
  sheet.values = sheet.values.map((line, r) => [...line, r === 0 ? 'Ocupado_Por' : '']);
  if (sheet.formulas) sheet.formulas = sheet.formulas.map((line) => [...line, null]);
  sheet.maxColumns += 1;
  return workbook;
}

/** A world whose migration died right after inserting its columns (the first failure index leaving them there). */
function diedAfterInsert(workbook: () => WorkbookModel) {
  for (let call = 1; call < 200; call += 1) {
    const world = new World();
    const ss = world.createSpreadsheet(workbook());
    const original = { values: ss.sheet(SHEET).values(), maxColumns: ss.sheet(SHEET).maxColumns };
    const as = { activeSpreadsheet: ss.id };
    const result = world.run('startMigration', [{}], { ...as, failAt: { call } });
    if (result.ok) throw new Error('the migration finished before any failure left its columns behind');
    if (ss.sheet(SHEET).row(1).includes('version')) return { world, ss, as, original };
  }
  throw new Error('no failure index left the inserted columns behind');
}

describe('rollbackMigration after a run that died midway', () => {
  it('removes only the columns that run added and leaves the column that was there before', () => {
    const { world, ss, as, original } = diedAfterInsert(partlyMigrated);
    expect((world.call('getMigrationStatus', [], as) as { state: string }).state).not.toBe('done');
    const report = world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], as) as {
      removed_columns: string[];
      success: boolean;
      verification: { passed: boolean };
    };
    expect(report.removed_columns).toEqual(['Fecha_Ocupacion', 'version']);
    expect(ss.sheet(SHEET).values()).toEqual(original.values);
    expect(ss.sheet(SHEET).maxColumns).toBe(original.maxColumns);
    expect(report.verification.passed).toBe(true);
    expect(
      Object.keys(world.documentProperties(ss.id)).filter((key) => key.startsWith('migration.')),
    ).toEqual([]);
    expect(world.triggers()).toEqual([]);
    expect((world.call('getMigrationStatus', [], as) as { state: string }).state).toBe('rolled_back');
  });

  it('full mode brings such a sheet back to its backup too', () => {
    const { world, ss, as, original } = diedAfterInsert(() => zeuesWorkbook({ rows: 40 }));
    const report = world.call('rollbackMigration', [{ mode: 'full', confirm: true }], as) as {
      removed_columns: string[];
      verification: { passed: boolean };
    };
    expect(report.removed_columns).toEqual(['Ocupado_Por', 'Fecha_Ocupacion', 'version']);
    expect(ss.sheet(SHEET).values()).toEqual(original.values);
    expect(report.verification.passed).toBe(true);
  });
});
