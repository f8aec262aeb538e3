// A full rollback of v4.0 on a live sheet: before service call k of the rollback, the app appends an event to
// Metadata (the append-only sheet v4.0 added N_UNION to) and a union to Uniones (a sheet that existed before v4.0,
// left as it is). Whatever the rollback removes, no event the app wrote is lost: it is still in Metadata or in the
// rollback's export of Metadata; and every union the app wrote is still in Uniones.
import { forkOf, v31Workbook, withUniones, worldOf } from '../../support/chain-bundle';
import type { WorkbookModel } from '../../../rehearse/workbook';
import { APP, exportedCells } from './support';

const ROWS = 60;

/** Metadata's grid ends at its last event, as an appended-to log's does: each append grows the grid by a row. */
function fullMetadata(workbook: WorkbookModel): WorkbookModel {
  const metadata = workbook.sheets.find((sheet) => sheet.name === 'Metadata');
  if (!metadata) throw new Error('no Metadata sheet');
  metadata.maxRows = metadata.values.length;
  return workbook;
}

const migrated = worldOf(fullMetadata(withUniones(v31Workbook({ rows: ROWS }), (i) => i % 4)));
migrated.ss.addEditor(APP);
const done = migrated.world.run('startMigration', [], migrated.as);
const total = forkOf(migrated).world.run('rollbackMigration', [{ mode: 'full', confirm: true }], migrated.as)
  .stats.roundTrips;
const calls = Array.from({ length: total }, (_, i) => 1 + i);

test('the v4.0 run the rollbacks start from is done', () => {
  expect(done.ok && (done.value as { state: string }).state).toBe('done');
  expect(total).toBeGreaterThan(10);
});

it.each(calls)('before call %i of a full rollback: each app event is in Metadata or exported', (k) => {
  const f = forkOf(migrated);
  const app = f.world.as(APP);
  const event = `evt-app-${k}`;
  const union = `U-APP-${k}`;
  let last = f.world.run('rollbackMigration', [{ mode: 'full', confirm: true }], {
    ...f.as,
    beforeCall: {
      [k]: () => {
        app.appendRow(f.ss.id, 'Metadata', [event, '01-12-2026 10:00:00', 'INICIAR_ARM', 'MK-1']);
        const line = new Array<string | number>(17).fill('');
        line[0] = union;
        app.appendRow(f.ss.id, 'Uniones', line);
      },
    },
  });
  for (let i = 0; i < 5 && !last.ok; i += 1)
    last = f.world.run('rollbackMigration', [{ mode: 'full', confirm: true }], f.as);
  expect(last.ok ? null : last.error.message).toBeNull();
  expect(f.world.otherWrites.filter((w) => w.error)).toEqual([]);
  const kept = f.ss
    .sheet('Metadata')
    .values()
    .some((row) => row[0] === event);
  const exported = exportedCells(f.world, 'Metadata').some((cell) => cell.value === event);
  expect(kept || exported).toBe(true);
  expect(
    f.ss
      .sheet('Uniones')
      .values()
      .some((row) => row[0] === union),
  ).toBe(true);
});
