// Columns mode on the built bundle: the migration's columns go, found by header; what the app wrote in them is
// exported to Drive first; nothing else in the sheet changes.
import { ADDED, SHEET, appWrites, columnOf, migratedWorld } from '../support/rollback-bundle';

interface Report {
  mode: string;
  success: boolean;
  removed_columns: string[];
  exported?: { file_id: string; url: string };
  verification: { passed: boolean; checks: Record<string, { passed: boolean }> };
  errors: string[];
}

describe('rollbackMigration({mode: "columns"}) in the emulator', () => {
  it('removes the three v3.0 columns and nothing else, exports what the app wrote, and reports a passed verification', () => {
    const { world, ss, original, as } = migratedWorld();
    const written = appWrites(ss);
    const report = world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], as) as Report;

    const sheet = ss.sheet(SHEET);
    expect(sheet.values()).toEqual(original.values);
    expect(sheet.formulas()).toEqual(original.formulas);
    expect([sheet.maxRows, sheet.maxColumns, sheet.sheetId]).toEqual([
      original.maxRows,
      original.maxColumns,
      original.sheetId,
    ]);
    expect(report).toMatchObject({ mode: 'columns', success: true, removed_columns: ADDED, errors: [] });
    expect(report.verification.passed).toBe(true);

    const file = world.drive.files().find((candidate) => candidate.id === report.exported?.file_id);
    expect(file?.name).toMatch(/^ZEUES - v3\.0 rollback export - .+\.json$/);
    expect(report.exported?.url).toContain(file?.id);
    const backupFolder = world.drive
      .files()
      .find((candidate) => /backup/i.test(candidate.name) && candidate.mimeType.includes('spreadsheet'));
    expect(file?.parentIds).toEqual(backupFolder?.parentIds);
    const exported = JSON.parse(String(file?.content));
    expect(exported.cells).toEqual([
      { row: 3, key: written[0].key, column: 'Ocupado_Por', value: 'MR(93)' },
      { row: 3, key: written[0].key, column: 'Fecha_Ocupacion', value: '24-11-2026 09:15:00' },
      { row: 3, key: written[0].key, column: 'version', value: 3 },
      { row: 7, key: written[1].key, column: 'version', value: 1 },
    ]);
  });

  it('sets schema_version back to 2.1, and the status and history say rolled back', () => {
    const { world, ss, as } = migratedWorld();
    world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], as);
    expect(ss.metadata('schema_version')).toBe('2.1');
    expect((world.call('getMigrationStatus', [], as) as { state: string }).state).toBe('rolled_back');
    const [newest] = world.call('getMigrationHistory', [], as) as {
      kind: string;
      state: string;
      mode: string;
    }[];
    expect(newest).toMatchObject({ kind: 'rollback', state: 'done', mode: 'columns' });
  });

  it('finds the columns by header when someone moved one of them', () => {
    const { world, ss, original, as } = migratedWorld();
    const sheet = ss.sheet(SHEET);
    const version = columnOf(ss, 'version');
    sheet.deleteColumns(version, 1); // version removed by hand: only the other two are left to remove
    const report = world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], as) as Report;
    expect(report.removed_columns).toEqual(['Ocupado_Por', 'Fecha_Ocupacion']);
    expect(sheet.values()).toEqual(original.values);
    expect(report.verification.passed).toBe(true);
  });
});
