// The dry run and the menu actions on the built bundle.
import { World } from '../../../emulator';
import { zeuesWorkbook } from '../../../rehearse/sample-workbook';
import { SHEET, fixture, type Status } from '../../support/migration-bundle';

describe('previewMigration', () => {
  it('reports the plan from the live sheet and writes nothing anywhere', () => {
    const f = fixture({ rows: 2500, v21Columns: 64 });
    const before = JSON.stringify(f.world.snapshot({ times: false }));
    const run = f.world.run('previewMigration', [], f.as);
    expect(run.ok).toBe(true);
    expect(run.stats.cellsWritten).toBe(0);
    expect(JSON.stringify(f.world.snapshot({ times: false }))).toBe(before);
    const plan = run.ok ? (run.value as Record<string, unknown>) : {};
    expect(plan).toMatchObject({
      migration: 'v3.0',
      sheet: { name: SHEET, rows: 2500, columns: 64, header_row: 1 },
      schema_detected: '2.1',
      columns_to_add: [
        { header: 'Ocupado_Por', position: 65, fill: '' },
        { header: 'Fecha_Ocupacion', position: 66, fill: '' },
        { header: 'version', position: 67, fill: 0 },
      ],
      rows_to_initialize: 2500,
      backup: { folder_id: 'root' },
      cell_limit: 10000000,
      blocking: [],
    });
    const grids = f.ss.sheet(SHEET).maxRows * 67 + 0;
    expect(plan.cells_after as number).toBeGreaterThan(grids);
  });

  it('sees a partly migrated sheet and adds only the missing columns when run', () => {
    const workbook = zeuesWorkbook({ rows: 50 });
    const sheet = workbook.sheets[0];
    sheet.values = sheet.values.map((row, r) => [...row, r === 0 ? 'Ocupado_Por' : '']);
    if (sheet.formulas) sheet.formulas = sheet.formulas.map((row) => [...row, null]);
    sheet.maxColumns = (sheet.maxColumns ?? 66) + 1;
    const world = new World();
    const ss = world.createSpreadsheet(workbook);
    const as = { activeSpreadsheet: ss.id };
    expect(world.call('previewMigration', [], as)).toMatchObject({
      schema_detected: 'partial',
      columns_to_add: [
        { header: 'Fecha_Ocupacion', position: 68 },
        { header: 'version', position: 69 },
      ],
    });
    expect(world.call('startMigration', [], as)).toMatchObject({ state: 'done' });
    const header = ss.sheet(SHEET).row(1);
    expect(header.slice(66)).toEqual(['Ocupado_Por', 'Fecha_Ocupacion', 'version']);
    expect(ss.sheet(SHEET).maxColumns).toBe(69);
  });

  it('counts only blank version cells as rows to initialise on a sheet that has the version column', () => {
    const workbook = zeuesWorkbook({ rows: 50 });
    const sheet = workbook.sheets[0];
    const added = ['Ocupado_Por', 'Fecha_Ocupacion', 'version'];
    sheet.values = sheet.values.map((row, r) => [
      ...row,
      ...(r === 0 ? added : ['', '', r % 5 === 0 ? '' : 0]),
    ]);
    if (sheet.formulas) sheet.formulas = sheet.formulas.map((row) => [...row, null, null, null]);
    sheet.maxColumns = (sheet.maxColumns ?? 66) + 3;
    const world = new World();
    const ss = world.createSpreadsheet(workbook);
    // the sheet has the v3.0 headers, so it is at 3.0: the v3.0 plan is the one of that target
    const plan = world.call('previewMigration', [{ target: 'v3.0' }], { activeSpreadsheet: ss.id }) as Record<
      string,
      unknown
    >;
    expect(plan).toMatchObject({ schema_detected: '3.0', columns_to_add: [], rows_to_initialize: 10 });
  });
});

