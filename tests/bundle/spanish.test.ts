// A Spanish session (the user's locale `es`) on the built bundle: the menu, the alerts and the plan's blocking
// reasons and warnings come from the server's catalogue in Spanish, with no English left in them.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { catalogues, translator } from '../../src/core/messages';
import { menuItems } from '../../src/entry/menu';
import type { WorkbookModel } from '../../rehearse/workbook';
import { v31Workbook, withUniones, worldOf } from '../support/chain-bundle';

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
  expect(ss.sheet('Operaciones').row(1)).not.toContain('version');
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

describe('bad input to the entry points is refused in the session language, nothing changed', () => {
  // Words of the English catalogue that no Spanish text uses: one of them in a refusal means English leaked.
  const words = (texts: string[]) =>
    new Set(texts.flatMap((text) => text.replace(/\{\w+\}/g, ' ').match(/[A-Za-z]{3,}/g) ?? []));
  const spanishWords = words(Object.values(catalogues.es));
  const englishOnly = [...words(Object.values(catalogues.en))].filter((word) => !spanishWords.has(word));
  // quoted input and setting names (snake_case) are the caller's words, not the catalogue's
  const englishWords = (text: string) =>
    (text.replace(/"[^"]*"|\w*_\w*/g, ' ').match(/[A-Za-z]{3,}/g) ?? []).filter((word) =>
      englishOnly.includes(word),
    );

  const known =
    'target_sheet, backup_folder_id, rollback_window_days, time_budget_seconds, log_level, notify_by_email, edit_freeze';
  // [entry point, arguments, today's English refusal, what the Spanish one says]
  const cases: [string, unknown[], string, RegExp][] = [
    [
      'setMigrationConfig',
      [{ time_budget_seconds: 'fast' }],
      'Setting "time_budget_seconds" must be a number, got "fast".',
      /^El ajuste "time_budget_seconds" debe ser un número; se recibió "fast"\.$/,
    ],
    [
      'setMigrationConfig',
      [{ rollback_window_days: 900 }],
      'Setting "rollback_window_days" must be between 0 and 365, got 900.',
      /^El ajuste "rollback_window_days" debe estar entre 0 y 365; se recibió 900\.$/,
    ],
    [
      'setMigrationConfig',
      [{ notify_by_email: [] }],
      'Setting "notify_by_email" must be true or false, got a list.',
      /debe ser true o false; se recibió una lista\.$/,
    ],
    [
      'setMigrationConfig',
      [{ colour: 'blue' }],
      `Unknown setting "colour". Known settings: ${known}.`,
      /^Ajuste desconocido "colour"\. Ajustes existentes: target_sheet, /,
    ],
    [
      'setMigrationConfig',
      [7],
      'Settings must be an object such as {"time_budget_seconds": 300}, got number 7.',
      /^Los ajustes deben ser un objeto como \{"time_budget_seconds": 300\}; se recibió el número 7\.$/,
    ],
    [
      'setMigrationConfig',
      [{ backup_folder_id: 'nofolder1' }],
      'Setting "backup_folder_id" was not saved: Backup folder nofolder1 was not found or you cannot open it. ' +
        'Check the folder id in the settings, or leave it empty to keep backups next to the spreadsheet.',
      /^No se guardó el ajuste "backup_folder_id": No se encontró la carpeta de copias de seguridad nofolder1 /,
    ],
    [
      'startMigration',
      [{ force: 'yes' }],
      'Option "force" of startMigration must be true or false, got "yes".',
      /^La opción "force" de startMigration debe ser true o false; se recibió "yes"\.$/,
    ],
    [
      'startMigration',
      [{ speed: 1 }],
      'Unknown option "speed" for startMigration: the options are force (true to start over), target ' +
        "(the migration to run up to, such as 'v4.0') and live (true to save progress as it goes).",
      /^Opción desconocida "speed" de startMigration: las opciones son force/,
    ],
    [
      'startMigration',
      [{ target: 'v9.9' }],
      'Unknown target "v9.9": the migrations this add-on knows are v3.0, v3.1, v4.0. Nothing was changed.',
      /^Destino desconocido "v9\.9": .* No se cambió nada\.$/,
    ],
    [
      'continueMigration',
      [{ live: 1 }],
      'Option "live" of continueMigration must be true or false, got 1.',
      /^La opción "live" de continueMigration debe ser true o false; se recibió 1\.$/,
    ],
    [
      'continueMigration',
      [{ quick: true }],
      'Unknown option "quick" for continueMigration: the only option is live (true to save progress as it goes).',
      /^Opción desconocida "quick" de continueMigration: la única opción es live/,
    ],
    [
      'rollbackMigration',
      [{ mode: 'half', confirm: true }],
      'Rollback option "mode" must be "full" (restore the whole sheet from the backup) or "columns" ' +
        '(remove only the columns the migration added), got "half".',
      /^La opción "mode" de la reversión debe ser "full" .*; se recibió "half"\.$/,
    ],
    [
      'rollbackMigration',
      [{ mode: 'full' }],
      'A rollback changes the sheet: pass confirm: true to go ahead, e.g. {mode: "columns", confirm: true}. ' +
        'Nothing was changed.',
      /^Una reversión cambia la hoja: indique confirm: true .* No se cambió nada\.$/,
    ],
    [
      'rollbackMigration',
      [{ mode: 'full', confirm: true, later: 1, now: 2 }],
      'Unknown rollback options "later", "now". Known options: mode, confirm, override_window.',
      /^Opciones de reversión desconocidas: "later", "now"\. Opciones existentes: mode, /,
    ],
    [
      'rollbackMigration',
      [{ mode: 'columns', confirm: true, override_window: 'yes' }],
      'Rollback option "override_window" must be true or false, got "yes".',
      /^La opción "override_window" de la reversión debe ser true o false; se recibió "yes"\.$/,
    ],
    [
      'rollbackMigration',
      [],
      'Rollback options must be an object such as {mode: "columns", confirm: true}, got nothing.',
      /^Las opciones de la reversión deben ser un objeto como .*; se recibió nada\.$/,
    ],
    [
      'verifyMigration',
      [],
      'No migration has been recorded for this spreadsheet, so there is nothing to verify. ' +
        'Run the migration first (Extensions > Sheet Schema Migrator > Run migration), then verify it.',
      /^No consta ninguna migración .*\(Extensiones > Sheet Schema Migrator > Ejecutar la migración\)/,
    ],
    [
      'previewMigration',
      [{ target: 4 }],
      'Option "target" of previewMigration must be a migration id such as \'v4.0\', got 4.',
      /^La opción "target" de previewMigration debe ser el id de una migración/,
    ],
  ];

  function refusal(locale: string, fn: string, args: unknown[]) {
    const world = new World({ user: { locale } });
    const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 30 }));
    const before = JSON.stringify(world.snapshot({ times: false }));
    const result = world.run(fn, args, { activeSpreadsheet: ss.id });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(world.snapshot({ times: false }))).toBe(before);
    return result.ok ? '' : result.error.message;
  }

  it.each(cases)('%s(%j) is refused in Spanish', (fn, args, english, spanish) => {
    const message = refusal('es', fn, args);
    expect(message).toMatch(spanish);
    expect(message).not.toBe(english);
    expect(englishWords(message)).toEqual([]);
    expect(englishWords(english).length).toBeGreaterThan(0); // the detector sees English where there is some
  });

  it.each(cases)('%s(%j) is refused in English as before', (fn, args, english) => {
    expect(refusal('en', fn, args)).toBe(english);
  });
});

