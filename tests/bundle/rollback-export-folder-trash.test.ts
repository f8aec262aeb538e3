// A rollback never saves its export into a folder in the Drive trash (the export would be deleted with it, and it
// holds the only copy of what the rollback removes): it stops before changing anything, says so, and the call its
// message asks for finishes it once the folder is back.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { SHEET, appWrites } from '../support/rollback-bundle';

const FULL = { mode: 'full', confirm: true };

function migratedIntoFolder() {
  const world = new World();
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 30 }));
  const as = { activeSpreadsheet: ss.id };
  const folder = world.drive.createFolder('Backups');
  world.call('setMigrationConfig', [{ backup_folder_id: folder.id }], as);
  expect(world.call('startMigration', [{}], as)).toMatchObject({ state: 'done' });
  appWrites(ss);
  return { world, ss, as, folderId: folder.id };
}

it('a full rollback whose backup folder was trashed before its export stops, then finishes once it is restored', () => {
  let checked = false;
  for (let n = 1; n < 60 && !checked; n += 1) {
    const { world, ss, as, folderId } = migratedIntoFolder();
    const exports = () => world.drive.files().filter((file) => file.name.includes('rollback export'));
    const dead = world.run('rollbackMigration', [FULL], { ...as, failAt: { call: n } });
    const state = world.documentProperties(ss.id)['rollback.state'];
    if (
      dead.ok ||
      !state ||
      (JSON.parse(state) as { phase: string }).phase !== 'export' ||
      exports().length > 0
    )
      continue;
    checked = true;
    world.drive.setTrashed(folderId, true);
    const sheetBefore = JSON.stringify(ss.sheet(SHEET).values());
    const stopped = world.run('rollbackMigration', [FULL], as);
    expect(stopped.ok ? '' : stopped.error.message).toMatch(
      new RegExp(
        `stopped during "export": The folder ${folderId} next to the backup is in the Drive trash.*Restore the ` +
          'folder from the trash.*call rollbackMigration\\(\\{mode: "full", confirm: true\\}\\) again to finish it',
      ),
    );
    expect(exports()).toEqual([]);
    expect(JSON.stringify(ss.sheet(SHEET).values())).toBe(sheetBefore);
    world.drive.setTrashed(folderId, false);
    const again = world.run('rollbackMigration', [FULL], as);
    expect(again.ok ? again.value : again.error).toMatchObject({ success: true, errors: [] });
    expect(exports()).toEqual([expect.objectContaining({ parentIds: [folderId], trashed: false })]);
    const cells = JSON.parse(exports()[0].content ?? '{}') as { cells: { row: number; value: unknown }[] };
    expect(cells.cells).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 3, value: 'MR(93)' })]),
    );
  }
  expect(checked).toBe(true);
});