describe('a failed step', () => {
  it('is in the status and history with what to do next; fixing and resuming completes the run', () => {
    const workbook = zeuesWorkbook({ rows: 50 });
    const sheet = workbook.sheets[0];
    // Ocupado_Por exists already and holds a value: the post-migration verification must refuse it.
    sheet.values = sheet.values.map((row, r) => [...row, r === 0 ? 'Ocupado_Por' : r === 5 ? 'MR(93)' : '']);
    if (sheet.formulas) sheet.formulas = sheet.formulas.map((row) => [...row, null]);
    sheet.maxColumns = (sheet.maxColumns ?? 66) + 1;
    const world = new World();
    const ss = world.createSpreadsheet(workbook);
    const as = { activeSpreadsheet: ss.id };
    const failed = world.call('startMigration', [], as) as Status;
    expect(failed.state).toBe('failed');
    expect(failed.error?.step).toBe('test_smoke');
    expect(failed.error?.message).toMatch(/Verification failed/);
    expect(failed.steps.find((step) => step.name === 'test_smoke')?.status).toBe('failed');
    const history = world.call('getMigrationHistory', [], as) as Record<string, unknown>[];
    expect(history.find((entry) => entry.kind === 'migration')).toMatchObject({ state: 'failed' });
    expect(world.triggers()).toEqual([]);

    ss.sheet(SHEET).setValues(6, 67, [['']]);
    const done = world.call('continueMigration', [], as) as Status;
    expect(done).toMatchObject({ state: 'done', run_id: failed.run_id });
    expect(world.drive.files().filter((file) => /backup.*UTC\)$/.test(file.name))).toHaveLength(1);
  });

  it('startMigration({force: true}) starts over from the first step', () => {
    const f = fixture({ rows: 30 });
    f.world.run('startMigration', [], { ...f.as, failAt: { call: 30 } });
    const before = f.world.documentProperties(f.ss.id)['migration.run'];
    expect(before).toBeDefined();
    f.world.clock.advance(5000);
    const status = f.world.call('startMigration', [{ force: true }], f.as) as Status;
    expect(status.state).toBe('done');
    expect(status.run_id).not.toBe(JSON.parse(before).run_id);
    expect(
      f.ss
        .sheet(SHEET)
        .row(1)
        .filter((h) => h === 'version'),
    ).toHaveLength(1);
  });
});

describe('the menu', () => {
  it('Run migration shows the plan and changes nothing when the user answers No', () => {
    const f = fixture({ rows: 40 });
    f.world.ui.respond = () => 'NO';
    const before = JSON.stringify(f.world.snapshot());
    f.world.run('menuStartMigration', [], { ...f.as, via: 'menu' });
    expect(f.world.ui.alerts.map((alert) => JSON.stringify(alert))).toEqual([
      expect.stringMatching(/Columns to add: Ocupado_Por \(column 67\).*now\?/),
      expect.stringMatching(/Nothing was changed/),
    ]);
    expect(JSON.stringify(f.world.snapshot())).toBe(before);
  });

  it('preview, run and resume show their results in an alert', () => {
    const f = fixture({ rows: 40 });
    f.world.run('menuPreviewMigration', [], { ...f.as, via: 'menu' });
    f.world.run('menuStartMigration', [], { ...f.as, via: 'menu' });
    f.world.run('menuContinueMigration', [], { ...f.as, via: 'menu' });
    const texts = f.world.ui.alerts.map((alert) => JSON.stringify(alert));
    expect(texts[0]).toMatch(/Columns to add: Ocupado_Por \(column 67\)/);
    expect(texts[1]).toMatch(/Back up the spreadsheet and change sheet .*Operaciones.* now\?.*YES_NO/);
    expect(texts[2]).toMatch(/Migration v3\.0: done/);
    expect(texts[3]).toMatch(/Migration v3\.0: done/);
    expect((f.world.call('getMigrationStatus', [], f.as) as Status).state).toBe('done');
  });
});
