// The sidebar in Debian's chromium, talking through google.script.run to the built bundle in the emulator:
// preview, a 20,000-row run driven slice by slice by the sidebar, verification, and data shown as text.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { emulatorHandler } from '../support/script-run-bridge';
import {
  DIALOG_TRAP,
  launchBrowser,
  openSidebar,
  PROGRESS_RECORDER,
  ROOT,
  screenshot,
  serveSidebar,
  type ProgressSeen,
  type SidebarServer,
} from './browser';

jest.setTimeout(150_000);

const NEW_HEADERS = ['Ocupado_Por', 'Fecha_Ocupacion', 'version'];
let browser: Browser;
let served: SidebarServer;

beforeAll(async () => {
  browser = await launchBrowser();
  served = await serveSidebar();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

function zeuesWorld(rows: number, name = 'ZEUES') {
  const world = new World({});
  const workbook = zeuesWorkbook({ rows, name });
  const ss = world.createSpreadsheet({ ...workbook, name });
  return { world, ss };
}

test('preview shows the plan read from the live sheet, enables Run and changes nothing', async () => {
  const { world, ss } = zeuesWorld(600);
  const before = JSON.stringify(world.snapshot());
  const { page, calls, pageErrors, blockedRequests } = await openSidebar(browser, served, emulatorHandler(world, ss.id));
  await page.waitForSelector('body[data-state=ready]');
  await page.waitForSelector('#plan-ready');

  expect(await page.textContent('[data-field=sheet]')).toBe('Operaciones');
  expect(await page.textContent('[data-field=rows]')).toBe('600');
  const added = await page.$$eval('[data-field=columns-to-add] code', (nodes) => nodes.map((n) => n.textContent));
  expect(added).toEqual(NEW_HEADERS);
  expect(await page.textContent('[data-field=schema]')).toBe('v2.1');
  expect(await page.isEnabled('#run-button')).toBe(true);
  expect(calls.map((c) => c.fn)).toContain('previewMigration');
  expect(JSON.stringify(world.snapshot())).toBe(before);
  expect(pageErrors).toEqual([]);
  expect(blockedRequests).toEqual([]);
  await screenshot(page, 'preview');
  await page.context().close();
});

test('a 20,000-row migration runs to the end through the sidebar loop, the progress bar advancing', async () => {
  const { world, ss } = zeuesWorld(20_000);
  const { page, calls, pageErrors } = await openSidebar(browser, served, emulatorHandler(world, ss.id), {
    initScripts: [PROGRESS_RECORDER],
  });
  await page.waitForSelector('#plan-ready');
  await page.click('#run-button');
  await page.waitForSelector('#pause-button:not([hidden])');
  await page.waitForFunction(() => document.querySelectorAll('[role=progressbar]').length > 0, null, {
    timeout: 120_000,
  });
  await screenshot(page, 'run-in-progress', path.join(ROOT, 'docs/sidebar.png'));
  await page.waitForFunction(() => /complete/.test(document.getElementById('run-message')?.textContent ?? ''), null, {
    timeout: 120_000,
  });

  const statuses = await page.$$eval('#steps [data-step]', (rows) =>
    rows.map((r) => [r.getAttribute('data-step'), r.getAttribute('data-status')]),
  );
  expect(statuses).toEqual([
    ['create_backup', 'done'],
    ['add_v3_columns', 'done'],
    ['verify_schema', 'done'],
    ['initialize_versions', 'done'],
    ['test_smoke', 'done'],
  ]);
  const seen = (await page.evaluate('window.__progressSeen')) as ProgressSeen[];
  const initialize = seen.filter((e) => e.step === 'initialize_versions');
  // The bar moved through more than one value, never backwards, and ended full.
  expect(new Set(initialize.map((e) => e.done)).size).toBeGreaterThan(1);
  expect(initialize.map((e) => e.done)).toEqual([...initialize.map((e) => e.done)].sort((a, b) => a - b));
  expect(initialize[initialize.length - 1]).toMatchObject({ done: 20_000, total: 20_000, width: '100%' });
  const slices = calls.filter((c) => c.fn === 'continueMigration');
  expect(slices.length).toBeGreaterThan(0);
  expect(calls.filter((c) => !c.result.ok)).toEqual([]);

  const header = ss.sheet('Operaciones').values()[0] as string[];
  expect(header.slice(-3)).toEqual(NEW_HEADERS);
  expect(ss.metadata('schema_version')).toBe('3.0');
  expect(await page.textContent('[data-field=result]')).toContain('Done');
  expect(pageErrors).toEqual([]);
  await screenshot(page, 'run-done');
  console.log(`progress seen: ${initialize.map((e) => e.done).join(', ')}; slices: ${slices.length}`);
  await page.context().close();
});

test('verification shows a table of the seven checks, all passing, after a migration', async () => {
  const { world, ss } = zeuesWorld(1500);
  world.call('startMigration', [{}], { activeSpreadsheet: ss.id });
  const { page } = await openSidebar(browser, served, emulatorHandler(world, ss.id));
  await page.waitForSelector('body[data-state=ready]');
  await page.click('#verify-button');
  await page.waitForSelector('#checks-table');

  const rows = await page.$$eval('#checks-table tbody tr', (trs) =>
    trs.map((tr) => [tr.getAttribute('data-check'), tr.getAttribute('data-passed'), tr.querySelector('.badge')?.textContent]),
  );
  expect(rows).toEqual(
    ['column_count', 'new_headers', 'versions', 'occupation_empty', 'v21_data_intact', 'column_mapping', 'report'].map(
      (name) => [name, 'true', 'Pass'],
    ),
  );
  expect(await page.textContent('#verify-summary')).toBe('All 7 checks passed.');
  const columnCount = await page.textContent('[data-check=column_count] .check-values');
  const v21 = ss.sheet('Operaciones').lastColumn - 3;
  expect(columnCount).toContain(`Expected: ${v21 + 3}`);
  expect(columnCount).toContain(`Actual: ${v21 + 3}`);
  await screenshot(page, 'verification');
  await page.context().close();
});

test('a header and a file name such as <img src=x onerror=alert(1)> are shown as text and run nothing', async () => {
  const attack = '<img src=x onerror=alert(1)>';
  const world = new World({});
  const workbook = zeuesWorkbook({ rows: 300 });
  const sheet = workbook.sheets.find((s) => s.name === 'Operaciones')!;
  sheet.values = sheet.values.map((row, i) => [...row, i === 0 ? attack : attack]);
  if (sheet.formulas) sheet.formulas = sheet.formulas.map((row) => [...row, null]);
  sheet.maxColumns = Math.max(sheet.maxColumns, sheet.values[0].length);
  const ss = world.createSpreadsheet({ ...workbook, name: attack });
  const { page, dialogs, pageErrors } = await openSidebar(browser, served, emulatorHandler(world, ss.id), {
    initScripts: [DIALOG_TRAP],
  });
  await page.waitForSelector('body[data-state=ready]');
  await page.waitForSelector('#plan-body dl');
  await page.waitForTimeout(300);

  expect(await page.textContent('[data-field=backup-name]')).toContain(attack);
  expect(await page.evaluate(() => document.body.innerText)).toContain(attack);
  expect(await page.$$('img')).toHaveLength(0);
  expect(await page.evaluate('window.__dialogsOpened')).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
  await screenshot(page, 'xss-as-text');
  await page.context().close();
});
