// The chain in a Spanish session (the user's locale `es`) on the built bundle: getSchemaInfo's pending
// migrations and the plan's later migrations are described in Spanish, and a later migration the cell limit
// blocks says so in Spanish; an English session reads the specs' English descriptions.
import { World } from '../../../emulator';
import { v30Workbook } from '../../support/chain-bundle';
import type { Plan, SchemaInfo } from '../../../src/core/contract';
import { V3_1 } from '../../../src/core/migrations/v3_1';
import { V4_0 } from '../../../src/core/migrations/v4_0';

/** `gridRows`: the sheet's grid, most of it empty rows (they count toward the cell limit all the same). */
function worldAt(locale: string, gridRows?: number) {
  const world = new World({ user: { locale } });
  const workbook = v30Workbook({ rows: 30 });
  if (gridRows) workbook.sheets[0].maxRows = gridRows;
  const ss = world.createSpreadsheet(workbook);
  return { world, as: { activeSpreadsheet: ss.id } };
}

describe('the chain described in the owner language', () => {
  it('Spanish: pending migrations and the plan of later ones', () => {
    const { world, as } = worldAt('es');
    const info = world.call('getSchemaInfo', [], as) as SchemaInfo;
    expect(info.pending.map((p) => p.description)).toEqual([V3_1.descriptions?.es, V4_0.descriptions?.es]);
    const plan = world.call('previewMigration', [{ target: 'v4.0' }], as) as Plan;
    expect(plan.then?.map((later) => later.description)).toEqual([V4_0.descriptions?.es]);
    // the computed columns of the later migration, in words, with no English in them
    const computed = (plan.then?.[0].changes ?? []).flatMap((change) =>
      change.add_columns.flatMap((column) => (column.computed ? [column.computed] : [])),
    );
    expect(computed).toHaveLength(5);
    expect(computed[0]).toBe('número de filas de Uniones cuyo TAG_SPOOL es el de esta fila');
    for (const text of computed) expect(text).not.toMatch(/\b(count|sum|rows|whose|with|not empty|over)\b/);
  });

  it('English: the specs descriptions', () => {
    const { world, as } = worldAt('en_US');
    const info = world.call('getSchemaInfo', [], as) as SchemaInfo;
    expect(info.pending.map((p) => p.description)).toEqual([V3_1.description, V4_0.description]);
  });

  it('Spanish: a later migration over the cell limit is blocked in Spanish', () => {
    // A 142,000-row grid of 70 columns after v3.1 fits 10,000,000 cells; v4.0's five columns do not.
    const { world, as } = worldAt('es', 142_000);
    const plan = world.call('previewMigration', [{ target: 'v4.0' }], as) as Plan;
    expect(plan.blocking).toEqual([]);
    const later = plan.then?.[0];
    expect(later?.blocking).toHaveLength(1);
    expect(later?.blocking[0]).toMatch(
      /^Después de v4\.0 la hoja de cálculo tendría [\d.]+ celdas, más que el límite de 10\.000\.000/,
    );
  });
});
