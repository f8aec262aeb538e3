// The sidebar picks up a run that was in progress when it opened (a reload, or a run started elsewhere), and
// stops with the server's message when the server refuses.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { emulatorHandler } from '../support/script-run-bridge';
import { openSidebar, screenshot, useSidebarBrowser } from './browser';

jest.setTimeout(120_000);

const harness = useSidebarBrowser();

test('a run paused when the sidebar opens is resumed by the sidebar and driven to the end', async () => {
  const world = new World({});
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 20_000 }));
  world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], { activeSpreadsheet: ss.id });
  const first = world.call('startMigration', [{}], { activeSpreadsheet: ss.id }) as { state: string };
  expect(first.state).toBe('paused');

  const { page, calls, pageErrors } = await openSidebar(
    harness.browser(),
    harness.served(),
    emulatorHandler(world, ss.id),
  );
  await page.waitForSelector('#summary[data-phase=done]', { timeout: 90_000 });
  const fns = calls.map((c) => c.fn);
  expect(fns).not.toContain('startMigration');
  expect(fns.filter((fn) => fn === 'continueMigration').length).toBeGreaterThan(0);
  expect(world.call('getMigrationStatus', [], { activeSpreadsheet: ss.id })).toMatchObject({ state: 'done' });
  expect(world.triggers()).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('while another execution holds the run, the sidebar shows why it waits, and Run is back once it is free', async () => {
  const world = new World({});
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 200 }));
  const { page, calls } = await openSidebar(
    harness.browser(),
    harness.served(),
    emulatorHandler(world, ss.id),
  );
  await page.waitForSelector('#summary[data-phase=ready]');
  world.lockHeldElsewhere(ss.id, true);
  await page.click('#primary-button');
  await page.waitForFunction(() =>
    /Another migration run/.test(document.getElementById('run-message')?.textContent ?? ''),
  );
  const told = calls.find((c) => c.fn === 'startMigration');
  expect(told?.result.ok && (told.result.value as { message: string }).message).toBe(
    await page.textContent('#run-message'),
  );
  expect(ss.sheet('Operaciones').values()[0]).not.toContain('version');
  await screenshot(page, 'run-waiting-for-lock');

  // The other execution let go without starting anything: the sidebar stops following it and the action is back.
  world.lockHeldElsewhere(ss.id, false);
  await page.waitForSelector('#primary-button[data-action=start]:not([hidden]):enabled', { timeout: 60_000 });
  expect(await page.textContent('#primary-button')).toBe('Migrate to v3.0');
  await page.click('#primary-button');
  await page.waitForSelector('#summary[data-phase=done]');
  expect((ss.sheet('Operaciones').values()[0] as string[]).slice(-3)).toEqual([
    'Ocupado_Por',
    'Fecha_Ocupacion',
    'version',
  ]);
  await page.context().close();
});

test('a slice that dies stops the loop with the error, and Resume finishes the run from its checkpoint', async () => {
  const world = new World({});
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 200 }));
  let starts = 0;
  const { page, calls } = await openSidebar(harness.browser(), harness.served(), (fn, args) => {
    const dies = fn === 'startMigration' && starts++ === 0;
    const r = world.run(fn, args, {
      activeSpreadsheet: ss.id,
      ...(dies ? { failAt: { call: 25, message: 'Service Spreadsheets timed out' } } : {}),
    });
    return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
  });
  await page.waitForSelector('#summary[data-phase=ready]');
  await page.click('#primary-button');
  await page.waitForSelector('#run-message.error');
  expect(await page.textContent('#run-message')).toBe('Error: Service Spreadsheets timed out');
  expect(calls.filter((c) => c.fn === 'continueMigration')).toEqual([]);
  await page.waitForFunction(() => document.getElementById('primary-button')?.textContent === 'Resume');
  expect(await page.textContent('#headline')).toMatch(/^Migration to v3\.0 (paused|stopped)$/);
  await screenshot(page, 'run-error');

  await page.click('#primary-button');
  await page.waitForSelector('#summary[data-phase=done]');
  expect(ss.metadata('schema_version')).toBe('3.0');
  expect(world.call('verifyMigration', [], { activeSpreadsheet: ss.id })).toMatchObject({ success: true });
  await page.context().close();
});

test('a server without getSchemaInfo: the panel works from the status and the plan, and shows no error for it', async () => {
  const world = new World({});
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 300 }));
  world.call('startMigration', [{}], { activeSpreadsheet: ss.id });
  const run = emulatorHandler(world, ss.id);
  const { page, calls, pageErrors } = await openSidebar(harness.browser(), harness.served(), (fn, args) =>
    fn === 'getSchemaInfo'
      ? { ok: false, error: { name: 'Error', message: 'Script function not found: getSchemaInfo' } }
      : run(fn, args),
  );
  await page.waitForSelector('body[data-state=ready]');
  expect(await page.textContent('#headline')).toBe('The sheet is at schema v3.0');
  expect(await page.textContent('#detail')).toBe('Migration to v3.0 is complete. All 7 checks passed.');
  expect(await page.isHidden('#primary-button')).toBe(true);
  expect(await page.isHidden('#plan-section')).toBe(true);
  // The plan of a migration already made is not even asked for.
  expect(calls.map((c) => c.fn)).not.toContain('previewMigration');
  expect(await page.$$eval('.error', (n) => n.map((e) => e.textContent).filter(Boolean))).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
