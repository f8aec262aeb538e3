// A backup folder in the Drive trash is refused like a missing one: a backup made there would be deleted with
// the folder. Refused when it is set, by the plan, and when the backup is made in a later execution than the plan.
import { fixture, type Fixture, type Status } from '../../support/migration-bundle';

function backupsFolder(f: Fixture): string {
  const folder = f.world.drive.createFolder('Backups');
  f.world.call('setMigrationConfig', [{ backup_folder_id: folder.id }], f.as);
  return folder.id;
}

const filesIn = (f: Fixture, folderId: string) =>
  f.world.drive.files().filter((file) => file.parentIds.includes(folderId));

describe('a backup folder in the trash', () => {
  it('is refused by setMigrationConfig, like a missing one, and nothing is stored', () => {
    const f = fixture();
    const trashed = f.world.drive.createFolder('Old backups');
    f.world.drive.setTrashed(trashed.id, true);
    const before = JSON.stringify(f.world.snapshot({ times: false }));
    const set = f.world.run('setMigrationConfig', [{ backup_folder_id: trashed.id }], f.as);
    expect(set.ok ? '' : set.error.message).toMatch(
      new RegExp(
        `backup_folder_id" was not saved: Backup folder ${trashed.id} is in the Drive trash.*Restore`,
      ),
    );
    const missing = f.world.run('setMigrationConfig', [{ backup_folder_id: 'no-such-folder' }], f.as);
    expect(missing.ok ? '' : missing.error.message).toMatch(/Backup folder no-such-folder was not found/);
    expect(JSON.stringify(f.world.snapshot({ times: false }))).toBe(before);
    // Out of the trash, the same folder is accepted.
    f.world.drive.setTrashed(trashed.id, false);
    expect(f.world.call('setMigrationConfig', [{ backup_folder_id: trashed.id }], f.as)).toMatchObject({
      backup_folder_id: trashed.id,
    });
  });

  it('blocks the plan with a message naming the folder and the fix', () => {
    const f = fixture();
    const folderId = backupsFolder(f);
    f.world.drive.setTrashed(folderId, true);
    const plan = f.world.call('previewMigration', [], f.as) as { blocking: string[] };
    expect(plan.blocking).toEqual([
      `Backup folder ${folderId} is in the Drive trash, so a backup made there would be deleted with it. ` +
        'Restore the folder from the trash, or set backup_folder_id in the settings to another folder.',
    ]);
  });

  it('trashed after the plan, stops the backup before the copy; restored, the run resumes and finishes', () => {
    let checked = false;
    for (let n = 1; n < 80 && !checked; n += 1) {
      const f = fixture();
      const folderId = backupsFolder(f);
      const dead = f.world.run('startMigration', [], { ...f.as, failAt: { call: n } });
      const recorded = f.world.documentProperties(f.ss.id)['migration.run'];
      // Wanted: the run recorded, its backup not yet made.
      if (dead.ok || !recorded || filesIn(f, folderId).length > 0) continue;
      checked = true;
      f.world.drive.setTrashed(folderId, true);
      const stopped = f.world.call('continueMigration', [], f.as) as Status & {
        error?: { next?: string };
      };
      expect(stopped.state).toBe('failed');
      expect(stopped.error?.message).toMatch(new RegExp(`Backup folder ${folderId} is in the Drive trash`));
      expect(stopped.error?.next).toMatch(/The sheet was not changed. Fix the cause and resume/);
      expect(filesIn(f, folderId)).toEqual([]);
      expect(f.world.drive.files().filter((file) => file.name.includes('backup'))).toEqual([]);
      // The advice is true: with the folder restored, resuming makes the backup there and finishes the run.
      f.world.drive.setTrashed(folderId, false);
      const resumed = f.world.call('continueMigration', [], f.as) as Status;
      expect(resumed.state).toBe('done');
      expect(filesIn(f, folderId).map((file) => file.name)).toEqual(
        expect.arrayContaining([expect.stringContaining('v3.0 backup')]),
      );
      expect(f.world.call('verifyMigration', [], f.as)).toMatchObject({ success: true });
    }
    expect(checked).toBe(true);
  });
});
