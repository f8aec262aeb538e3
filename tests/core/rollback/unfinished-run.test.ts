import { readHistory } from '../../../src/core/history';
import { rollbackMigration } from '../../../src/core/rollback/rollback';
import { migratedWorld } from '../../support/rollback-fixture';

describe('rolling back a run that stopped midway', () => {
  it('removes only the columns that run added, and drops its checkpoints and resume trigger', () => {
    // the sheet already had Ocupado_Por before the run; the run added Fecha_Ocupacion and version, then failed
    const { world, ss, sheet, baseline } = migratedWorld({ completed: false, preexisting: ['Ocupado_Por'] });
    expect(baseline.columns_added).toEqual(['Fecha_Ocupacion', 'version']);
    const report = rollbackMigration(world.services(ss.id), { mode: 'columns', confirm: true });
    expect(report.removed_columns).toEqual(['Fecha_Ocupacion', 'version']);
    expect(sheet.values[0].filter((header) => header !== '')).toContain('Ocupado_Por');
    expect(sheet.values[0]).not.toContain('version');
    expect(Object.keys(world.properties).filter((key) => key.startsWith('migration.'))).toEqual([]);
    expect(world.triggers).toEqual([]);
    expect(readHistory(world.properties)[0]).toMatchObject({ kind: 'rollback', state: 'done' });
    expect(report.verification.passed).toBe(true);
  });

  it('removes nothing when the run stopped before inserting its columns', () => {
    const { world, ss, sheet, original } = migratedWorld({ completed: false });
    for (const grid of [sheet.values, sheet.formulas] as unknown[][][])
      for (const line of grid) line.splice(6, 3);
    sheet.maxColumns -= 3;
    const report = rollbackMigration(world.services(ss.id), { mode: 'columns', confirm: true });
    expect(report.removed_columns).toEqual([]);
    expect(sheet.values).toEqual(original.values);
    expect(report.success).toBe(true);
  });
});
