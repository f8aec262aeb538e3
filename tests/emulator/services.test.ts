import { table, worldWith } from './support/bundle';

// LockService, HtmlService, Ui, Session, Utilities, PropertiesService basics.

const code = `
  function run(src, a) { return (new Function('a', src))(a); }
  function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
`;
const sidebar =
  '<html><body><?!= include("Part") ?><h1><?= title ?></h1><? if (items.length) { ?><p>n=<?= items.length ?></p><? } ?></body></html>';

function setup() {
  const world = worldWith(code, {}, { 'Sidebar.html': sidebar, 'Part.html': '<b>part</b>' });
  const ss = world.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: table(1, 1) }] });
  const run = (src: string, a?: unknown) =>
    world.run('run', [src, a], { activeSpreadsheet: ss.id, via: 'menu' });
  return { world, ss, run };
}

// https://developers.google.com/apps-script/reference/lock/lock
test('document lock: tryLock succeeds alone, fails while another execution holds it; waitLock throws', () => {
  const { world, ss, run } = setup();
  expect(
    run('var l = LockService.getDocumentLock(); var ok = l.tryLock(1000); return [ok, l.hasLock()];'),
  ).toMatchObject({ value: [true, true] });
  world.lockHeldElsewhere(ss.id, true);
  const r = run('var l = LockService.getDocumentLock(); return [l.tryLock(5000), l.hasLock()];');
  expect(r).toMatchObject({ value: [false, false] });
  expect(r.stats.virtualMs).toBeGreaterThanOrEqual(5000);
  expect(run('LockService.getDocumentLock().waitLock(1000);')).toMatchObject({
    ok: false,
    error: { message: 'Lock timeout: another process was holding the lock for too long.' },
  });
  world.lockHeldElsewhere(ss.id, false);
  expect(run('return LockService.getDocumentLock().tryLock(0);')).toMatchObject({ value: true });
  expect(world.run('run', ['return LockService.getDocumentLock();'], { via: 'trigger' })).toMatchObject({
    ok: true,
    value: null,
  });
});

// https://developers.google.com/apps-script/guides/html/templates
test('HtmlService serves .html files from distDir; templates escape <?= ?>, print <?!= ?> raw, run <? ?>', () => {
  const { world, run } = setup();
  const r = run(`
    var t = HtmlService.createTemplateFromFile('Sidebar');
    t.title = '<Migración & más>'; t.items = [1, 2];
    var out = t.evaluate().setTitle('Migration').setWidth(300);
    SpreadsheetApp.getUi().showSidebar(out);
    return out.getContent();`);
  expect(r).toMatchObject({
    ok: true,
    value: '<html><body><b>part</b><h1>&lt;Migración &amp; más&gt;</h1><p>n=2</p></body></html>',
  });
  expect(world.ui.sidebars).toEqual([{ title: 'Migration', html: (r.ok && r.value) as string }]);
  expect(run('HtmlService.createHtmlOutputFromFile("Missing");')).toMatchObject({
    ok: false,
    error: { message: 'No HTML file named Missing was found.' },
  });
});

// https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)
test('Ui: menus are recorded, alerts are answered by world.ui.respond', () => {
  const { world, run } = setup();
  run(`SpreadsheetApp.getUi().createMenu('Migration').addItem('Preview', 'previewMigration').addSeparator()
         .addItem('Start', 'startMigration').addToUi();`);
  expect(world.ui.menus).toEqual([
    {
      name: 'Migration',
      addon: false,
      items: [
        { caption: 'Preview', functionName: 'previewMigration' },
        { caption: 'Start', functionName: 'startMigration' },
      ],
    },
  ]);
  const ask = `var ui = SpreadsheetApp.getUi(); var b = ui.alert('Rollback', 'Remove the v3.0 columns?', ui.ButtonSet.YES_NO); return b == ui.Button.YES;`;
  expect(run(ask)).toMatchObject({ value: true });
  world.ui.respond = () => 'NO';
  expect(run(ask)).toMatchObject({ value: false });
  expect(world.ui.alerts[1]).toEqual({
    kind: 'alert',
    title: 'Rollback',
    prompt: 'Remove the v3.0 columns?',
    buttons: 'YES_NO',
  });
  world.ui.respond = () => ({ button: 'OK', text: 'v3.0' });
  expect(
    run(
      'var r = SpreadsheetApp.getUi().prompt("Version?"); return [r.getSelectedButton(), r.getResponseText()];',
    ),
  ).toMatchObject({
    value: ['OK', 'v3.0'],
  });
});

