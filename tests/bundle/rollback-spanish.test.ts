// A Spanish session (the user's locale `es`) on the built bundle: the rollback's eligibility reasons and the busy
// lock's refusals come from the server's catalogue in Spanish, with what to do, and no English left in them.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { stopMessage } from '../support/slow-sheets';
import { migratedForLongWork } from '../support/rollback-bundle';

const ENGLISH = /\b(the|and|then|was|has|have|not|Nothing|Another|again|rolled|back)\b/;

function migratedSpanishWorld() {
  const world = new World({ user: { locale: 'es' } });
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 30 }));
  const as = { activeSpreadsheet: ss.id };
  expect(world.call('startMigration', [], as)).toMatchObject({ state: 'done' });
  return { world, ss, as };
}

const failure = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? '' : (r.error?.message ?? ''));

test('after a rollback, the eligibility says in Spanish that nothing is left to undo, with a readable time', () => {
  const { world, as } = migratedSpanishWorld();
  world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], as);
  const eligibility = world.call('checkRollbackEligibility', [], as) as { eligible: boolean; reason: string };
  expect(eligibility.eligible).toBe(false);
  expect(eligibility.reason).toMatch(
    /^La ejecución \S+ ya se revirtió \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)\. No queda nada que deshacer\.$/,
  );
});

test('a busy lock refuses a rollback, a start and a settings write in Spanish, saying what to do', () => {
  const { world, ss, as } = migratedSpanishWorld();
  world.lockHeldElsewhere(ss.id, true);
  const busy =
    /^Hay otra ejecución en curso en esta hoja de cálculo .*No se cambió nada: espere a que se pause o termine y luego/;
  const messages = [
    failure(world.run('rollbackMigration', [{ mode: 'full', confirm: true }], as)),
    failure(world.run('startMigration', [{ force: true }], as)),
    failure(world.run('setMigrationConfig', [{ rollback_window_days: 3 }], as)),
  ];
  expect(messages[0]).toMatch(/vuelva a revertir\.$/);
  expect(messages[1]).toMatch(/vuelva a intentarlo\.$/);
  expect(messages[2]).toMatch(/vuelva a guardar la configuración\.$/);
  for (const message of messages) {
    expect(message).toMatch(busy);
    expect(message).not.toMatch(ENGLISH);
  }
});

test('a rollback larger than one execution says in Spanish how far it got and to call it again', () => {
  const world = new World({ user: { locale: 'es' } });
  const { as } = migratedForLongWork(world);
  const stopped = stopMessage(world.run('rollbackMigration', [{ mode: 'full', confirm: true }], as));
  expect(stopped).toMatch(
    /^La reversión en modo "full" aún no ha terminado \((exportadas|restauradas|comprobadas) \d+ de \d+ filas\): .*Vuelva a llamar a rollbackMigration\(\{mode: "full", confirm: true\}\)/,
  );
  expect(stopped).not.toMatch(ENGLISH);
});
