// Full mode on the built bundle: migrate -> full rollback gives the original sheet back, in place.
import { SHEET, appWrites, columnOf, migratedWorld, valuesBesideFormulas } from '../support/rollback-bundle';

interface Report {
  mode: string;
  success: boolean;
  restored_columns: number;
  removed_columns: string[];
  exported?: { file_id: string; url: string };
  verification: { passed: boolean; checks: Record<string, { passed: boolean; total?: number }> };
  errors: string[];
}

describe('rollbackMigration({mode: "full"}) in the emulator', () => {
  it('round trip: migrate, then full rollback, gives back the original sheet (values, formulas, dimensions, same sheet)', () => {
    const { world, ss, original, as } = migratedWorld(300);
    const report = world.call('rollbackMigration', [{ mode: 'full', confirm: true }], as) as Report;
    const sheet = ss.sheet(SHEET);
    expect(sheet.formulas()).toEqual(original.formulas);
    expect(sheet.values()).toEqual(original.values);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([original.maxRows, original.maxColumns]);
    expect([sheet.sheetId, sheet.frozenRows]).toEqual([original.sheetId, original.frozenRows]);
    expect(report).toMatchObject({ mode: 'full', success: true, errors: [] });
    expect(report.restored_columns).toBe(original.values[0].length);
    expect(report).not.toHaveProperty('exported');
    expect(ss.metadata('schema_version')).toBe('2.1');
    expect((world.call('getMigrationStatus', [], as) as { state: string }).state).toBe('rolled_back');
  });

  it('puts back cells edited after the migration, drops appended rows, and exports what it overwrote', () => {
    const { world, ss, original, as } = migratedWorld(60);
    const written = appWrites(ss);
    const sheet = ss.sheet(SHEET);
    const nv = columnOf(ss, 'NV');
    const total = columnOf(ss, 'Precio Total');
    sheet.setValues(5, nv, [['NV-EDITED']]);
    sheet.setValues(4, total, [[12345]]); // a formula replaced by a typed value
    const report = world.call('rollbackMigration', [{ mode: 'full', confirm: true }], as) as Report;

    expect(sheet.formulas()).toEqual(original.formulas);
    // a formula written through the API has no value in the emulator until recalculated (Sheets recalculates it)
    expect(valuesBesideFormulas(sheet.values(), sheet.formulas())).toEqual(
      valuesBesideFormulas(original.values, original.formulas),
    );
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([original.maxRows, original.maxColumns]);
    expect(report.verification.passed).toBe(true);

    const file = world.drive.files().find((candidate) => candidate.id === report.exported?.file_id);
    const cells = JSON.parse(String(file?.content)).cells;
    expect(cells).toEqual(
      expect.arrayContaining([
        {
          row: 5,
          key: original.values[4][columnOf(ss, 'TAG_SPOOL') - 1],
          column: 'NV',
          value: 'NV-EDITED',
          backup_value: original.values[4][nv - 1],
        },
        { row: 3, key: written[0].key, column: 'Ocupado_Por', value: 'MR(93)' },
        { row: 7, key: written[1].key, column: 'version', value: 1 },
      ]),
    );
    expect(
      cells.find((cell: { row: number; column: string }) => cell.row === 4 && cell.column === 'Precio Total'),
    ).toMatchObject({
      value: 12345,
    });
  });
});
