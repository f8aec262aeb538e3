// Bad input: each refusal names the problem and the fix, and the world (sheets, Drive, properties, triggers)
// is exactly as before.
import { World } from '../../../emulator';
import { zeuesWorkbook } from '../../../rehearse/sample-workbook';
import { SHEET, fixture, type Fixture } from '../../support/migration-bundle';

function refused(f: Fixture, fn: string, args: unknown[], message: RegExp): void {
  const before = JSON.stringify(f.world.snapshot({ times: false }));
  const r = f.world.run(fn, args, f.as);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.message).toMatch(message);
  expect(JSON.stringify(f.world.snapshot({ times: false }))).toBe(before);
}

describe('startMigration refuses bad input and changes nothing', () => {
  it('when the target sheet is missing', () => {
    const f = fixture();
    f.world.call('setMigrationConfig', [{ target_sheet: 'Operations' }], f.as);
    refused(f, 'startMigration', [], /Sheet "Operations" was not found.*set target_sheet/);
  });

  it('when the key column is missing', () => {
    const f = fixture();
    const header = f.ss.sheet(SHEET).row(1);
    f.ss.sheet(SHEET).setValues(1, header.indexOf('TAG_SPOOL') + 1, [['ETIQUETA']]);
    refused(f, 'startMigration', [], /Key column "TAG_SPOOL" \(or "TAG"\) was not found/);
  });

  it('when the header row is empty', () => {
    const f = fixture();
    const width = f.ss.sheet(SHEET).row(1).length;
    f.ss.sheet(SHEET).setValues(1, 1, [new Array(width).fill('')]);
    refused(f, 'startMigration', [], /Row 1 of sheet "Operaciones" has no headers/);
  });

  it('when a header is duplicated', () => {
    const f = fixture();
    f.ss.sheet(SHEET).setValues(1, 3, [['NV']]);
    refused(f, 'startMigration', [], /Header "NV" appears 2 times.*columns B, C/);
  });

  it('when a v3 header is in an unexpected place', () => {
    const f = fixture();
    f.ss.sheet(SHEET).setValues(1, 5, [['version']]);
    refused(f, 'startMigration', [], /Header "version" is in column E/);
  });

  it('when a column has data but no header', () => {
    const workbook = zeuesWorkbook({ rows: 60 });
    const width = workbook.sheets[0].values[0].length;
    workbook.sheets[0].maxColumns = width + 5;
    const world = new World();
    const ss = world.createSpreadsheet(workbook);
    ss.sheet(SHEET).setValues(5, width + 2, [['stray']]);
    refused(
      { world, ss, as: { activeSpreadsheet: ss.id } },
      'startMigration',
      [],
      /^The migration cannot start. Column BP of sheet "Operaciones" has data but no header in row 1/,
    );
  });

  it('when the change would pass 10,000,000 cells', () => {
    const world = new World();
    const ss = world.createSpreadsheet({
      name: 'Big',
      sheets: [
        {
          name: SHEET,
          values: [
            ['id', 'TAG_SPOOL'],
            [1, 'A'],
          ],
        },
        // 26,000 + 9,973,000 cells: 3 columns of 1,000 rows more passes the limit.
        { name: 'Filler', values: [['x']], maxRows: 997300, maxColumns: 10 },
      ],
    });
    refused(
      { world, ss, as: { activeSpreadsheet: ss.id } },
      'startMigration',
      [],
      /above Google Sheets' limit of 10,000,000/,
    );
  });

  it('when the change would pass 18,278 columns', () => {
    const world = new World();
    const ss = world.createSpreadsheet({
      name: 'Wide',
      sheets: [
        {
          name: SHEET,
          values: [
            ['id', 'TAG_SPOOL'],
            [1, 'A'],
          ],
          maxRows: 2,
          maxColumns: 18277,
        },
      ],
    });
    refused(
      { world, ss, as: { activeSpreadsheet: ss.id } },
      'startMigration',
      [],
      /pass the limit of 18,278/,
    );
  });

  it('when the property store is full', () => {
    const f = fixture();
    for (let i = 0; i < 62; i += 1) f.world.setDocumentProperty(f.ss.id, `other.${i}`, 'x'.repeat(8000));
    refused(f, 'startMigration', [], /document properties are (almost )?full/);
  });

  it('when 20 triggers exist already and the run may need one', () => {
    const f = fixture({ rows: 2500 });
    f.world.call('setMigrationConfig', [{ time_budget_seconds: 40 }], f.as);
    // Triggers of other documents and scripts of this user: the world has no public way to make 20 of them.
    const state = (f.world as unknown as { state: { triggers: unknown[] } }).state;
    for (let i = 0; i < 20; i += 1) {
      state.triggers.push({ id: `t${i}`, handler: 'other', type: 'CLOCK', nextRunAt: null, everyMs: null });
    }
    refused(f, 'startMigration', [], /already have 20 triggers.*Delete one/);
  });

  it('when the backup folder does not exist (deleted after it was set)', () => {
    const f = fixture();
    f.world.setDocumentProperty(f.ss.id, 'config', JSON.stringify({ backup_folder_id: 'no-such-folder' }));
    refused(f, 'startMigration', [], /Backup folder no-such-folder was not found/);
  });

  it('when the backup folder is in the trash', () => {
    const f = fixture();
    const folder = f.world.drive.createFolder('Backups');
    f.world.call('setMigrationConfig', [{ backup_folder_id: folder.id }], f.as);
    f.world.drive.setTrashed(folder.id, true);
    refused(f, 'startMigration', [], new RegExp(`Backup folder ${folder.id} is in the Drive trash.*Restore`));
    const plan = f.world.call('previewMigration', [], f.as) as { blocking: string[] };
    expect(plan.blocking).toEqual([expect.stringMatching(/is in the Drive trash/)]);
  });

  it('when the backup folder is not writable', () => {
    const f = fixture();
    const folder = f.world.drive.createFolder('Backups');
    f.world.drive.setWritable(folder.id, false);
    f.world.call('setMigrationConfig', [{ backup_folder_id: folder.id }], f.as);
    refused(f, 'startMigration', [], /could not make its backup, so nothing was changed: Access denied/);
  });

  it('when the user may not edit the sheet', () => {
    const world = new World();
    const ss = world.createSpreadsheet({ ...fixtureWorkbook(), editable: false });
    refused(
      { world, ss, as: { activeSpreadsheet: ss.id } },
      'startMigration',
      [],
      /You cannot edit sheet "Operaciones"/,
    );
  });

  it('when an option is unknown', () => {
    refused(fixture(), 'startMigration', [{ forse: true }], /Unknown option "forse"/);
  });
});

