// A Spanish session (the user's locale `es`) on the built bundle: the menu, the alerts and the plan's blocking
// reasons and warnings come from the server's catalogue in Spanish, with no English left in them.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { translator } from '../../src/core/messages';
import { menuItems } from '../../src/entry/menu';

// Words of the English texts that Spanish never uses: one of them in a text means English leaked into it.
const ENGLISH =
  /\b(the|and|then|was|has|have|not|found|Sheet|column|columns|rows|try|again|Nothing|Migration)\b/;

function spanishWorld(edit?: (values: (string | number)[][]) => void) {
  const world = new World({ user: { locale: 'es' } });
  const workbook = zeuesWorkbook({ rows: 30, keyHeader: 'TAG' });
  const ss = world.createSpreadsheet(workbook);
  if (edit) {
    const sheet = ss.sheet('Operaciones');
    const values = sheet.values() as (string | number)[][];
    edit(values);
    sheet.setValues(1, 1, values);
  }
  return { world, ss, as: { activeSpreadsheet: ss.id } };
}

test('the menu is in Spanish, item by item', () => {
  const { world, ss } = spanishWorld();
  expect(world.open(ss.id).ok).toBe(true);
  const captions = world.ui.menus[0].items.map((item) => item.caption);
  const es = menuItems(translator('es')).filter((item) => item !== null);
  const en = menuItems(translator('en')).filter((item) => item !== null);
  expect(captions).toEqual(es.map((item) => item!.caption));
  for (const caption of captions) expect(en.map((item) => item!.caption)).not.toContain(caption);
});

describe('a plan with blocking reasons and warnings', () => {
  // a duplicated header blocks; the key column found under its alias TAG warns
  const { world, as } = spanishWorld((values) => {
    values[0][10] = values[0][9];
  });
  const plan = world.call('previewMigration', [], as) as { blocking: string[]; warnings: string[] };
  world.run('menuPreviewMigration', [], { ...as, via: 'menu' });
  const alert = world.ui.alerts[world.ui.alerts.length - 1];
  const refused = world.run('startMigration', [], as);

  it('gives its blocking reasons and warnings in Spanish', () => {
    expect(plan.blocking.length).toBeGreaterThan(0);
    expect(plan.warnings.length).toBeGreaterThan(0);
    expect(plan.blocking.join(' ')).toMatch(/aparece 2 veces en la hoja "Operaciones"/);
    expect(plan.warnings.join(' ')).toMatch(/Columna clave encontrada como "TAG"/);
    for (const text of [...plan.blocking, ...plan.warnings]) expect(text).not.toMatch(ENGLISH);
  });

  it("shows them in the menu's alert, every line in Spanish", () => {
    expect(alert.title).toBe('Vista previa de la migración (simulación)');
    expect(alert.prompt).toContain('Impide la migración:');
    expect(alert.prompt).toContain('Avisos:');
    for (const line of alert.prompt.split('\n')) expect(line).not.toMatch(ENGLISH);
  });

  it('refuses to start with the same reasons in Spanish', () => {
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/^La migración no puede empezar\. /);
    expect(!refused.ok && refused.error.message).not.toMatch(ENGLISH);
  });
});

test("the menu's Run migration asks and tells in Spanish", () => {
  const { world, ss, as } = spanishWorld();
  world.ui.respond = () => 'NO';
  world.run('menuStartMigration', [], { ...as, via: 'menu' });
  const [question, told] = world.ui.alerts;
  expect(question.title).toBe('Ejecutar la migración');
  expect(question.prompt).toMatch(
    /¿Hacer ahora la copia de seguridad de la hoja de cálculo y cambiar la hoja "Operaciones"\?$/,
  );
  expect(told.prompt).toBe('No se cambió nada.');
  for (const line of question.prompt.split('\n')) expect(line).not.toMatch(ENGLISH);
  expect(ss.sheet('Operaciones').values()[0]).not.toContain('version');
});

test("the verification's check details are in Spanish", () => {
  const { world, as } = spanishWorld();
  expect((world.call('startMigration', [], as) as { state: string }).state).toBe('done');
  const report = world.call('verifyMigration', [], as) as {
    success: boolean;
    checks: Record<string, { expected?: unknown }>;
  };
  expect(report.success).toBe(true);
  const details = ['versions', 'occupation_empty'].map((name) => String(report.checks[name].expected));
  expect(details[0]).toMatch(/en cada fila de datos$/);
  expect(details[1]).toMatch(/^(ambas vacías|Ocupado_Por y Fecha_Ocupacion vacías)/);
  for (const text of details)
    expect(text).not.toMatch(/\b(every|data row|empty|an integer|both|with|like)\b/);
});