test('after the migration, a start over or an earlier target is refused in Spanish, nothing changed', () => {
  const { world, as } = spanishWorld();
  expect((world.call('startMigration', [{ target: 'v4.0' }], as) as { state: string }).state).toBe('done');
  const before = JSON.stringify(world.snapshot({ times: false }));
  const refusals = [
    world.run('startMigration', [{ force: true }], as),
    world.run('startMigration', [{ target: 'v3.0' }], as),
  ].map((r) => (r.ok ? '' : r.error.message));
  expect(refusals[0]).toMatch(/^No hay nada que empezar de nuevo: .* No se cambió nada\.$/);
  expect(refusals[1]).toMatch(
    /^El destino v3\.0 queda por debajo del esquema actual .* No se cambió nada\.$/,
  );
  for (const text of refusals) expect(text).not.toMatch(ENGLISH);
  expect(JSON.stringify(world.snapshot({ times: false }))).toBe(before);
});

test('a verification whose backup is in the trash says so in Spanish', () => {
  const { world, as } = spanishWorld();
  expect((world.call('startMigration', [], as) as { state: string }).state).toBe('done');
  type Intact = { backup: { file_id: string }; backup_error?: string };
  const verify = () =>
    (world.call('verifyMigration', [], as) as { checks: { v21_data_intact: Intact } }).checks.v21_data_intact;
  // the emulator's World has no public way to trash a file: a person trashing the backup in Drive
  const state = (world as unknown as { state: { drive: { items: Map<string, { trashed: boolean }> } } })
    .state;
  (state.drive.items.get(verify().backup.file_id) as { trashed: boolean }).trashed = true;
  const problem = verify().backup_error ?? '';
  expect(problem).toMatch(/^La copia de seguridad ".*" \(.*\) está en la papelera de Drive, .* Restáurela/);
  expect(problem).not.toMatch(ENGLISH);
});

