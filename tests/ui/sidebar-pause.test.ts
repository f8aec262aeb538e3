/** @heavy Chromium and its processes (about 0.75 GB) */
// Pause in the panel, in Chromium against the built bundle: Pause asks the server to pause (pauseMigration), the
// loop stops, and the run waits for its owner: the hourly trigger that fires meanwhile removes itself and changes
// nothing; Resume (resumeMigration) goes on from the checkpoint to the end.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { emulatorHandler, type ScriptRunHandler } from '../support/script-run-bridge';
import { openSidebar, screenshot, useSidebarBrowser } from './browser';

jest.setTimeout(120_000);

const harness = useSidebarBrowser();

interface Status {
  state: string;
  pause_requested_at?: string;
  steps: { progress?: { done: number } }[];
}

const progressOf = (status: Status) => status.steps.reduce((sum, s) => sum + (s.progress?.done ?? 0), 0);

test('Pause stops the run and keeps it paused until Resume', async () => {
  const world = new World({});
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 20_000 }));
  world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], { activeSpreadsheet: ss.id });
  const as = { activeSpreadsheet: ss.id };
  // The panel's first continueMigration() is held until the person has pressed Pause: the click lands while a
  // slice is in flight, as it would on a sheet of any size.
  const run = emulatorHandler(world, ss.id);
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let slices = 0;
  const handler: ScriptRunHandler = async (fn, args) => {
    if (fn === 'continueMigration' && slices++ === 0) await gate;
    const result = run(fn, args);
    if (fn === 'pauseMigration') release();
    return result;
  };
  const { page, calls, pageErrors } = await openSidebar(harness.browser(), harness.served(), handler);
  await page.waitForSelector('#summary[data-phase=ready]');
  await page.click('#primary-button');
  await page.waitForSelector('#primary-button[data-action=pause]');
  await page.click('#primary-button');
  await page.waitForSelector('#summary[data-phase=paused]', { timeout: 60_000 });
  expect(calls.map((c) => c.fn)).toContain('pauseMigration');
  expect(await page.textContent('#detail')).toMatch(/You paused it: it waits for you/);
  expect(await page.textContent('#primary-button')).toBe('Resume');
  await screenshot(page, 'run-paused-by-owner');

  const paused = world.call('getMigrationStatus', [], as) as Status;
  expect(paused).toMatchObject({ state: 'paused', pause_requested_at: expect.any(String) });
  world.clock.advance(2 * 60 * 60 * 1000);
  world.runDueTriggers();
  expect(world.triggers().filter((t) => t.nextRunAt !== null)).toEqual([]);
  expect(progressOf(world.call('getMigrationStatus', [], as) as Status)).toBe(progressOf(paused));

  await page.click('#primary-button');
  await page.waitForSelector('#summary[data-phase=done]', { timeout: 90_000 });
  expect(calls.map((c) => c.fn)).toContain('resumeMigration');
  expect(ss.metadata('schema_version')).toBe('3.0');
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
