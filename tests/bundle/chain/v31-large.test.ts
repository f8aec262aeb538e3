// v3.1 on a 150,000-row v3.0 sheet: several executions, resumed by the trigger alone, every cell kept.
import { firstChangedRow, type Status } from '../../support/migration-bundle';
import { v30Workbook, worldOf } from '../../support/chain-bundle';

describe('v3.1 on a 150,000-row sheet (55 + 3 columns)', () => {
  const f = worldOf(v30Workbook({ rows: 150000, v21Columns: 63 }, 55));
  const values = f.ss.sheet('Operaciones').values();
  const first = f.world.run('startMigration', [], f.as);
  const paused = (first.ok ? first.value : null) as Status & { migration: string };
  const triggers = f.world.triggers();
  const resumed = f.world.runDueTriggers();

  it('pauses within the 6-minute limit with exactly one resume trigger', () => {
    expect(paused).toMatchObject({ migration: 'v3.1', state: 'paused' });
    expect(first.stats.virtualMs).toBeLessThan(360000);
    expect(triggers).toHaveLength(1);
  });

  it('finishes from the trigger, each execution under 6 minutes, and keeps every cell', () => {
    expect(resumed.length).toBeGreaterThanOrEqual(1);
    for (const run of resumed) expect(run.ok && run.stats.virtualMs < 360000).toBe(true);
    const last = resumed[resumed.length - 1];
    expect((last.ok ? last.value : null) as Status).toMatchObject({ state: 'done' });
    expect(f.world.triggers()).toEqual([]);
    const after = f.ss.sheet('Operaciones').values();
    expect(after[0][58]).toBe('Estado_Detalle');
    expect(after.length).toBe(values.length);
    expect(firstChangedRow(after, values, 58)).toBe(-1);
    expect(after.every((row, i) => i === 0 || row[58] === '')).toBe(true);
    expect(f.ss.metadata('schema_version')).toBe('3.1');
  });
});
