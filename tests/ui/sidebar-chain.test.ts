/** @heavy Chromium and its processes (about 0.75 GB) */
// The chain in the panel, in Chromium against the built bundle in the emulator: after v3.0 the panel shows the
// schema the sheet is at, v3.0 applied with its backup and v3.1 and v4.0 pending; the owner picks v4.0 and one
// click takes the sheet through v3.1 and v4.0, each its own run, after which nothing is pending. In Spanish too.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { V3_1 } from '../../src/core/migrations/v3_1';
import { V4_0 } from '../../src/core/migrations/v4_0';
import { emulatorHandler } from '../support/script-run-bridge';
import { openSidebar, screenshot, useSidebarBrowser } from './browser';

jest.setTimeout(120_000);

const harness = useSidebarBrowser();

/** A 300-row sample (with Uniones) already at v3.0, migrated by the bundle itself so the history has its backup. */
function atV30(locale = 'en') {
  const world = new World({ user: { locale } });
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 300, uniones: true }));
  const status = world.call('startMigration', [], { activeSpreadsheet: ss.id }) as { state: string };
  expect(status.state).toBe('done');
  return { world, ss };
}

const texts = (page: import('playwright-core').Page, selector: string) =>
  page.$$eval(selector, (nodes) => nodes.map((node) => node.textContent ?? ''));

test('after v3.0: the chain card and a target picker; picking v4.0 runs v3.1 and v4.0 in one go', async () => {
  const { world, ss } = atV30();
  const { page, calls, pageErrors } = await openSidebar(
    harness.browser(),
    harness.served(),
    emulatorHandler(world, ss.id),
  );
  await page.waitForSelector('body[data-state=ready]');
  await page.waitForSelector('#primary-button:enabled');
  expect(await page.textContent('#primary-button')).toBe('Migrate to v3.1');
  expect(await page.isVisible('#target-picker')).toBe(true);
  expect(await texts(page, '#target-select option')).toEqual([
    'v3.1 (the next one)',
    'v4.0 (2 migrations, one after another)',
  ]);

  await page.click('#chain-section summary');
  expect(await page.textContent('[data-field=current]')).toBe('This sheet is at v3.0.');
  const applied = await texts(page, '[data-field=applied] li');
  expect(applied).toHaveLength(1);
  expect(applied[0]).toMatch(/^v3\.0 · .*2026.* · ZEUES \(v3\.0 backup /);
  expect(await page.getAttribute('[data-field=applied] li a', 'href')).toMatch(/^https:\/\//);
  expect(await texts(page, '[data-field=pending] li strong')).toEqual(['v3.1', 'v4.0']);
  await screenshot(page, 'chain-pick');

  await page.selectOption('#target-select', 'v4.0');
  expect(await page.textContent('#primary-button')).toBe('Migrate to v4.0');
  await page.click('#primary-button');
  await page.waitForSelector('body[data-phase=done] #primary-button', { state: 'hidden', timeout: 90_000 });
  await page.waitForFunction(() =>
    document.querySelector('[data-field=current]')?.textContent?.includes('v4.0'),
  );

  expect(calls.filter((c) => c.fn === 'startMigration').map((c) => c.args)).toEqual([
    [{ target: 'v4.0', live: true }],
  ]);
  expect(await page.textContent('#headline')).toBe('The sheet is at schema v4.0');
  expect(await texts(page, '[data-field=applied] li strong')).toEqual(['v3.0', 'v3.1', 'v4.0']);
  expect(await page.textContent('#chain-body')).toContain(
    'None: this is the newest schema the add-on knows.',
  );
  expect(await page.isHidden('#target-picker')).toBe(true);
  expect(ss.metadata('schema_version')).toBe('4.0');
  expect(ss.sheet('Operaciones').row(1).slice(-5)).toEqual([
    'Total_Uniones',
    'Uniones_ARM_Completadas',
    'Uniones_SOLD_Completadas',
    'Pulgadas_ARM',
    'Pulgadas_SOLD',
  ]);
  expect(pageErrors).toEqual([]);
  await screenshot(page, 'chain-done');
  await page.context().close();
});

test('the chain card and the picker in Spanish', async () => {
  const { world, ss } = atV30('es');
  const { page, pageErrors } = await openSidebar(
    harness.browser(),
    harness.served(),
    emulatorHandler(world, ss.id),
    {
      query: '?hl=es',
      locale: 'es-CL',
    },
  );
  await page.waitForSelector('body[data-state=ready]');
  await page.waitForSelector('#primary-button:enabled');
  expect(await page.textContent('#primary-button')).toBe('Migrar a v3.1');
  expect(await page.textContent('label[for=target-select]')).toBe('Migrar hasta');
  expect(await texts(page, '#target-select option')).toEqual([
    'v3.1 (la siguiente)',
    'v4.0 (2 migraciones, una tras otra)',
  ]);
  await page.click('#chain-section summary');
  expect(await page.textContent('#chain-section h2')).toBe('Versiones del esquema');
  expect(await page.textContent('[data-field=current]')).toBe('Esta hoja está en v3.0.');
  expect(await texts(page, '[data-field=pending] li')).toEqual([
    `v3.1 · ${V3_1.descriptions?.es}`,
    `v4.0 · ${V4_0.descriptions?.es}`,
  ]);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