// https://developers.google.com/apps-script/reference/base/session
test('Session reports the configured user, locale and script time zone', () => {
  const world = worldWith(code, { user: { email: 'ana@zeues.cl', locale: 'es' } });
  expect(
    world.call('run', [
      'return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getActiveUserLocale(), Session.getScriptTimeZone()];',
    ]),
  ).toEqual(['ana@zeues.cl', 'ana@zeues.cl', 'es', 'America/Santiago']);
});

// https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
test('Utilities.formatDate takes Java SimpleDateFormat patterns and time zones', () => {
  const { run } = setup();
  const d = 'new Date("2026-11-24T15:04:05.007Z")';
  expect(
    run(`return [
    Utilities.formatDate(${d}, 'America/Santiago', 'dd-MM-yyyy HH:mm:ss'),
    Utilities.formatDate(${d}, 'UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"),
    Utilities.formatDate(${d}, 'Asia/Tokyo', 'EEE, d MMM yyyy h:mm a Z'),
    Utilities.formatDate(${d}, 'America/Santiago', "EEEE MMMM yy 'at' k 'o''clock'")];`),
  ).toMatchObject({
    value: [
      '24-11-2026 12:04:05',
      '2026-11-24T15:04:05.007Z',
      'Wed, 25 Nov 2026 12:04 AM +0900',
      "Tuesday November 26 at 12 o'clock",
    ],
  });
});

test('Utilities: computeDigest gives signed bytes, getUuid is deterministic per world, sleep advances time', () => {
  const { run } = setup();
  const r = run(
    `return [Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc').slice(0, 4), Utilities.getUuid(), Utilities.newBlob('hé').getDataAsString()];`,
  );
  // md5('abc') = 90 01 50 98 ...
  expect(r).toMatchObject({
    ok: true,
    value: [
      [-112, 1, 80, -104],
      expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/),
      'hé',
    ],
  });
  expect(
    setup().run('return Utilities.getUuid();').ok && setup().run('return Utilities.getUuid();'),
  ).toMatchObject({ value: (r.ok && (r.value as string[])[1]) as string });
  expect(run('var t = Date.now(); Utilities.sleep(1500); return Date.now() - t;')).toMatchObject({
    value: 1500,
  });
});

// https://developers.google.com/apps-script/reference/properties/properties
test('properties: script, user and per-document stores', () => {
  const { world, ss, run } = setup();
  const other = world.createSpreadsheet({ name: 'T', sheets: [{ name: 'A', values: table(1, 1) }] });
  run(`PropertiesService.getDocumentProperties().setProperties({ 'migration.state': 'running', 'migration.step': '2' });
       PropertiesService.getScriptProperties().setProperty('s', '1');
       PropertiesService.getUserProperties().setProperty('u', '2');`);
  expect(world.documentProperties(ss.id)).toEqual({ 'migration.state': 'running', 'migration.step': '2' });
  expect(world.documentProperties(other.id)).toEqual({});
  expect(world.scriptProperties()).toEqual({ s: '1' });
  expect(world.userProperties()).toEqual({ u: '2' });
  expect(
    run(`var p = PropertiesService.getDocumentProperties(); p.deleteProperty('migration.step');
              return [p.getKeys(), p.getProperty('migration.step'), p.getProperties()];`),
  ).toMatchObject({
    value: [['migration.state'], null, { 'migration.state': 'running' }],
  });
  run('PropertiesService.getDocumentProperties().deleteAllProperties();');
  expect(world.documentProperties(ss.id)).toEqual({});
  expect(
    world.run('run', ['return PropertiesService.getDocumentProperties();'], { via: 'trigger' }),
  ).toMatchObject({ value: null });
});