test("a failed verification's errors are in Spanish, each after its check's name", () => {
  const { world, ss, as } = spanishWorld();
  expect((world.call('startMigration', [], as) as { state: string }).state).toBe('done');
  const sheet = ss.sheet('Operaciones');
  const header = sheet.row(1) as string[];
  sheet.setValues(1, header.indexOf('Cliente') + 1, [['CLIENTÉ']]);
  const report = world.call('verifyMigration', [], as) as { success: boolean; errors: string[] };
  expect(report.success).toBe(false);
  expect(report.errors).toEqual([
    'v21_data_intact: 1 celdas de v2.1 difieren de la copia de seguridad; la primera en la fila 1, ' +
      '"Cliente": copia "Cliente", ahora "CLIENTÉ".',
  ]);
  for (const error of report.errors) expect(error).not.toMatch(ENGLISH);
});

test('a sheet protected by its owner is refused in Spanish, nothing changed', () => {
  const world = new World({ user: { email: 'ana@zeues.example', locale: 'es' } });
  const ss = world.createSpreadsheet({
    ...zeuesWorkbook({ rows: 30, keyHeader: 'TAG' }),
    owner: 'jefe@zeues.example',
    editors: ['ana@zeues.example'],
  });
  ss.protect('Operaciones', { editors: ['jefe@zeues.example'] });
  const before = JSON.stringify(world.snapshot({ times: false }));
  const refused = world.run('startMigration', [], { activeSpreadsheet: ss.id });
  const message = refused.ok ? '' : refused.error.message;
  expect(message).toMatch(
    /^La migración no puede empezar\. No puede editar la hoja "Operaciones" \(No tiene permiso para editar la hoja "Operaciones": está protegida\.\)/,
  );
  expect(message).not.toMatch(ENGLISH);
  expect(JSON.stringify(world.snapshot({ times: false }))).toBe(before);
});

test('a preview toward a target below the current schema is refused in Spanish', () => {
  const { world, as } = spanishWorld();
  expect((world.call('startMigration', [{ target: 'v3.1' }], as) as { state: string }).state).toBe('done');
  const refused = world.run('previewMigration', [{ target: 'v3.0' }], as);
  const message = refused.ok ? '' : refused.error.message;
  expect(message).toMatch(/^El destino v3\.0 queda por debajo del esquema actual \(3\.1\): /);
  expect(message).not.toMatch(ENGLISH);
});

test("a verification of a sheet where a new column's header appears twice fails in Spanish", () => {
  const { world, ss, as } = spanishWorld();
  expect((world.call('startMigration', [], as) as { state: string }).state).toBe('done');
  const sheet = ss.sheet('Operaciones');
  const header = sheet.row(1) as string[];
  sheet.setValues(1, header.indexOf('Cliente') + 1, [['version']]);
  const report = world.call('verifyMigration', [], as) as {
    success: boolean;
    errors: string[];
    checks: { new_headers: { problems: string[] } };
  };
  expect(report.success).toBe(false);
  expect(report.checks.new_headers.problems).toEqual([
    '"version" aparece 2 veces; debería aparecer exactamente una',
  ]);
  expect(report.errors.length).toBeGreaterThan(0);
  for (const error of report.errors) expect(error).not.toMatch(ENGLISH);
});

