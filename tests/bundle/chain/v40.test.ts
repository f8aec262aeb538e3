// v3.1 -> v4.0 on the built bundle: three sheets (Uniones required, five Operaciones figures computed from it,
// N_UNION on Metadata): dry run, clean run, computed figures, verification, crash at every service call.
import { driveToEnd, masked, type Fixture, type Status } from '../../support/migration-bundle';
import {
  expectedFigures,
  forkOf,
  v31Workbook,
  withUniones,
  worldOf,
  V40_FIGURES,
} from '../../support/chain-bundle';

const ROWS = 60;
const FIGURES = V40_FIGURES;
const unionsOf = (spool: number) => (spool * 7) % 21; // 0 to 20 unions per spool

function settled(f: Fixture): string {
  return (
    masked(f.world.snapshot({ times: false }))
      .replace(/\\"executions\\":\d+/g, '"executions":<n>')
      // the boxes a run records depend on where it died (a resumed step may write in other pieces)
      .replace(/\\"written\\":\{[^}]*\}/g, '"written":<boxes>')
      // an execution that dies inside the edit probe has used an id for the probe's metadata entry
      .replace(/\b(ss|file)-\d+\b/g, '<id>')
  );
}

function workbook() {
  return withUniones(v31Workbook({ rows: ROWS }), unionsOf);
}

describe('v4.0 on a v3.1 spreadsheet with Uniones', () => {
  const model = workbook();
  const f = worldOf(model);
  const untouched = settled(f);
  const plan = f.world.call('previewMigration', [], f.as) as Record<string, unknown>;
  const afterPreview = settled(f);
  const run = f.world.run('startMigration', [], f.as);
  const status = (run.ok ? run.value : run.error) as Status & { migration: string };
  const cleanWorld = settled(f);

  it('previews every sheet it changes and writes nothing', () => {
    expect(afterPreview).toBe(untouched);
    expect(plan).toMatchObject({ migration: 'v4.0', schema_detected: '3.1', blocking: [] });
    const changes = plan.changes as {
      sheet: string;
      add_columns: { header: string; position: number; computed?: string }[];
    }[];
    expect(changes.map((change) => change.sheet)).toEqual(['Operaciones', 'Uniones', 'Metadata']);
    expect(changes[0].add_columns.map((column) => column.header)).toEqual(FIGURES);
    expect(changes[0].add_columns[0]).toMatchObject({
      position: 71,
      computed: "count of Uniones rows whose TAG_SPOOL is this row's",
    });
    expect(changes[1].add_columns).toEqual([]);
    expect(changes[2].add_columns).toEqual([{ header: 'N_UNION', position: 11, fill: '' }]);
  });

  it('runs with its own steps, adds the columns on both sheets and computes the figures', () => {
    expect(status).toMatchObject({ migration: 'v4.0', state: 'done' });
    expect(status.steps.map((step) => step.name)).toEqual([
      'create_backup',
      'ensure_uniones',
      'add_columns',
      'verify_schema',
      'compute_union_figures',
      'verify',
    ]);
    const operaciones = f.ss.sheet('Operaciones').values();
    expect(operaciones[0].slice(70)).toEqual(FIGURES);
    expect(operaciones.slice(1).map((row) => row.slice(70, 75))).toEqual(expectedFigures(model));
    expect(f.ss.sheet('Metadata').row(1)[10]).toBe('N_UNION');
    expect(f.ss.sheet('Uniones').values()).toEqual(model.sheets.find((s) => s.name === 'Uniones')?.values);
    expect(f.ss.metadata('schema_version')).toBe('4.0');
  });

  it('verifies with its own checks; a later union makes verifyMigration report the row', () => {
    const report = f.world.call('verifyMigration', [], f.as) as {
      checks: Record<string, { passed: boolean }>;
      success: boolean;
      errors: string[];
    };
    expect(Object.keys(report.checks)).toEqual([
      'column_count',
      'new_headers',
      'uniones_structure',
      'union_figures',
      'new_values',
      'data_intact',
      'column_mapping',
      'report',
    ]);
    expect(report).toMatchObject({ success: true, errors: [] });
  });

  it("compares Metadata's and Uniones' earlier rows with the backup: a later edit there is listed as an edit", () => {
    const g = worldOf(workbook());
    expect(g.world.call('startMigration', [], g.as)).toMatchObject({ state: 'done' });
    const metadata = g.ss.sheet('Metadata');
    const header = String(metadata.row(1)[2]);
    metadata.setValues(2, 3, [['EDITADO']]);
    const report = g.world.call('verifyMigration', [], g.as) as {
      success: boolean;
      checks: { data_intact: { passed: boolean; other_sheets_rows_compared: number; edits: unknown[] } };
    };
    expect(report.success).toBe(true);
    const intact = report.checks.data_intact;
    expect(intact.passed).toBe(true);
    const rows = (name: string) => model.sheets.find((sheet) => sheet.name === name)!.values.length - 1;
    expect(intact.other_sheets_rows_compared).toBe(rows('Metadata') + rows('Uniones'));
    expect(intact.edits).toContainEqual(
      expect.objectContaining({ sheet: 'Metadata', row: 2, header, current: 'EDITADO' }),
    );
  });

  describe('dying at any service call of its first execution', () => {
    const calls = run.stats.roundTrips;
    const untouchedWorld = worldOf(workbook());
    it.each(Array.from({ length: calls }, (_, i) => i + 1))(
      'ends like the clean run after dying at call %i',
      (n) => {
        const g = forkOf(untouchedWorld);
        const dead = g.world.run('startMigration', [], { ...g.as, failAt: { call: n } });
        expect(dead.ok).toBe(false);
        expect(driveToEnd(g).state).toBe('done');
        expect(settled(g)).toBe(cleanWorld);
      },
    );
  });
});
