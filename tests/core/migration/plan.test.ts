import { DEFAULT_CONFIG } from '../../../src/core/state/config';
import { planFromFacts, type PlanFacts } from '../../../src/core/migration/plan';
import { V3_MIGRATION } from '../../support/specs';

function facts(headers: string[], overrides: Partial<PlanFacts> = {}): PlanFacts {
  return {
    spreadsheet_id: 'ss',
    spreadsheet_name: 'ZEUES',
    sheet_names: ['Operaciones', 'Roles'],
    sheet_name: 'Operaciones',
    sheet_found: true,
    last_row: 11,
    last_column: headers.length,
    headers,
    grids: [
      { name: 'Operaciones', maxRows: 11, maxColumns: headers.length },
      { name: 'Roles', maxRows: 20, maxColumns: 3 },
    ],
    backup_folder_id: 'folder',
    folder_problem: null,
    trigger_count: 0,
    headerless_with_data: [],
    values: null,
    formulas: null,
    blank_cells: {},
    ...overrides,
  };
}

const NOW = Date.parse('2026-11-24T12:00:00Z');
/** The v2.1 signature but its key (registry's base schema): what makes a sheet a ZEUES sheet. */
const SIGNATURE = [
  'NV',
  'OT',
  'ITEM',
  'STATUS_NV',
  'Status_Spool',
  'Fecha_Armado',
  'Fecha_Soldadura',
  'Fecha_NDT',
];

describe('planFromFacts', () => {
  it('counts as rows to initialise every data row for a version column to add, only blank ones otherwise', () => {
    const v21 = ['id', 'TAG_SPOOL', 'Notas'];
    expect(planFromFacts(facts(v21), V3_MIGRATION, DEFAULT_CONFIG, NOW).plan.rows_to_initialize).toBe(10);
    const migrated = facts([...v21, 'Ocupado_Por', 'Fecha_Ocupacion', 'version'], {
      blank_cells: { version: 0 },
    });
    expect(planFromFacts(migrated, V3_MIGRATION, DEFAULT_CONFIG, NOW).plan.rows_to_initialize).toBe(0);
    const partial = facts([...v21, 'Ocupado_Por', 'Fecha_Ocupacion', 'version'], {
      blank_cells: { version: 4 },
    });
    expect(planFromFacts(partial, V3_MIGRATION, DEFAULT_CONFIG, NOW).plan.rows_to_initialize).toBe(4);
  });

  it('places the new columns after the last v2.1 column, whatever the count', () => {
    const { plan, run } = planFromFacts(facts(['id', 'TAG', 'Notas']), V3_MIGRATION, DEFAULT_CONFIG, NOW);
    // without the v2.1 signature the sheet is not known to be ZEUES; the plan still says where the columns go
    expect(plan.schema_detected).toBe('unknown');
    expect(
      planFromFacts(facts(['id', 'TAG', ...SIGNATURE]), V3_MIGRATION, DEFAULT_CONFIG, NOW).plan
        .schema_detected,
    ).toBe('2.1');
    expect(plan.columns_to_add.map((c) => c.position)).toEqual([4, 5, 6]);
    expect(plan.cells_after).toBe(11 * 3 + 20 * 3 + 3 * 11);
    expect(plan.warnings[0]).toMatch(/Key column found as "TAG"/);
    expect(plan.backup.name).toBe('ZEUES (v3.0 backup 2026-11-24 12.00.00 UTC)');
    expect(run.insert_after).toBe(3);
  });

  it('recognises 3.0 and partial sheets', () => {
    const done = planFromFacts(
      facts(['TAG_SPOOL', ...SIGNATURE, 'Ocupado_Por', 'Fecha_Ocupacion', 'version']),
      V3_MIGRATION,
      DEFAULT_CONFIG,
      NOW,
    );
    expect(done.plan.schema_detected).toBe('3.0');
    expect(done.plan.blocking[0]).toMatch(/already has the v3.0 columns/);
    const partial = planFromFacts(
      facts(['TAG_SPOOL', ...SIGNATURE, 'Ocupado_Por']),
      V3_MIGRATION,
      DEFAULT_CONFIG,
      NOW,
    );
    expect(partial.plan.schema_detected).toBe('partial');
    expect(partial.plan.columns_to_add.map((c) => [c.header, c.position])).toEqual([
      ['Fecha_Ocupacion', 11],
      ['version', 12],
    ]);
  });

  it('blocks a v3 header out of place, a blank header and a missing key', () => {
    const headers = ['id', 'version', '', 'Notas'];
    const { plan } = planFromFacts(
      facts(headers, { headerless_with_data: [3] }),
      V3_MIGRATION,
      DEFAULT_CONFIG,
      NOW,
    );
    expect(plan.schema_detected).toBe('unknown');
    expect(plan.blocking.join(' ')).toMatch(/Header "version" is in column B/);
    expect(plan.blocking.join(' ')).toMatch(/Column C of sheet "Operaciones" has data but no header/);
    expect(plan.blocking.join(' ')).toMatch(/Key column "TAG_SPOOL"/);
  });

  it('says a column has data but no header only when it holds data; an empty one is only a warning', () => {
    const headers = ['id', 'TAG_SPOOL', '', 'Notas', '', ''];
    const { plan } = planFromFacts(
      facts(headers, { headerless_with_data: [6] }),
      V3_MIGRATION,
      DEFAULT_CONFIG,
      NOW,
    );
    expect(plan.blocking).toEqual([
      'Column F of sheet "Operaciones" has data but no header in row 1. Give every column with data a header ' +
        '(or delete it), then try again.',
    ]);
    expect(plan.warnings).toContain(
      'Columns C, E of sheet "Operaciones" have no header and no data; the migration leaves them as they are.',
    );
    const empty = planFromFacts(facts(headers.slice(0, 4)), V3_MIGRATION, DEFAULT_CONFIG, NOW).plan;
    expect(empty.blocking).toEqual([]);
    expect(empty.warnings).toEqual([
      'Column C of sheet "Operaciones" has no header and no data; the migration leaves it as it is.',
    ]);
  });

  it("counts the sheet's columns apart from those with a header", () => {
    const headers = ['id', 'TAG_SPOOL', '', 'Notas'];
    const { plan } = planFromFacts(facts(headers), V3_MIGRATION, DEFAULT_CONFIG, NOW);
    expect(plan.sheet).toMatchObject({ columns: 3, used_columns: 4 });
  });
});
