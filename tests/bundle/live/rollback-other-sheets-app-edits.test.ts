// A full rollback of v4.0 on a live sheet: before service call k of the rollback, the app edits an event that was
// in Metadata before the migration. The rollback gives Metadata back its cells as the backup has them, so the
// edit is overwritten, and it must be in the rollback's export of Metadata when it is: never lost unexported. (An
// edit made between the rollback's read of Metadata and its write-back was once overwritten unexported.)
import { forkOf, v31Workbook, withUniones, worldOf } from '../../support/chain-bundle';
import { APP, exportedCells } from './support';

const ROWS = 60;
/** A pre-migration event of Metadata (row 4) and the column it edits (C, the event's kind). */
const EDITED = { row: 4, column: 3 };

const migrated = worldOf(withUniones(v31Workbook({ rows: ROWS }), (i) => i % 4));
migrated.ss.addEditor(APP);
const done = migrated.world.run('startMigration', [], migrated.as);
const total = forkOf(migrated).world.run('rollbackMigration', [{ mode: 'full', confirm: true }], migrated.as)
  .stats.roundTrips;
const calls = Array.from({ length: total }, (_, i) => 1 + i);

test('the v4.0 run the rollbacks start from is done, and Metadata has the event the app edits', () => {
  expect(done.ok && (done.value as { state: string }).state).toBe('done');
  expect(migrated.ss.sheet('Metadata').values().length).toBeGreaterThan(EDITED.row);
  expect(total).toBeGreaterThan(10);
});

it.each(calls)('before call %i of a full rollback: the app edit is in Metadata or exported', (k) => {
  const f = forkOf(migrated);
  const app = f.world.as(APP);
  const edit = `EDIT-APP-${k}`;
  let last = f.world.run('rollbackMigration', [{ mode: 'full', confirm: true }], {
    ...f.as,
    beforeCall: {
      [k]: () => app.setValues(f.ss.id, `Metadata!C${EDITED.row}`, [[edit]]),
    },
  });
  for (let i = 0; i < 5 && !last.ok; i += 1)
    last = f.world.run('rollbackMigration', [{ mode: 'full', confirm: true }], f.as);
  expect(last.ok ? null : last.error.message).toBeNull();
  expect(f.world.otherWrites.filter((w) => w.error)).toEqual([]);
  const kept = f.ss.sheet('Metadata').values()[EDITED.row - 1][EDITED.column - 1] === edit;
  const exported = exportedCells(f.world, 'Metadata').some((cell) => cell.value === edit);
  expect(kept || exported).toBe(true);
});
