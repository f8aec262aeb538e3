// The sidebar in Debian's chromium, talking through google.script.run to the built bundle in the emulator:
// preview, a 20,000-row run driven slice by slice by the sidebar, verification, and data shown as text.
import path from 'node:path';
import { World } from '../../emulator';
import { CHECK_NAMES } from '../../src/core/contract';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { emulatorHandler, type ScriptRunHandler } from '../support/script-run-bridge';
import {
  DIALOG_TRAP,
  openSidebar,
  PROGRESS_RECORDER,
  ROOT,
  screenshot,
  useSidebarBrowser,
  type ProgressSeen,
} from './browser';

jest.setTimeout(150_000);

const NEW_HEADERS = ['Ocupado_Por', 'Fecha_Ocupacion', 'version'];
const harness = useSidebarBrowser();

function zeuesWorld(rows: number, name = 'ZEUES') {
  const world = new World({});
  const workbook = zeuesWorkbook({ rows, name });
  const ss = world.createSpreadsheet({ ...workbook, name });
  return { world, ss };
}

test('preview shows the plan read from the live sheet, enables Run and changes nothing', async () => {
  const { world, ss } = zeuesWorld(600);
  const before = JSON.stringify(world.snapshot());
  const { page, calls, pageErrors, blockedRequests } = await openSidebar(
    harness.browser(),
    harness.served(),
    emulatorHandler(world, ss.id),
  );
  await page.waitForSelector('body[data-state=ready]');
  await page.waitForSelector('#plan-ready');

  expect(await page.textContent('[data-field=sheet]')).toBe('Operaciones');
  expect(await page.textContent('[data-field=rows]')).toBe('600');
  const added = await page.$$eval('[data-field=columns-to-add] code', (nodes) =>
    nodes.map((n) => n.textContent),
  );
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
  // The first continueMigration() waits until the screenshot of the run in progress is taken.
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const run = emulatorHandler(world, ss.id);
  let slices = 0;
  const handler: ScriptRunHandler = async (fn, args) => {
    if (fn === 'continueMigration' && slices++ === 0) await gate;
    return run(fn, args);
  };
  const { page, calls, pageErrors } = await openSidebar(harness.browser(), harness.served(), handler, {
    initScripts: [PROGRESS_RECORDER],
  });
  await page.waitForSelector('#plan-ready');
  // A short time budget per slice, set through the settings form, so the run takes several slices.
  await page.click('#settings-section summary');
  await page.fill('#cfg-time_budget_seconds', '5');
  await page.click('#settings-save');
  expect(await page.textContent('[data-error-for=time_budget_seconds]')).toBe('Between 30 and 330.');
  expect(calls.filter((c) => c.fn === 'setMigrationConfig')).toEqual([]);
  await page.fill('#cfg-time_budget_seconds', '30');
  await page.click('#settings-save');
  await page.waitForSelector('#settings-saved:not([hidden])');
  expect(calls.filter((c) => c.fn === 'setMigrationConfig').map((c) => c.args)).toEqual([
    [{ time_budget_seconds: 30 }],
  ]);
  expect(world.call('getMigrationConfig', [], { activeSpreadsheet: ss.id })).toMatchObject({
    time_budget_seconds: 30,
  });
  await page.click('#settings-section summary');

  await page.click('#run-button');
  await page.waitForSelector('#pause-button:not([hidden])');
  await page.waitForSelector('[data-step=create_backup][data-status=running] [role=progressbar]');
  expect(await page.textContent('[data-field=result]')).toContain('Paused');
  // The README's screenshot is refreshed only on request (UPDATE_DOCS_SCREENSHOT=1), so a test run leaves the
  // tracked tree as it was.
  const docsCopy =
    process.env.UPDATE_DOCS_SCREENSHOT === '1' ? path.join(ROOT, 'docs/sidebar.png') : undefined;
  await screenshot(page, 'run-in-progress', docsCopy);
  release();
  await page.waitForFunction(
    () => /complete/.test(document.getElementById('run-message')?.textContent ?? ''),
    null,
    {
      timeout: 120_000,
    },
  );

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
  const steps = [...new Set(seen.map((e) => e.step))];
  const valuesOf = (step: string) => seen.filter((e) => e.step === step).map((e) => e.done);
  // Some chunked step's bar took more than one value on screen; no bar ever went backwards; all ended full.
  expect(steps.some((step) => new Set(valuesOf(step)).size > 1)).toBe(true);
  for (const step of steps) {
    expect(valuesOf(step)).toEqual([...valuesOf(step)].sort((a, b) => a - b));
    expect(seen.filter((e) => e.step === step).pop()).toMatchObject({
      done: 20_000,
      total: 20_000,
      width: '100%',
    });
  }
  const continued = calls.filter((c) => c.fn === 'continueMigration');
  expect(continued.length).toBeGreaterThan(0);
  expect(calls.filter((c) => !c.result.ok)).toEqual([]);

  const header = ss.sheet('Operaciones').values()[0] as string[];
  expect(header.slice(-3)).toEqual(NEW_HEADERS);
  expect(ss.metadata('schema_version')).toBe('3.0');
  expect(await page.textContent('[data-field=result]')).toContain('Done');
  expect(pageErrors).toEqual([]);
  await screenshot(page, 'run-done');
  console.log(
    `progress seen: ${seen.map((e) => `${e.step} ${e.done}/${e.total}`).join(', ')}; continueMigration slices: ${continued.length}`,
  );
  await page.context().close();
});

