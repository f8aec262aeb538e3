import { readHistory } from '../../../src/core/history';
import { rollbackMigration } from '../../../src/core/rollback/rollback';
import { ADDED, V21, appWrites, checksOf, migratedWorld } from '../../support/rollback-fixture';

function exportOf(world: ReturnType<typeof migratedWorld>['world'], fileId: string) {
  const file = world.files.get(fileId);
  return { file, document: JSON.parse(file?.content ?? 'null') };
}

describe('rollbackMigration columns mode', () => {
  it('removes exactly the columns the migration added and leaves every other cell as it was', () => {
    const { world, ss, sheet, original } = migratedWorld();
    sheet.set(4, 3, [['NV-edited']]); // an edit made after the migration, kept by a columns rollback
    const report = rollbackMigration(world.services(ss.id), { mode: 'columns', confirm: true });
    expect(report.removed_columns).toEqual(ADDED);
    expect(sheet.values[0].filter((header) => header !== '')).toEqual(V21);
    expect(sheet.maxColumns).toBe(original.maxColumns);
    const expected = original.values.map((line) => line.slice());
    expected[3][2] = 'NV-edited';
    expect(sheet.values).toEqual(expected);
    expect(sheet.formulas).toEqual(original.formulas);
    expect(report.success).toBe(true);
    expect(checksOf(report).no_added_columns.passed).toBe(true);
    expect(checksOf(report).v21_data_intact.total).toBe(1);
    expect(report.verification.passed).toBe(false);
    expect(report.errors.join(' ')).toMatch(/keeps the edits made after the backup/);
  });

  it('finds the added columns by header even when they no longer sit after the v2.1 columns', () => {
    const { world, ss, sheet } = migratedWorld();
    // someone moved "version" in front of the v2.1 columns
    for (const grid of [sheet.values, sheet.formulas] as unknown[][][]) {
      for (const line of grid) line.unshift(line.splice(8, 1)[0]);
    }
    const report = rollbackMigration(world.services(ss.id), { mode: 'columns', confirm: true });
    expect(report.removed_columns).toEqual(ADDED);
    expect(sheet.values[0]).not.toContain('version');
    expect(sheet.values[0].slice(0, V21.length)).toEqual(V21);
    expect(report.verification.passed).toBe(true);
  });

  it('exports every value written since the migration with its row and key, next to the backup, before removing it', () => {
    const { world, ss, sheet } = migratedWorld();
    appWrites(sheet);
    const report = rollbackMigration(world.services(ss.id), { mode: 'columns', confirm: true });
    expect(report.exported).toBeDefined();
    const { file, document } = exportOf(world, report.exported?.file_id ?? '');
    expect(file?.parent).toBe('folder-1');
    expect(file?.name).toBe('ZEUES - v3.0 rollback export - run-20261124-1.json');
    expect(report.exported?.url).toContain(file?.id);
    expect(document.cells).toEqual([
      { row: 3, key: 'MK-1002-CW-011', column: 'Ocupado_Por', value: 'MR(93)' },
      { row: 3, key: 'MK-1002-CW-011', column: 'Fecha_Ocupacion', value: '24-11-2026 09:15:00' },
      { row: 3, key: 'MK-1002-CW-011', column: 'version', value: 2 },
      { row: 6, key: 'MK-1005-CW-011', column: 'version', value: 1 },
    ]);
    expect(document.key_column).toBe('TAG_SPOOL');
  });

  it('writes no export when nothing was written since the migration', () => {
    const { world, ss } = migratedWorld();
    const report = rollbackMigration(world.services(ss.id), { mode: 'columns', confirm: true });
    expect(report).not.toHaveProperty('exported');
    expect([...world.files.values()].filter((f) => f.name.includes('export'))).toEqual([]);
  });

  it('sets schema_version to 2.1, clears the column-map cache, records history and the marker, clears its checkpoint', () => {
    const { world, ss } = migratedWorld();
    world.cache.set('colmap.stale', '{}');
    world.cache.set('colmap.index', JSON.stringify(['colmap.stale']));
    rollbackMigration(world.services(ss.id), { mode: 'columns', confirm: true });
    expect(ss.metadata.schema_version).toBe('2.1');
    expect(world.cache.has('colmap.stale')).toBe(false);
    const [newest] = readHistory(world.properties);
    expect(newest).toMatchObject({
      kind: 'rollback',
      state: 'done',
      mode: 'columns',
      migration_run_id: 'run-20261124-1',
    });
    expect(typeof newest.completed_at).toBe('string');
    expect(world.properties['rollback.state']).toBeUndefined();
    expect(JSON.parse(world.properties['rollback.last']).report.mode).toBe('columns');
  });

  it('returns plain JSON: no undefined, no Date anywhere in the report', () => {
    const { world, ss, sheet } = migratedWorld();
    appWrites(sheet);
    const report = rollbackMigration(world.services(ss.id), { mode: 'columns', confirm: true });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
