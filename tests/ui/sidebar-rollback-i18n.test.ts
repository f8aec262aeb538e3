// The sidebar in Debian's chromium against the built bundle in the emulator: the rollback flow with its second
// confirmation and window override, and the Spanish interface chosen from the user's locale.
import { World } from '../../emulator';
import { en } from '../../src/ui/messages-en';
import { es } from '../../src/ui/messages-es';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { emulatorHandler } from '../support/script-run-bridge';
import { openSidebar, screenshot, serveSidebar, useSidebarBrowser } from './browser';

jest.setTimeout(120_000);

const DAY = 24 * 3600 * 1000;
const harness = useSidebarBrowser();

function migratedWorld(rows: number, user?: { locale?: string }) {
  const world = new World(user ? { user } : {});
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows }));
  const status = world.call('startMigration', [{}], { activeSpreadsheet: ss.id }) as { state: string };
  expect(status.state).toBe('done');
  return { world, ss };
}

test('rollback asks a second time, then removes the v3.0 columns and shows its report', async () => {
  const { world, ss } = migratedWorld(800);
  const v21Header = (ss.sheet('Operaciones').values()[0] as string[]).slice(0, -3);
  const { page, calls } = await openSidebar(
    harness.browser(),
    harness.served(),
    emulatorHandler(world, ss.id),
  );
  await page.waitForSelector('body[data-state=ready]');
  await page.click('#rollback-section summary');
  await page.waitForSelector('#rollback-eligibility .ok-text');
  expect(await page.textContent('#rollback-eligibility')).toMatch(
    /^Eligible: 0 days since the migration, window of 7 days\.$/,
  );

  await page.check('#mode-columns');
  await page.click('#rollback-button');
  expect(await page.isVisible('#rollback-confirm')).toBe(true);
  expect(await page.textContent('#rollback-confirm-text')).toBe(en.rollback_confirm_columns);
  await screenshot(page, 'rollback-confirm');
  await page.click('#rollback-cancel-button');
  expect(await page.isVisible('#rollback-confirm')).toBe(false);
  expect(calls.filter((c) => c.fn === 'rollbackMigration')).toEqual([]);

  await page.click('#rollback-button');
  await page.click('#rollback-confirm-button');
  await page.waitForSelector('#rollback-summary');
  expect(await page.textContent('#rollback-summary')).toBe('Rollback complete.');
  const rollbacks = calls.filter((c) => c.fn === 'rollbackMigration');
  expect(rollbacks.map((c) => c.args)).toEqual([[{ mode: 'columns', confirm: true }]]);
  expect(ss.sheet('Operaciones').values()[0]).toEqual(v21Header);
  expect(ss.metadata('schema_version')).toBe('2.1');
  await page.waitForFunction(
    () => document.querySelector('[data-field=result]')?.textContent === 'Rolled back',
  );
  await page.click('#history-section summary');
  await page.waitForSelector('.history-entry[data-kind=rollback]');
  await screenshot(page, 'rollback-done');
  await page.context().close();
});

test('outside the rollback window, rolling back needs the override box and sends override_window', async () => {
  const { world, ss } = migratedWorld(400);
  world.clock.advance(8 * DAY);
  const { page, calls } = await openSidebar(
    harness.browser(),
    harness.served(),
    emulatorHandler(world, ss.id),
  );
  await page.waitForSelector('body[data-state=ready]');
  await page.click('#rollback-section summary');
  await page.waitForSelector('#override-row:not([hidden])');
  expect(await page.isDisabled('#rollback-button')).toBe(true);
  await page.check('#override-window');
  await page.check('#mode-full');
  await page.click('#rollback-button');
  expect(await page.textContent('#rollback-confirm-text')).toBe(en.rollback_confirm_full);
  await page.click('#rollback-confirm-button');
  await page.waitForSelector('#rollback-summary');
  const rollbacks = calls.filter((c) => c.fn === 'rollbackMigration');
  expect(rollbacks.map((c) => c.args)).toEqual([[{ mode: 'full', confirm: true, override_window: true }]]);
  expect(ss.metadata('schema_version')).toBe('2.1');
  await screenshot(page, 'rollback-override');
  await page.context().close();
});

test('a Spanish-speaking user gets the whole sidebar in Spanish from the locale the server passes', async () => {
  const world = new World({ user: { locale: 'es' } });
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 300 }));
  world.run('menuOpenSidebar', [], { activeSpreadsheet: ss.id, via: 'menu' });
  const sidebar = world.ui.sidebars[world.ui.sidebars.length - 1];
  const spanishPage = await serveSidebar(() => sidebar.html);
  try {
    // The browser says English: the language must come from the template's data-locale.
    const { page } = await openSidebar(harness.browser(), spanishPage, emulatorHandler(world, ss.id), {
      locale: 'en-US',
    });
    await page.waitForSelector('body[data-state=ready]');
    await page.waitForSelector('#plan-ready');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.textContent('h1')).toBe(es.app_title);
    expect(await page.textContent('#run-button')).toBe(es.run_start);
    expect(await page.textContent('#plan-ready')).toBe(es.plan_ready);
    expect(await page.textContent('[data-step=create_backup] .step-name')).toBe(es.step_create_backup);

    const visible = await page.evaluate(() => document.body.innerText);
    const english = Object.entries(en)
      .filter(
        ([key, value]) => value !== es[key as keyof typeof es] && !value.includes('{') && value.length > 3,
      )
      .map(([, value]) => value)
      // As whole words: 'Result' inside 'Resultado' is Spanish.
      .filter((value) =>
        new RegExp(`(^|[^\\p{L}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(
          visible,
        ),
      );
    expect(english).toEqual([]);
    await screenshot(page, 'spanish');
    await page.context().close();
  } finally {
    await spanishPage.close();
  }
});

test('?hl=es picks Spanish even when the browser and the template say nothing', async () => {
  const world = new World({});
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 50 }));
  const { page } = await openSidebar(harness.browser(), harness.served(), emulatorHandler(world, ss.id), {
    query: '?hl=es',
  });
  await page.waitForSelector('body[data-state=ready]');
  expect(await page.textContent('#preview-button')).toBe(es.plan_preview);
  expect(await page.textContent('[data-step=test_smoke] .step-status')).toBe(es.step_pending);
  await page.context().close();
});
