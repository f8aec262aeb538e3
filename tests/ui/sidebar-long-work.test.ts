/** @heavy Chromium and its processes (about 0.75 GB) */
// A verification and an undo longer than one execution, from the panel in Chromium against the built bundle:
// each call stops within its time budget and answers pending; the panel shows how far it got and calls again
// by itself until the work is done, as the owner would otherwise have to, click after click.
import type { Page } from 'playwright-core';
import { World } from '../../emulator';
import { migratedForLongWork } from '../support/rollback-bundle';
import { expectSameCells } from '../support/same-cells';
import { emulatorHandler, type ScriptRunHandler } from '../support/script-run-bridge';
import { openSidebar, screenshot, useSidebarBrowser } from './browser';

jest.setTimeout(180_000);

const ROWS = 20_000;
const harness = useSidebarBrowser();

function migrated() {
  const world = new World({});
  return { world, ...migratedForLongWork(world, ROWS) };
}

/** Records every text the element with `id` shows from now on (it comes and goes as answers arrive). */
async function recordTexts(page: Page, id: string): Promise<void> {
  await page.evaluate((watched) => {
    const seen: string[] = [];
    (window as unknown as Record<string, string[]>)[`seen_${watched}`] = seen;
    new MutationObserver(() => {
      const element = document.getElementById(watched);
      const shown = element?.parentElement?.innerText ?? '';
      if (element && seen[seen.length - 1] !== shown) seen.push(shown);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, id);
}

const textsSeen = (page: Page, id: string) =>
  page.evaluate((watched) => (window as unknown as Record<string, string[]>)[`seen_${watched}`], id);

test('a verification and a full undo that take several executions each finish from one click, showing their progress', async () => {
  const { world, ss, original } = migrated();
  const run = emulatorHandler(world, ss.id);
  let shown: Page | null = null;
  let undoCalls = 0;
  // The second call starts once the panel shows the first pending answer: the picture is of that state.
  const handler: ScriptRunHandler = async (fn, args) => {
    if (fn === 'rollbackMigration' && ++undoCalls === 2 && shown) await screenshot(shown, 'undo-in-progress');
    return run(fn, args);
  };
  const { page, calls, pageErrors } = await openSidebar(harness.browser(), harness.served(), handler);
  shown = page;
  await page.waitForSelector('body[data-state=ready]');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

  await recordTexts(page, 'verify-progress');
  const verifiesBefore = calls.filter((c) => c.fn === 'verifyMigration').length;
  await page.click('#verify-button');
  await page.waitForSelector('#verify-summary', { timeout: 120_000 });
  const verifies = calls.filter((c) => c.fn === 'verifyMigration').slice(verifiesBefore);
  expect(verifies.length).toBeGreaterThan(1);
  expect(await page.textContent('#verify-summary')).toBe('All 7 checks passed.');
  expect(await page.isVisible('#verify-error')).toBe(false);
  const verifyTexts = await textsSeen(page, 'verify-progress');
  expect(verifyTexts.length).toBeGreaterThan(0);
  for (const text of verifyTexts) expect(text).toMatch(/Checking…[\s\S]*\d[\d,]* of 20,000 rows checked/);

  await recordTexts(page, 'rollback-progress');
  await page.check('#mode-full');
  await page.click('#rollback-button');
  await page.click('#rollback-confirm-button');
  await page.waitForSelector('#rollback-summary', { timeout: 150_000 });
  const undos = calls.filter((c) => c.fn === 'rollbackMigration');
  expect(undos.length).toBeGreaterThan(1);
  for (const call of undos.slice(0, -1)) {
    expect(call.result).toMatchObject({ ok: true, value: { pending: true, success: false } });
  }
  expect(undos.map((c) => c.args)).toEqual(undos.map(() => [{ mode: 'full', confirm: true }]));
  expect(await page.textContent('#rollback-summary')).toBe('Undone.');
  expect(await page.isVisible('#rollback-error')).toBe(false);
  const undoTexts = await textsSeen(page, 'rollback-progress');
  expect(undoTexts.length).toBeGreaterThan(0);
  for (const text of undoTexts) {
    expect(text).toMatch(
      /Undoing…[\s\S]*(Saving the values written since the migration|Putting rows back from the backup copy|Comparing with the backup copy): [\d,]+ of [\d,]+/,
    );
  }
  await page.waitForSelector('#summary[data-phase=rolled_back]');
  expectSameCells(ss.sheet('Operaciones').values(), original.values);
  expectSameCells(ss.sheet('Operaciones').formulas(), original.formulas);
  expect(pageErrors).toEqual([]);
  await screenshot(page, 'long-undo-done');
  await page.context().close();
});

test('an undo that stopped at its time limit before the panel opened is carried on in its mode when it opens', async () => {
  const { world, ss, original } = migrated();
  const as = { activeSpreadsheet: ss.id };
  const first = world.call('rollbackMigration', [{ mode: 'full', confirm: true }], as);
  expect(first).toMatchObject({ pending: true });
  const { page, calls, pageErrors } = await openSidebar(
    harness.browser(),
    harness.served(),
    emulatorHandler(world, ss.id),
  );
  await page.waitForSelector('#summary[data-phase=rolled_back]', { timeout: 150_000 });
  const undos = calls.filter((c) => c.fn === 'rollbackMigration');
  expect(undos.length).toBeGreaterThan(0);
  expect(undos.map((c) => c.args)).toEqual(undos.map(() => [{ mode: 'full', confirm: true }]));
  expect(await page.textContent('#rollback-summary')).toBe('Undone.');
  expectSameCells(ss.sheet('Operaciones').values(), original.values);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('an undo refused midway (another execution holds the lock) says why and that it is under way, and goes on when asked', async () => {
  const { world, ss, original } = migrated();
  const run = emulatorHandler(world, ss.id);
  let undoCalls = 0;
  const handler: ScriptRunHandler = (fn, args) => {
    if (fn === 'rollbackMigration') world.lockHeldElsewhere(ss.id, ++undoCalls === 2);
    return run(fn, args);
  };
  const { page, pageErrors } = await openSidebar(harness.browser(), harness.served(), handler);
  await page.waitForSelector('body[data-state=ready]');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await page.check('#mode-full');
  await page.click('#rollback-button');
  await page.click('#rollback-confirm-button');
  await page.waitForSelector('#rollback-error:not([hidden])', { timeout: 60_000 });
  expect(undoCalls).toBe(2);
  expect(await page.textContent('#rollback-error')).toMatch(/Another run is in progress/);
  expect(await page.$('#rollback-progress')).toBeNull();
  await page.waitForFunction(() =>
    /An undo of the whole sheet is under way/.test(
      document.getElementById('rollback-eligibility')?.textContent ?? '',
    ),
  );

  await page.click('#rollback-button');
  await page.click('#rollback-confirm-button');
  await page.waitForSelector('#summary[data-phase=rolled_back]', { timeout: 150_000 });
  expect(await page.textContent('#rollback-summary')).toBe('Undone.');
  expectSameCells(ss.sheet('Operaciones').values(), original.values);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
