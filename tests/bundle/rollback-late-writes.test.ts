// A rollback that died after its export and is finished later: what the app wrote in between is exported too
// (one more part), before the columns holding it are removed. Nothing written since the migration is lost.
import { SHEET, appWrites, columnOf, migratedWorld } from '../support/rollback-bundle';

interface Cell {
  row: number;
  key: string;
  column: string;
  value: unknown;
}

describe.each(['columns', 'full'])('a %s rollback resumed after its export', (mode) => {
  it('exports the values the app wrote while it was stopped', () => {
    const options = { mode, confirm: true };
    let checked = false;
    for (let n = 1; n < 60 && !checked; n += 1) {
      const { world, ss, as } = migratedWorld(30);
      appWrites(ss);
      const dead = world.run('rollbackMigration', [options], { ...as, failAt: { call: n } });
      const state = world.documentProperties(ss.id)['rollback.state'];
      if (dead.ok || !state || (JSON.parse(state) as { phase: string }).phase !== 'remove_columns') continue;
      checked = true;
      ss.sheet(SHEET).setValues(12, columnOf(ss, 'Ocupado_Por'), [['JP(12)', '25-11-2026 10:00:00', 5]]);
      const again = world.run('rollbackMigration', [options], as);
      expect(again.ok).toBe(true);
      const cells = world.drive
        .files()
        .filter((file) => file.name.includes('rollback export') && !file.trashed)
        .flatMap((file) => (JSON.parse(file.content ?? '{}') as { cells: Cell[] }).cells);
      expect(cells).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 3, column: 'Ocupado_Por', value: 'MR(93)' }),
          expect.objectContaining({ row: 12, column: 'Ocupado_Por', value: 'JP(12)' }),
          expect.objectContaining({ row: 12, column: 'Fecha_Ocupacion', value: '25-11-2026 10:00:00' }),
          expect.objectContaining({ row: 12, column: 'version', value: 5 }),
        ]),
      );
      const report = again.ok ? (again.value as { exported?: { parts?: unknown[] } }) : null;
      expect(report?.exported?.parts).toHaveLength(2);
    }
    expect(checked).toBe(true);
  });
});
