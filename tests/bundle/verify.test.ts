// verifyMigration() and the menu's "Verify migration" on the built bundle (dist/), in the emulator.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { readHistory } from '../../src/core/history';
import type { VerificationReport } from '../../src/core/contract';

const SHEET = 'Operaciones';

function migrated(
  options: Parameters<typeof zeuesWorkbook>[0] = {},
  edit?: (w: ReturnType<typeof zeuesWorkbook>) => void,
) {
  const world = new World({});
  const workbook = zeuesWorkbook({ rows: 2500, ...options });
  if (edit) edit(workbook);
  const ss = world.createSpreadsheet(workbook);
  const status = world.call('startMigration', [{}], { activeSpreadsheet: ss.id }) as { state: string };
  expect(status.state).toBe('done');
  return { world, ss, headers: workbook.sheets[0].values[0] as string[] };
}

function verify(
  world: World,
  id: string,
): { report: VerificationReport; stats: ReturnType<World['run']>['stats'] } {
  const run = world.run('verifyMigration', [], { activeSpreadsheet: id });
  if (!run.ok) throw new Error(run.error.message);
  return { report: run.value as VerificationReport, stats: run.stats };
}

function failed(report: VerificationReport): string[] {
  return Object.entries(report.checks)
    .filter(([, check]) => !check.passed)
    .map(([name]) => name);
}

