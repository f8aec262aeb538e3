import { rollbackMigration } from '../../../src/core/rollback/rollback';
import { appWrites, checksOf, migratedWorld, valuesBesideFormulas } from '../../support/rollback-fixture';

describe('rollbackMigration full mode', () => {
  it('brings the sheet back to the backup in place: every value, formula and the grid size', () => {
    const { world, ss, sheet, original } = migratedWorld();
    appWrites(sheet);
    sheet.set(4, 3, [['NV-edited']]);
    sheet.set(2, 6, [[999]]); // a formula overwritten by a value
    sheet.set(10, 2, [['MK-NEW-ROW']]); // a row appended after the migration
    const sheetsBefore = ss.sheets.slice();
    const report = rollbackMigration(world.services(ss.id), { mode: 'full', confirm: true });
    expect(ss.sheets).toEqual(sheetsBefore);
    expect(ss.sheets[0]).toBe(sheet); // the same sheet object: restored in place, not replaced
    expect(valuesBesideFormulas(sheet)).toEqual(valuesBesideFormulas(original));
    expect(sheet.formulas).toEqual(original.formulas);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([original.maxRows, original.maxColumns]);
    expect(report).toMatchObject({ mode: 'full', success: true, restored_columns: 6, errors: [] });
    expect(report.verification.passed).toBe(true);
    expect(checksOf(report).dimensions?.passed).toBe(true);
  });

  it('exports the cells changed since the backup, with row, key, column, current and backup value', () => {
    const { world, ss, sheet } = migratedWorld();
    appWrites(sheet);
    sheet.set(4, 3, [['NV-edited']]);
    sheet.set(2, 6, [[999]]);
    const report = rollbackMigration(world.services(ss.id), { mode: 'full', confirm: true });
    const document = JSON.parse(world.files.get(report.exported?.file_id ?? '')?.content ?? 'null');
    expect(document.mode).toBe('full');
    expect(document.cells).toEqual(
      expect.arrayContaining([
        { row: 2, key: 'MK-1001-CW-011', column: 'Precio Total', value: 999, backup_value: 100 },
        { row: 4, key: 'MK-1003-CW-011', column: 'NV', value: 'NV-edited', backup_value: 'NV503' },
        { row: 3, key: 'MK-1002-CW-011', column: 'Ocupado_Por', value: 'MR(93)' },
        { row: 6, key: 'MK-1005-CW-011', column: 'version', value: 1 },
      ]),
    );
    expect(document.cells).toHaveLength(6);
  });

  it('grows the grid back when rows were deleted since the migration', () => {
    const { world, ss, sheet, original } = migratedWorld();
    sheet.values.splice(5, 3);
    sheet.formulas.splice(5, 3);
    sheet.maxRows -= 3;
    const report = rollbackMigration(world.services(ss.id), { mode: 'full', confirm: true });
    expect(valuesBesideFormulas(sheet)).toEqual(valuesBesideFormulas(original));
    expect(sheet.formulas).toEqual(original.formulas);
    expect(sheet.maxRows).toBe(original.maxRows);
    expect(report.verification.passed).toBe(true);
  });

  it('keeps text that looks like a number or a formula as text', () => {
    const { world, ss, backup, sheet } = migratedWorld();
    backup.sheets[0].set(2, 3, [['00123']]);
    backup.sheets[0].set(3, 3, [['=not a formula']]);
    const report = rollbackMigration(world.services(ss.id), { mode: 'full', confirm: true });
    expect(sheet.values[1][2]).toBe('00123');
    expect(sheet.values[2][2]).toBe('=not a formula');
    expect(sheet.formulas[2][2]).toBe('');
    expect(report.verification.passed).toBe(true);
  });
});
