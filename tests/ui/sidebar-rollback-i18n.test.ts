/** @heavy Chromium and its processes (about 0.75 GB) */
// The panel in Chromium against the built bundle in the emulator: undo with its second confirmation and the
// window override, the state after an undo (no stale results), and the Spanish panel chosen from the locale.
import type { Page } from 'playwright-core';
import { World } from '../../emulator';
import { en } from '../../src/ui/messages-en';
import { es } from '../../src/ui/messages-es';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { emulatorHandler, type ScriptRunHandler } from '../support/script-run-bridge';
import { openSidebar, screenshot, serveSidebar, useSidebarBrowser } from './browser';
import { expectAboveTheFold } from './shots';

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

const openAll = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

/** The panel's English texts (placeholders cut out) found as whole words in what the page shows. */
async function englishShown(page: Page): Promise<string[]> {
  const visible = await page.evaluate(() => document.body.innerText);
  const fragments = Object.entries(en)
    .filter(([key, value]) => value !== es[key as keyof typeof es])
    .flatMap(([, value]) => value.split(/\{\w+\}/))
    .map((part) =>
      part
        .trim()
        .replace(/^[.,:;…]+|[.,:;…]+$/g, '')
        .trim(),
    )
    .filter((part) => part.length > 3 && /\p{L}{3}/u.test(part));
  return [...new Set(fragments)].filter((part) =>
    new RegExp(`(^|[^\\p{L}])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(visible),
  );
}

test('undo asks a second time, then shows the undone state with nothing stale from before', async () => {
  const { world, ss } = migratedWorld(800);
  const v21Header = (ss.sheet('Operaciones').row(1) as string[]).slice(0, -3);
  const { page, calls, pageErrors } = await openSidebar(
    harness.browser(),
    harness.served(),
    emulatorHandler(world, ss.id),
  );
  await page.waitForSelector('body[data-state=ready]');
  await page.click('#rollback-section summary');
  await page.waitForSelector('#rollback-eligibility .ok-text');
  expect(await page.textContent('#rollback-eligibility')).toBe(
    'It can be undone: 0 days since the migration, of 7 allowed.',
  );
  expect(await page.textContent('#verify-summary')).toBe('All 7 checks passed.');

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
  await page.waitForSelector('#summary[data-phase=rolled_back]');
  await page.waitForSelector('#plan-ready', { state: 'attached' });
  expect(calls.filter((c) => c.fn === 'rollbackMigration').map((c) => c.args)).toEqual([
    [{ mode: 'columns', confirm: true }],
  ]);
  expect(ss.sheet('Operaciones').row(1)).toEqual(v21Header);
  expect(ss.metadata('schema_version')).toBe('2.1');

  await expectAboveTheFold(page);
  await page.setViewportSize({ width: 300, height: 900 });
  await openAll(page);
  expect(await page.textContent('#headline')).toBe('Undone: the sheet is back at schema v2.1');
  expect(await page.textContent('#rollback-summary')).toBe('Undone.');
  expect(await page.textContent('#rollback-eligibility')).toBe('');
  const shown = await page.evaluate(() => document.body.innerText);
  // Nothing from the migration just undone: its checks, "cannot be undone", a missing backup.
  expect(shown).not.toMatch(/checks passed|Number of columns|cannot be undone|No backup/);
  expect(await page.isHidden('#checks-section')).toBe(true);
  expect(await page.textContent('[data-field=backup] a')).toMatch(/^ZEUES \(v3\.0 backup /);
  // Disabled means disabled: nothing to undo, so no undo button to press.
  expect(await page.isHidden('#rollback-form')).toBe(true);
  expect(await page.isDisabled('#rollback-button')).toBe(true);
  // The one action is to migrate again, with the fresh plan of the sheet as it is now (66 columns).
  expect(await page.textContent('#primary-button')).toBe('Migrate to v3.0');
  expect(await page.isEnabled('#primary-button')).toBe(true);
  expect(await page.textContent('[data-field=columns]')).toBe(String(v21Header.length));
  const badges = await page.$$eval('.history-entry .badge', (nodes) => nodes.map((n) => n.textContent));
  // The undo, the migration and the checks it made: one vocabulary for all three.
  expect(badges).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
  expect(pageErrors).toEqual([]);
  await screenshot(page, 'rollback-done');
  await page.context().close();
});

test('outside the window, undo needs the override box; the disabled button does nothing', async () => {
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
  expect(await page.textContent('#rollback-eligibility .warn-text')).toMatch(/^It cannot be undone: /);
  expect(await page.isDisabled('#rollback-button')).toBe(true);
  await page.click('#rollback-button', { force: true });
  expect(await page.isVisible('#rollback-confirm')).toBe(false);
  await page.check('#override-window');
  expect(await page.isEnabled('#rollback-button')).toBe(true);
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

test('a Spanish session: the whole panel in Spanish during a run and once done, numbers the Spanish way', async () => {
  const world = new World({ user: { locale: 'es' } });
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 12_000 }));
  world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], { activeSpreadsheet: ss.id });
  world.run('menuOpenSidebar', [], { activeSpreadsheet: ss.id, via: 'menu' });
  const sidebar = world.ui.sidebars[world.ui.sidebars.length - 1];
  const spanishPage = await serveSidebar(() => sidebar.html);
  const run = emulatorHandler(world, ss.id);
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  // The first slice after one that compared rows is held: by then the panel has measured a speed. (How many
  // slices the run takes depends on the machine: the emulator charges the script's own CPU time.)
  let comparedRows = false;
  let held = false;
  const rowsIn = (value: unknown) =>
    ((value as { steps?: { progress?: { done: number } }[] }).steps ?? []).reduce(
      (sum, step) => sum + (step.progress?.done ?? 0),
      0,
    );
  const handler: ScriptRunHandler = async (fn, args) => {
    if (fn === 'continueMigration' && comparedRows && !held) {
      held = true;
      await gate;
    }
    const result = await run(fn, args);
    if ((fn === 'startMigration' || fn === 'continueMigration') && result.ok && rowsIn(result.value) > 0) {
      comparedRows = true;
    }
    return result;
  };
  try {
    // The browser says English: the language must come from the template's data-locale.
    const { page, pageErrors } = await openSidebar(harness.browser(), spanishPage, handler, {
      locale: 'en-US',
    });
    await page.waitForSelector('body[data-state=ready]');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await openAll(page);
    expect(await englishShown(page)).toEqual([]);
    expect(await page.textContent('[data-field=rows]')).toBe('12.000');
    expect(await page.textContent('[data-field=cells]')).toMatch(
      /^\d{1,3}(\.\d{3})+ de 10\.000\.000 permitidas$/,
    );
    await screenshot(page, 'spanish-ready');

    await page.click('#primary-button');
    await page.waitForSelector('#summary[data-phase=running] [role=progressbar]');
    await page.waitForFunction(() => /aprox\./i.test(document.getElementById('run-eta')?.textContent ?? ''));
    expect(await page.textContent('#headline')).toBe('Migrando a v3.0');
    expect(await page.textContent('#run-eta')).toMatch(
      /^(Aprox\. \d+ (s|min) con este panel abierto; aprox\. \d+ h( \d+ min)? si lo cierra|Quedan aprox\. \d+ (s|min), con este panel abierto o cerrado)\.$/,
    );
    expect(await page.textContent('#current-progress')).toMatch(
      // Spanish groups thousands from five digits on: 1000, 12.000.
      /^(\d{1,4}|\d{1,3}(\.\d{3})+) de 12\.000 filas$/,
    );
    expect(await englishShown(page)).toEqual([]);
    await expectAboveTheFold(page);
    await screenshot(page, 'spanish-running');
    release();

    await page.waitForSelector('#summary[data-phase=done]', { timeout: 90_000 });
    await page.waitForSelector('#rollback-eligibility .ok-text');
    await openAll(page);
    expect(await page.textContent('#headline')).toBe('La hoja está en el esquema v3.0');
    expect(await page.textContent('[data-step=test_smoke] .step-name')).toBe(es.step_test_smoke);
    expect(await englishShown(page)).toEqual([]);
    expect(await page.textContent('[data-field=updated]')).toMatch(
      /^Actualizado \d{1,2} nov 2026, \d{1,2}:\d{2}$/,
    );
    expect(pageErrors).toEqual([]);
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
  expect(await page.textContent('#primary-button')).toBe('Migrar a v3.0');
  expect(await page.textContent('[data-step=test_smoke] .step-status')).toBe(es.step_pending);
  await page.context().close();
});
