// v3.0 -> v3.1 on the built bundle, through the same engine as v3.0: dry run, clean run, crash at every service
// call, rollback in both modes, and the chain's own rules (next pending only, targets, rolling back further).
import { driveToEnd, masked, type Fixture, type Status } from '../../support/migration-bundle';
import { V31_ADDED, forkOf, sheetsOf, v30Workbook, worldOf } from '../../support/chain-bundle';

const ROWS = 60;
const V31_STEPS = ['create_backup', 'add_columns', 'verify_schema', 'fill_columns', 'verify'];
const V31_CHECKS = ['column_count', 'new_headers', 'new_values', 'data_intact', 'column_mapping', 'report'];

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

describe('v3.1 on a v3.0 sheet', () => {
  const f = worldOf(v30Workbook({ rows: ROWS }));
  const before = sheetsOf(f);
  const untouched = settled(f);
  const plan = f.world.call('previewMigration', [{ target: 'v4.0' }], f.as) as Record<string, unknown>;
  const afterPreview = settled(f);
  const run = f.world.run('startMigration', [], f.as);
  const status = (run.ok ? run.value : null) as Status & { migration: string };
  const cleanWorld = settled(f);

  it('previews v3.1 as the next migration, with v4.0 after it, and writes nothing', () => {
    expect(afterPreview).toBe(untouched);
    expect(plan).toMatchObject({
      migration: 'v3.1',
      schema_detected: '3.0',
      columns_to_add: [{ header: 'Estado_Detalle', position: 70, fill: '' }],
      rows_to_initialize: 0,
      blocking: [],
    });
    expect(plan.changes).toEqual([
      { sheet: 'Operaciones', add_columns: [{ header: 'Estado_Detalle', position: 70, fill: '' }] },
    ]);
    const then = plan.then as {
      migration: string;
      changes: { sheet: string; add_columns: { header: string; position: number }[] }[];
    }[];
    expect(then.map((later) => later.migration)).toEqual(['v4.0']);
    expect(then[0].changes[0].add_columns[0]).toMatchObject({ header: 'Total_Uniones', position: 71 });
  });

  it('runs only v3.1 (the next pending one) with its own steps, backup, history entry and schema_version', () => {
    expect(run.ok).toBe(true);
    expect(status).toMatchObject({ migration: 'v3.1', state: 'done' });
    expect(status.steps.map((step) => [step.name, step.status])).toEqual(
      V31_STEPS.map((name) => [name, 'done']),
    );
    expect(status.backup?.name).toMatch(/^ZEUES \(v3\.1 backup /);
    expect(f.ss.metadata('schema_version')).toBe('3.1');
    const header = f.ss.sheet('Operaciones').row(1);
    expect(header.slice(66)).toEqual(['Ocupado_Por', 'Fecha_Ocupacion', 'version', ...V31_ADDED]);
    expect(
      f.ss
        .sheet('Operaciones')
        .values()
        .slice(1)
        .every((row) => row[69] === ''),
    ).toBe(true);
    const history = f.world.call('getMigrationHistory', [], f.as) as {
      kind: string;
      migration: string;
      state: string;
    }[];
    expect(history.filter((entry) => entry.kind === 'migration')).toEqual([
      expect.objectContaining({ migration: 'v3.1', state: 'done', columns_added: V31_ADDED }),
    ]);
  });

  it("verifies with v3.1's own checks, now and later", () => {
    const report = f.world.call('verifyMigration', [], f.as) as {
      checks: Record<string, { passed: boolean }>;
      success: boolean;
    };
    expect(Object.keys(report.checks)).toEqual(V31_CHECKS);
    expect(report.success).toBe(true);
    // the app writes the state it shows workers; a changed v3.0 cell is an edit, not damage
    const g = worldOf(v30Workbook({ rows: 10 }));
    g.world.call('startMigration', [], g.as);
    g.ss.sheet('Operaciones').setValues(3, 70, [['Armado en curso (MR(93))']]);
    const later = g.world.call('verifyMigration', [], g.as) as typeof report;
    expect(later.checks.new_values.passed).toBe(true);
  });

  it('with v3.1 applied, a start with v3.1 as target is done and changes nothing; a bad target throws', () => {
    const snapshot = settled(f);
    expect(f.world.call('startMigration', [{ target: 'v3.1' }], f.as)).toMatchObject({
      migration: 'v3.1',
      state: 'done',
      run_id: status.run_id,
    });
    for (const [target, message] of [
      ['v9.9', /Unknown target "v9\.9": the migrations this add-on knows are v3\.0, v3\.1, v4\.0/],
      ['v3.0', /Target v3\.0 is below the current schema \(3\.1\)/],
    ] as const) {
      const refused = f.world.run('startMigration', [{ target }], f.as);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toMatch(message);
      const preview = f.world.run('previewMigration', [{ target }], f.as);
      expect(preview.ok).toBe(false);
    }
    expect(settled(f)).toBe(snapshot);
  });

  it('a full rollback gives back every sheet exactly; rolling back again undoes v3.0 too', () => {
    const g = worldOf(v30Workbook({ rows: ROWS }));
    const original = sheetsOf(g);
    g.world.call('startMigration', [], g.as);
    expect(g.world.call('checkRollbackEligibility', [], g.as)).toMatchObject({
      migration: 'v3.1',
      eligible: true,
    });
    const report = g.world.call('rollbackMigration', [{ mode: 'full', confirm: true }], g.as) as {
      migration: string;
      success: boolean;
    };
    expect(report).toMatchObject({ migration: 'v3.1', success: true });
    expect(sheetsOf(g)).toEqual(original);
    expect(g.ss.metadata('schema_version')).toBe('3.0');
    expect(g.world.call('getMigrationStatus', [], g.as)).toMatchObject({
      migration: 'v3.1',
      state: 'rolled_back',
    });
    expect(g.world.call('getSchemaInfo', [], g.as)).toMatchObject({ current: '3.0' });
  });

  it('a columns rollback removes Estado_Detalle only, exporting what the app wrote in it', () => {
    expect(before).toBeDefined();
    const g = worldOf(v30Workbook({ rows: ROWS }));
    const original = sheetsOf(g);
    g.world.call('startMigration', [], g.as);
    g.ss.sheet('Operaciones').setValues(4, 70, [['Soldado']]);
    const report = g.world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], g.as) as {
      removed_columns: string[];
      exported?: { file_id: string };
    };
    expect(report.removed_columns).toEqual(V31_ADDED);
    expect(report.exported?.file_id).toEqual(expect.any(String));
    expect((sheetsOf(g).Operaciones as { values: unknown }).values).toEqual(
      (original.Operaciones as { values: unknown }).values,
    );
  });

  describe('dying at any service call of its first execution', () => {
    const calls = run.stats.roundTrips;
    const untouchedWorld = worldOf(v30Workbook({ rows: ROWS }));
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
