// Any execution can die between two service calls. For each mode, a failure is injected at every call
// index of a clean rollback; calling rollbackMigration again with the same options must end in the same
// world as the clean rollback (times aside).
import { rollbackMigration } from '../../../src/core/rollback/rollback';
import type { RollbackMode } from '../../../src/core/contract';
import { appWrites, masked, migratedWorld } from '../../support/rollback-fixture';

function prepared(completed: boolean) {
  const migrated = migratedWorld({ completed });
  appWrites(migrated.sheet);
  migrated.sheet.set(4, 3, [['NV-edited']]);
  migrated.world.calls = 0;
  return migrated;
}

describe.each([
  ['columns', true],
  ['full', true],
  ['columns', false],
  ['full', false],
] as [RollbackMode, boolean][])(
  'a %s rollback (migration completed: %s) that dies at any call',
  (mode, completed) => {
    const options = { mode, confirm: true };
    const clean = prepared(completed);
    const cleanReport = rollbackMigration(clean.world.services(clean.ss.id), options);
    const cleanCalls = clean.world.calls;
    const cleanWorld = masked(clean.world.snapshot());

    it('makes a known number of service calls', () => {
      expect(cleanCalls).toBeGreaterThan(10);
      expect(cleanReport.removed_columns.length).toBeGreaterThan(0);
    });

    it.each(Array.from({ length: cleanCalls }, (_, i) => i + 1))(
      'finishes like a clean one after dying at call %i',
      (n) => {
        const run = prepared(completed);
        run.world.failAt = n;
        try {
          rollbackMigration(run.world.services(run.ss.id), options);
        } catch (error) {
          // the cache is best effort: a failed cache read is absorbed, so not every index stops the execution
          expect((error as Error).message).toContain(`Injected failure at call ${n}`);
        }
        run.world.failAt = null;
        const report = rollbackMigration(run.world.services(run.ss.id), options);
        expect(masked(run.world.snapshot())).toBe(cleanWorld);
        expect(masked(report)).toBe(masked(cleanReport));
        expect(
          [...run.world.files.values()].filter((file) => file.name.includes('rollback export')),
        ).toHaveLength(1);
      },
    );
  },
);
