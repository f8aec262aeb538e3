// Crash safety of the chain's rollbacks on the built bundle (v3.0's: tests/bundle/rollback-crash.test.ts): the
// execution dies at each service call of a clean rollback in turn (failAt), and calling rollbackMigration again
// with the same options ends in the same world as the clean rollback, its report included: for v4.0 across every
// sheet it touched (Operaciones, Uniones and Metadata, their exports, the history).
import type { World } from '../../../emulator';
import { masked } from '../../support/rollback-bundle';
import type { Fixture } from '../../support/migration-bundle';
import { forkOf, v30Workbook, v31Workbook, withUniones, worldOf } from '../../support/chain-bundle';

const settled = (world: World) => masked(world.snapshot({ times: false }));

/** v3.1 applied on a v3.0 sheet of 16 rows, then the app writes Estado_Detalle on one row. */
function v31Applied(): Fixture {
  const f = worldOf(v30Workbook({ rows: 16 }));
  f.world.call('startMigration', [], f.as);
  const sheet = f.ss.sheet('Operaciones');
  sheet.setValues(3, sheet.row(1).indexOf('Estado_Detalle') + 1, [['en espera de material']]);
  return f;
}

/** v4.0 applied on 16 spools with 0 to 3 unions each, then the app edits a Metadata event and appends one. */
function v40Applied(): Fixture {
  const f = worldOf(withUniones(v31Workbook({ rows: 16 }), (i) => i % 4));
  f.world.call('startMigration', [], f.as);
  const metadata = f.ss.sheet('Metadata');
  const width = metadata.row(1).length;
  metadata.setValues(metadata.values().length + 1, 1, [['E-900', ...new Array(width - 2).fill('x'), '2']]);
  metadata.setValues(2, 3, [['EDITADO']]);
  return f;
}

const CASES = [
  { migration: 'v3.1', migrated: v31Applied(), others: [] },
  {
    migration: 'v4.0',
    migrated: v40Applied(),
    others: [expect.objectContaining({ sheet: 'Uniones' }), expect.objectContaining({ sheet: 'Metadata' })],
  },
];

describe.each(CASES.flatMap((c) => ['columns', 'full'].map((mode) => ({ ...c, mode }))))(
  'a $mode rollback of $migration that dies at any service call',
  ({ migration, migrated, others, mode }) => {
    const options = { mode, confirm: true };
    const clean = forkOf(migrated);
    const cleanRun = clean.world.run('rollbackMigration', [options], clean.as);
    const calls = cleanRun.stats.roundTrips;
    const cleanWorld = settled(clean.world);

    it('completes cleanly, every other sheet rolled back', () => {
      expect(cleanRun.ok ? cleanRun.value : cleanRun.error.message).toMatchObject({
        migration,
        success: true,
      });
      const report = (cleanRun.ok ? cleanRun.value : {}) as { other_sheets?: unknown[] };
      expect(report.other_sheets ?? []).toEqual(others);
      expect(calls).toBeGreaterThan(20);
    });

    it.each(Array.from({ length: calls }, (_, i) => i + 1))(
      'finishes like a clean rollback after dying at call %i',
      (n) => {
        const { world, as } = forkOf(migrated);
        const dead = world.run('rollbackMigration', [options], { ...as, failAt: { call: n } });
        expect(dead.ok).toBe(false);
        const again = world.run('rollbackMigration', [options], as);
        expect(again.ok ? null : again.error.message).toBeNull();
        expect(settled(world)).toBe(cleanWorld);
        expect(masked(again.ok ? again.value : null)).toBe(masked(cleanRun.ok ? cleanRun.value : null));
      },
    );
  },
);