describe('setMigrationConfig refuses bad settings, naming the field, and changes nothing', () => {
  it.each([
    [{ time_budget_seconds: 1000 }, /"time_budget_seconds" must be between 30 and 330/],
    [{ rollback_window_days: 'seven' }, /"rollback_window_days" must be a number/],
    [{ log_level: 'loud' }, /"log_level" must be one of debug, info, warn, error/],
    [{ target_sheet: '' }, /"target_sheet" must not be empty/],
    [{ edit_freeze: 'on' }, /"edit_freeze" must be true or false/],
    [{ colour: 'red' }, /Unknown setting "colour"/],
  ])('%j', (patch, message) => {
    refused(fixture(), 'setMigrationConfig', [patch], message);
  });

  it('stores a valid patch and returns the whole config', () => {
    const f = fixture();
    const config = f.world.call('setMigrationConfig', [{ time_budget_seconds: 120 }], f.as);
    expect(config).toEqual({
      target_sheet: 'Operaciones',
      backup_folder_id: '',
      rollback_window_days: 7,
      time_budget_seconds: 120,
      log_level: 'info',
      notify_by_email: true,
      edit_freeze: false,
    });
    expect(f.world.call('getMigrationConfig', [], f.as)).toEqual(config);
  });
});

function fixtureWorkbook() {
  const f = fixture();
  const sheet = f.ss.sheet(SHEET);
  return { name: 'ZEUES', sheets: [{ name: SHEET, values: sheet.values() as never }] };
}
