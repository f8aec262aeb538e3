// A full rollback of v4.0 that dies at service call k, on a live sheet: between the crash and the call that goes
// on, the app edits an event that was in Metadata before the migration. The rollback gives Metadata back its
// backup's cells, so the edit is overwritten; it must then be in an export file. (A resumed rollback once found
// Metadata's export file by its name, took it as holding the sheet as read now, and overwrote the edit
// unexported.)
import { forkOf, v31Workbook, withUniones, worldOf } from '../../support/chain-bundle';
import { APP, exportedCells } from './support';

const ROWS = 60;
/** A pre-migration event of Metadata (row 4) and the column it edits (C, the event's kind). */
const EDITED = { row: 4, column: 3 };
const FULL = [{ mode: 'full', confirm: true }];

const migrated = worldOf(withUniones(v31Workbook({ rows: ROWS }), (i) => i % 4));
migrated.ss.addEditor(APP);
const done = migrated.world.run('startMigration', [], migrated.as);
// An edit before the rollback: Metadata's export file then has a cell to hold, so the rollback writes it.
migrated.world.as(APP).setValues(migrated.ss.id, 'Metadata!C5', [['EDIT-BEFORE']]);
const total = forkOf(migrated).world.run('rollbackMigration', FULL, migrated.as).stats.roundTrips;
const calls = Array.from({ length: total }, (_, i) => 1 + i);

test('the v4.0 run the rollbacks start from is done; a clean rollback exports the edit made before it', () => {
  expect(done.ok && (done.value as { state: string }).state).toBe('done');
  expect(total).toBeGreaterThan(10);
  const clean = forkOf(migrated);
  clean.world.run('rollbackMigration', FULL, clean.as);
  expect(exportedCells(clean.world, 'Metadata').map((cell) => cell.value)).toContain('EDIT-BEFORE');
});

it.each(calls)(
  'dying at call %i, then an app edit, then the call that goes on: the edit is kept or exported',
  (k) => {
    const f = forkOf(migrated);
    const dead = f.world.run('rollbackMigration', FULL, { ...f.as, failAt: { call: k } });
    const edit = `EDIT-APP-${k}`;
    f.world.as(APP).setValues(f.ss.id, `Metadata!C${EDITED.row}`, [[edit]]);
    let last = f.world.run('rollbackMigration', FULL, f.as);
    for (let i = 0; i < 5 && !last.ok; i += 1) last = f.world.run('rollbackMigration', FULL, f.as);
    expect(last.ok ? null : last.error.message).toBeNull();
    const kept = f.ss.sheet('Metadata').values()[EDITED.row - 1][EDITED.column - 1] === edit;
    const exported = exportedCells(f.world, 'Metadata').some((cell) => cell.value === edit);
    expect({ died: !dead.ok, keptOrExported: kept || exported }).toEqual({
      died: !dead.ok,
      keptOrExported: true,
    });
  },
);