describe('v4.0 and its Uniones sheet in Spanish', () => {
  function unionsWorld(edit?: (workbook: WorkbookModel) => void) {
    const workbook = withUniones(v31Workbook({ rows: 20 }), (spool) => spool % 4);
    if (edit) edit(workbook);
    return worldOf(workbook, { user: { locale: 'es' } });
  }
  const sheetOf = (workbook: WorkbookModel, name: string) =>
    workbook.sheets.find((sheet) => sheet.name === name) as WorkbookModel['sheets'][number];

  it("a preview gives the other sheets' blocking reasons in Spanish", () => {
    const f = unionsWorld((workbook) => {
      const uniones = sheetOf(workbook, 'Uniones');
      uniones.values[0][13] = uniones.values[0][4];
      workbook.sheets = workbook.sheets.filter((sheet) => sheet.name !== 'Metadata');
    });
    const plan = f.world.call('previewMigration', [], f.as) as { blocking: string[] };
    expect(plan.blocking).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^No se encontró la hoja "Metadata", y v4\.0 le añade N_UNION\. /),
        expect.stringMatching(/^La hoja "Uniones" tiene encabezados repetidos \(dn_union\)\. /),
      ]),
    );
    for (const reason of plan.blocking) expect(reason).not.toMatch(ENGLISH);
  });

  it('a verification after a Uniones column lost its header says so in Spanish', () => {
    const f = unionsWorld();
    expect((f.world.call('startMigration', [], f.as) as { state: string }).state).toBe('done');
    const uniones = f.ss.sheet('Uniones');
    const at = (uniones.row(1) as string[]).indexOf('DN_UNION');
    uniones.setValues(1, at + 1, [['DN']]);
    const report = f.world.call('verifyMigration', [], f.as) as {
      success: boolean;
      errors: string[];
    };
    expect(report.success).toBe(false);
    expect(report.errors).toEqual([
      'uniones_structure: a la hoja "Uniones" le faltan "DN_UNION".',
      'union_figures: La hoja "Uniones" no tiene la columna "DN_UNION", así que no se pueden calcular las ' +
        'cifras de uniones.',
    ]);
    for (const error of report.errors) expect(error).not.toMatch(ENGLISH);
  });
});

test('the edit freeze describes its protection in Spanish and removes it', () => {
  const { world, ss, as } = spanishWorld();
  world.call('setMigrationConfig', [{ edit_freeze: true }], as);
  const seen = new Set<string>();
  const run = world.run('startMigration', [], {
    ...as,
    beforeCall: Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [
        i + 1,
        // Sheet.protect() comes before setDescription: the call between them sees no description yet
        () => ss.protections().forEach((p) => p.description && seen.add(p.description)),
      ]),
    ),
  });
  expect(run.ok && (run.value as { state: string }).state).toBe('done');
  expect([...seen]).toEqual([
    expect.stringMatching(
      /^Migración de esquema \S+: ediciones en pausa hasta que terminen su copia de seguridad y su verificación/,
    ),
  ]);
  expect(ss.protections()).toEqual([]);
});

test('a sheet too slow for one block read per execution fails in Spanish', () => {
  const world = new World({ user: { locale: 'es' }, costs: { readPerCellUs: 3000 } });
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 1200 }));
  const runs = [world.run('startMigration', [], { activeSpreadsheet: ss.id })];
  while (runs.length < 30) {
    const last = runs[runs.length - 1];
    if (!last.ok || (last.value as { state: string }).state !== 'paused') break;
    const due = world.runDueTriggers();
    if (due.length === 0) break;
    runs.push(...due);
  }
  const last = runs[runs.length - 1];
  const message = last.ok ? String((last.value as { error?: string }).error ?? '') : last.error.message;
  expect(message).toMatch(
    /: Sheets está leyendo demasiado despacio para continuar: se calcula que leer .* de 1000 filas tardará unos \d+ s/,
  );
  expect(message).not.toMatch(ENGLISH);
});