describe('verifyMigration on the built bundle', () => {
  it('passes all seven checks on a migrated 2,500-row sheet, with a handful of service calls', () => {
    const { world, ss } = migrated();
    const { report, stats } = verify(world, ss.id);
    console.log(
      `verifyMigration, 2,500 rows x 69 columns: ${stats.roundTrips} round trips, ` +
        `${Math.round(stats.virtualMs)} virtual ms, cells read ${stats.cellsRead}\n${JSON.stringify(stats.calls)}`,
    );
    expect(failed(report)).toEqual([]);
    expect(report.success).toBe(true);
    expect(report.checks.column_count).toMatchObject({ expected: 69, actual: 69 });
    expect(report.checks.v21_data_intact).toMatchObject({ rows_compared: 2500, total_differences: 0 });
    // Two block reads of each kind: the first 1,000 rows alone, at the cautious speed assumed before any read is
    // measured (src/core/read-pace.ts), then the other 1,500 at the measured speed.
    expect(stats.calls['Range.getValues']).toBe(2);
    expect(stats.calls['Range.getFormulas']).toBe(2);
    // one more call reads the owner's language, for the checks' details
    expect(stats.calls['Session.getActiveUserLocale']).toBe(1);
    expect(stats.roundTrips - 1).toBeLessThanOrEqual(25);

    const file = world.drive.files().find((f) => f.id === report.checks.report.file_id);
    expect(file?.name).toMatch(/ - verification .*\.json$/);
    const backupRef = report.checks.v21_data_intact.backup as { file_id: string };
    const backup = world.drive.files().find((f) => f.id === backupRef.file_id);
    expect(file?.parentIds).toEqual(backup?.parentIds);
    const properties = world.documentProperties(ss.id);
    expect(JSON.parse(properties['verification.last'])).toMatchObject({ success: true });
    expect(properties['verification.last'].length).toBeLessThan(9 * 1024);
    expect(properties['verification.cursor']).toBeUndefined();
    const entries = readHistory(properties).filter((entry) => entry.kind === 'verification');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ state: 'passed', mode: 'in_use' });
  });

  it('the migration itself ran the same verification (post-migration rules) in test_smoke and saved it', () => {
    const { world } = migrated({ rows: 300 });
    const reports = world.drive.files().filter((f) => / - verification .*\.json$/.test(f.name));
    expect(reports).toHaveLength(1);
    const saved = JSON.parse(reports[0].content as string);
    expect(Object.keys(saved)).toEqual(['timestamp', 'dry_run', 'checks', 'success', 'errors']);
    expect(saved.success).toBe(true);
    expect(saved.checks.versions.mode).toBe('post_migration');
  });

  it('lists a cell edited after the backup as an edit (row, key, header, backup value, current value) and passes', () => {
    const { world, ss, headers } = migrated();
    const sheet = ss.sheet(SHEET);
    const column = headers.indexOf('Cliente') + 1;
    const before = sheet.values()[1233][column - 1];
    const tag = sheet.values()[1233][headers.indexOf('TAG_SPOOL')];
    sheet.setValues(1234, column, [['Cliente cambiado']]);
    const { report } = verify(world, ss.id);
    expect(failed(report)).toEqual([]);
    expect(report.checks.v21_data_intact).toMatchObject({
      passed: true,
      writes_confined: true,
      total_differences: 0,
      differences: [],
      total_edits: 1,
      edits: [{ row: 1234, key: tag, header: 'Cliente', backup: before, current: 'Cliente cambiado' }],
    });
  });

  /** The run's history entry, rewritten: what the run recorded of its own writes changed by `edit`. */
  function rewriteRecord(world: World, id: string, edit: (baseline: Record<string, unknown>) => void): void {
    const properties = world.documentProperties(id);
    const [key, raw] = Object.entries(properties).find(
      ([name, value]) => name.startsWith('history.') && JSON.parse(value).kind === 'migration',
    ) as [string, string];
    const entry = JSON.parse(raw);
    edit(entry.baseline);
    world.setDocumentProperty(id, key, JSON.stringify(entry));
  }

  it('fails v21_data_intact on a difference when the run has no record of its writes (an older version ran it)', () => {
    const { world, ss, headers } = migrated();
    rewriteRecord(world, ss.id, (baseline) => delete baseline.written);
    const sheet = ss.sheet(SHEET);
    const column = headers.indexOf('Cliente') + 1;
    const before = sheet.values()[1233][column - 1];
    sheet.setValues(1234, column, [['Cliente cambiado']]);
    const { report } = verify(world, ss.id);
    expect(failed(report)).toEqual(['v21_data_intact']);
    expect(report.checks.v21_data_intact).toMatchObject({
      passed: false,
      writes_confined: false,
      total_differences: 1,
      differences: [{ row: 1234, header: 'Cliente', backup: before, current: 'Cliente cambiado' }],
    });
    expect(report.errors[0]).toMatch(
      /^v21_data_intact: 1 v2.1 cells differ from the backup; first at row 1234, "Cliente"/,
    );
  });

  it('fails v21_data_intact when the record shows a write outside the new columns', () => {
    const { world, ss } = migrated({ rows: 100 });
    rewriteRecord(world, ss.id, (baseline) => {
      (baseline.written as Record<string, number[][]>)[SHEET].push([5, 2, 5, 2]);
    });
    const { report } = verify(world, ss.id);
    expect(failed(report)).toEqual(['v21_data_intact']);
    expect(report.checks.v21_data_intact).toMatchObject({ passed: false, writes_confined: false });
    expect(report.errors[0]).toMatch(/a write outside its new columns \(Operaciones!B5\)/);
  });

  it('fails versions and occupation when the app data is malformed', () => {
    const { world, ss } = migrated({ rows: 100 });
    const sheet = ss.sheet(SHEET);
    sheet.setValues(10, 67, [['Juan Pérez', '2026-01-21', -1]]);
    const { report } = verify(world, ss.id);
    expect(failed(report)).toEqual(['versions', 'occupation_empty']);
    expect(report.checks.versions).toMatchObject({ invalid: 1, invalid_rows: [{ row: 10, value: -1 }] });
    expect(report.checks.occupation_empty).toMatchObject({ invalid: 1 });
  });

  it('handles drifted headers (TAG for TAG_SPOOL, accents dropped, a renamed column) through the column map', () => {
    const { world, ss } = migrated({ rows: 500, keyHeader: 'TAG' }, (workbook) => {
      const header = workbook.sheets[0].values[0];
      header[header.indexOf('Ubicación')] = 'Ubicacion';
      header[header.indexOf('Tipo Armado')] = 'TIPO_ARMADO';
      header[header.indexOf('Notas')] = 'Observaciones';
    });
    const { report } = verify(world, ss.id);
    expect(report.success).toBe(true);
    expect(report.checks.column_mapping).toMatchObject({
      passed: true,
      key_column: { header: 'TAG_SPOOL', found_as: 'TAG', via_alias: true },
    });

    // after the migration: an accent change still maps, a renamed header does not
    const sheet = ss.sheet(SHEET);
    const header = sheet.row(1) as string[];
    sheet.setValues(1, header.indexOf('Cliente') + 1, [['CLIENTÉ']]);
    sheet.setValues(1, header.indexOf('NV') + 1, [['Nota de venta']]);
    const after = verify(world, ss.id).report;
    expect(after.checks.column_mapping).toMatchObject({ passed: false, unresolved: ['NV'] });
    expect(after.checks.v21_data_intact.differences).toEqual([
      { row: 1, header: 'NV', backup: 'NV', current: 'Nota de venta' },
      { row: 1, header: 'Cliente', backup: 'Cliente', current: 'CLIENTÉ' },
    ]);
  });

  it('fails v21_data_intact saying so when the backup is in the trash', () => {
    const { world, ss } = migrated({ rows: 50 });
    const intact = verify(world, ss.id).report.checks.v21_data_intact as unknown as {
      backup: { file_id: string };
    };
    // the emulator's World has no public way to trash a file: a person trashing the backup in Drive
    const state = (world as unknown as { state: { drive: { items: Map<string, { trashed: boolean }> } } })
      .state;
    (state.drive.items.get(intact.backup.file_id) as { trashed: boolean }).trashed = true;
    const { report } = verify(world, ss.id);
    expect(failed(report)).toEqual(['v21_data_intact']);
    expect(report.checks.v21_data_intact.backup_error).toMatch(
      /^The backup ".*" \(.*\) is in the Drive trash, so the v2.1 data cannot be compared with it. Restore it/,
    );
  });

  it('refuses with a clear message when no migration was recorded', () => {
    const world = new World({});
    const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 20 }));
    const before = world.snapshot();
    const run = world.run('verifyMigration', [], { activeSpreadsheet: ss.id });
    expect(run.ok).toBe(false);
    expect(!run.ok && run.error.message).toBe(
      'No migration has been recorded for this spreadsheet, so there is nothing to verify. ' +
        'Run the migration first (Extensions > Sheet Schema Migrator > Run migration), then verify it.',
    );
    expect(world.snapshot()).toEqual(before);
  });

  it('the menu item shows a summary alert', () => {
    const { world, ss } = migrated({ rows: 50 });
    const run = world.run('menuVerifyMigration', [], { activeSpreadsheet: ss.id, via: 'menu' });
    expect(run.ok).toBe(true);
    const alert = world.ui.alerts[world.ui.alerts.length - 1] as unknown as {
      title?: string;
      prompt?: string;
    };
    expect(JSON.stringify(alert)).toContain('All 7 checks passed.');
  });
});
