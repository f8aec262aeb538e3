// Rolling back v4.0 on the built bundle, across every sheet it touched: Operaciones and Metadata lose what it
// added, a Uniones it created is removed after its data is exported, one that existed is left as it was.
import { type Fixture } from '../../support/migration-bundle';
import { sheetsOf, v31Workbook, withUniones, worldOf } from '../../support/chain-bundle';

interface Report {
  migration: string;
  success: boolean;
  removed_columns: string[];
  other_sheets?: {
    sheet: string;
    removed_sheet: boolean;
    removed_columns: string[];
    removed_rows: number;
    exported: { file_id: string } | null;
  }[];
}

function exported(
  f: Fixture,
  fileId: string | undefined,
): { cells: { row: number; column: string; value: unknown }[] } {
  const file = f.world.drive.files().find((candidate) => candidate.id === fileId);
  return JSON.parse(String(file?.content));
}

describe('rollback of v4.0', () => {
  it('full mode gives back the exact previous state of every sheet, exporting Metadata rows appended and cells edited since', () => {
    const f = worldOf(withUniones(v31Workbook({ rows: 40 }), (i) => i % 5));
    const original = sheetsOf(f);
    expect(f.world.call('startMigration', [], f.as)).toMatchObject({ migration: 'v4.0', state: 'done' });
    const metadata = f.ss.sheet('Metadata');
    const width = metadata.row(1).length;
    const last = metadata.values().length;
    metadata.setValues(last + 1, 1, [['E-999', ...new Array(width - 2).fill('x'), '3']]);
    const edited = metadata.values()[1][2];
    metadata.setValues(2, 3, [['EDITADO']]);
    const report = f.world.call('rollbackMigration', [{ mode: 'full', confirm: true }], f.as) as Report;
    expect(report).toMatchObject({ migration: 'v4.0', success: true });
    const meta = report.other_sheets?.find((o) => o.sheet === 'Metadata');
    expect(meta).toMatchObject({ removed_columns: ['N_UNION'], removed_rows: 1, restored_rows: 1 });
    const header = String(metadata.row(1)[2]);
    expect(exported(f, meta?.exported?.file_id).cells).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: last + 1, column: 'N_UNION', value: '3' }),
        expect.objectContaining({ row: 2, column: header, value: 'EDITADO' }),
      ]),
    );
    expect(metadata.values()[1][2]).toBe(edited);
    expect(sheetsOf(f)).toEqual(original);
    expect(f.ss.metadata('schema_version')).toBe('3.1');
  });

  it('a Uniones the migration created is removed after its data is exported; columns mode removes the added columns', () => {
    const f = worldOf(v31Workbook({ rows: 20 }));
    const original = sheetsOf(f);
    f.world.call('startMigration', [], f.as);
    expect(f.ss.sheetNames()).toContain('Uniones');
    f.ss.sheet('Uniones').setValues(2, 1, [['U-1', 'OT', 1, 'X', 2]]);
    const report = f.world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], f.as) as Report;
    const uniones = report.other_sheets?.find((o) => o.sheet === 'Uniones');
    expect(uniones).toMatchObject({ removed_sheet: true });
    expect(exported(f, uniones?.exported?.file_id).cells).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 2, column: 'ID', value: 'U-1' })]),
    );
    expect(f.ss.sheetNames()).not.toContain('Uniones');
    expect(report.removed_columns).toHaveLength(5);
    const now = sheetsOf(f) as Record<string, { values: unknown }>;
    for (const name of Object.keys(original))
      expect(now[name].values).toEqual((original[name] as { values: unknown }).values);
  });
});
