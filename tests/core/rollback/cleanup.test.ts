import { readConfig } from '../../../src/core/state/config';
import { findOldBackups, trashOldBackups } from '../../../src/core/rollback/cleanup';
import { DAY, migratedWorld } from '../../support/rollback-fixture';

function addMigration(world: ReturnType<typeof migratedWorld>['world'], seq: number, completedAt: number) {
  const id = world.nextId('ss');
  world.addFile(id, `ZEUES - v3.0 backup - ${seq}`, 'folder-1', 'application/vnd.google-apps.spreadsheet');
  world.properties[`history.${seq}`] = JSON.stringify({
    kind: 'migration',
    run_id: `run-${seq}`,
    started_at: new Date(completedAt - 60_000).toISOString(),
    completed_at: new Date(completedAt).toISOString(),
    state: 'done',
    baseline: { run_id: `run-${seq}`, backup: { file_id: id, name: `ZEUES - v3.0 backup - ${seq}` } },
  });
  return id;
}

describe('cleaning up old backups', () => {
  it('lists only backups of migrations older than the window, never one still inside it', () => {
    const { world, ss, backup } = migratedWorld();
    const services = world.services(ss.id);
    const old = addMigration(world, 2, world.now - 20 * DAY);
    const recent = addMigration(world, 3, world.now - 2 * DAY);
    const found = findOldBackups(
      world.properties,
      readConfig(world.properties),
      services.clock,
      services.drive,
    );
    expect(found.map((b) => b.file_id)).toEqual([old]);
    expect(found.map((b) => b.file_id)).not.toContain(recent);
    expect(found.map((b) => b.file_id)).not.toContain(backup.id);
  });

  it('never lists the backup of a run that has not finished', () => {
    const { world, ss, baseline } = migratedWorld({ completed: false });
    const services = world.services(ss.id);
    world.properties['history.7'] = JSON.stringify({
      kind: 'migration',
      run_id: baseline.run_id,
      started_at: new Date(world.now - 30 * DAY).toISOString(),
      completed_at: new Date(world.now - 30 * DAY).toISOString(),
      state: 'failed',
      baseline,
    });
    const found = findOldBackups(
      world.properties,
      readConfig(world.properties),
      services.clock,
      services.drive,
    );
    expect(found).toEqual([]);
  });

  it('trashes what it listed and records the clean-up', () => {
    const { world, ss } = migratedWorld();
    const services = world.services(ss.id);
    const old = addMigration(world, 2, world.now - 20 * DAY);
    const found = findOldBackups(
      world.properties,
      readConfig(world.properties),
      services.clock,
      services.drive,
    );
    trashOldBackups(found, services.drive, services.properties, services.clock, 'owner@example.com');
    expect(world.files.get(old)?.trashed).toBe(true);
    const entries = Object.values(world.properties).map((v) => JSON.parse(v));
    expect(entries.find((e) => e.kind === 'cleanup')).toMatchObject({ state: 'done', trashed_count: 1 });
  });
});
