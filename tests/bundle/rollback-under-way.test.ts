// A rollback that stopped at its time limit, on the built bundle: checkRollbackEligibility() says it is under way
// and in which mode (the panel goes on with it when it opens), and the menu offers to continue it in that mode
// instead of asking for a mode again (the other one would be refused).
// Ui.alert with a ButtonSet returns the button pressed:
// https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)
import { World, type AlertRecord } from '../../emulator';
import { migratedForLongWork } from '../support/rollback-bundle';
import { expectSameCells } from '../support/same-cells';

const SHEET = 'Operaciones';

function pausedRollback(mode: 'full' | 'columns') {
  const world = new World();
  const { ss, as, original } = migratedForLongWork(world);
  expect(world.call('checkRollbackEligibility', [], as)).toMatchObject({
    eligible: true,
    rollback_in_progress: null,
  });
  const first = world.call('rollbackMigration', [{ mode, confirm: true }], as);
  expect(first).toMatchObject({ pending: true, success: false });
  return { world, ss, original, as };
}

describe('a rollback under way', () => {
  it('is named with its mode by checkRollbackEligibility until it finishes', () => {
    const { world, as } = pausedRollback('full');
    const told = world.call('checkRollbackEligibility', [], as) as {
      rollback_in_progress: { mode: string; started_at: string };
    };
    expect(told.rollback_in_progress.mode).toBe('full');
    expect(Number.isNaN(Date.parse(told.rollback_in_progress.started_at))).toBe(false);
    let report = { pending: true } as { pending?: boolean };
    for (let i = 0; i < 30 && report.pending; i += 1)
      report = world.call('rollbackMigration', [{ mode: 'full', confirm: true }], as) as typeof report;
    expect(report.pending).toBeUndefined();
    expect(world.call('checkRollbackEligibility', [], as)).toMatchObject({ rollback_in_progress: null });
  });

  it('is continued from the menu in its own mode when the owner says Yes, and left as it is on No', () => {
    const { world, ss, original } = pausedRollback('columns');
    const menu = { activeSpreadsheet: ss.id, via: 'menu' as const };
    const asked: AlertRecord[] = [];
    world.ui.respond = ((alert: AlertRecord) => {
      asked.push(alert);
      return 'NO';
    }) as never;
    const before = JSON.stringify(ss.sheet(SHEET).values());
    world.run('menuRollbackMigration', [], menu);
    expect(asked.map((a) => a.prompt)).toEqual([
      "A columns rollback is under way: it stopped to stay within Apps Script's time limit. Continue it now?",
    ]);
    expect(JSON.stringify(ss.sheet(SHEET).values())).toBe(before);

    world.ui.respond = ((alert: AlertRecord) =>
      alert.title === 'Roll back migration' ? 'YES' : 'OK') as never;
    const outcomes = () => world.ui.alerts.filter((alert) => alert.title === 'Rollback');
    for (let i = 0; i < 30 && !/finished\./.test(outcomes().at(-1)?.prompt ?? ''); i += 1)
      world.run('menuRollbackMigration', [], menu);
    const said = outcomes().map((alert) => alert.prompt);
    expect(said.length).toBeGreaterThan(1);
    for (const prompt of said.slice(0, -1)) {
      expect(prompt).toMatch(
        /^The rollback is not finished yet \(\w+ [\d,]+ of [\d,]+ rows\): .*Choose Extensions > Sheet Schema Migrator > Roll back migration again/,
      );
    }
    expect(said.at(-1)).toMatch(/^The rollback finished\./);
    expectSameCells(ss.sheet(SHEET).values(), original.values);
  });
});