test('verification shows a table of the seven checks, all passing, after a migration', async () => {
  const { world, ss } = zeuesWorld(1500);
  world.call('startMigration', [{}], { activeSpreadsheet: ss.id });
  const { page } = await openSidebar(harness.browser(), harness.served(), emulatorHandler(world, ss.id));
  await page.waitForSelector('body[data-state=ready]');
  await page.click('#verify-button');
  await page.waitForSelector('#checks-table');

  const rows = await page.$$eval('#checks-table tbody tr', (trs) =>
    trs.map((tr) => [
      tr.getAttribute('data-check'),
      tr.getAttribute('data-passed'),
      tr.querySelector('.badge')?.textContent,
    ]),
  );
  expect(rows).toEqual(CHECK_NAMES.map((name) => [name, 'true', 'Pass']));
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
  const notas = sheet.values[0].indexOf('Notas');
  sheet.values[0][notas] = attack;
  const ss = world.createSpreadsheet({ ...workbook, name: attack });
  world.call('startMigration', [{}], { activeSpreadsheet: ss.id });
  // Someone types into the renamed column after the migration: verification reports it under that header.
  ss.sheet('Operaciones').setValues(3, notas + 1, [[attack]]);
  const { page, dialogs, pageErrors } = await openSidebar(
    harness.browser(),
    harness.served(),
    emulatorHandler(world, ss.id),
    {
      initScripts: [DIALOG_TRAP],
    },
  );
  await page.waitForSelector('body[data-state=ready]');
  await page.click('#verify-button');
  await page.waitForSelector('#checks-table');
  await page.waitForSelector('[data-check=v21_data_intact] .differences li');

  expect(await page.textContent('[data-check=v21_data_intact] .differences li')).toBe(
    `row 3, ${attack}: ${sheetValueBefore(workbook, notas)} → ${attack}`,
  );
  expect(await page.getAttribute('[data-check=v21_data_intact]', 'data-passed')).toBe('false');
  expect(await page.textContent('[data-field=backup] a')).toContain(attack);
  expect(await page.$$('img')).toHaveLength(0);
  expect(await page.evaluate('window.__dialogsOpened')).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
  await screenshot(page, 'xss-as-text');
  await page.context().close();
});

function sheetValueBefore(workbook: ReturnType<typeof zeuesWorkbook>, column: number): string {
  const value = workbook.sheets.find((s) => s.name === 'Operaciones')!.values[2][column];
  return value === '' ? '—' : String(value);
}
