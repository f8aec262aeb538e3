/** @heavy Chromium and its processes (about 0.75 GB) */
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

test('while another execution holds the lock, the sidebar says why nothing started, and Run works once it is free', async () => {
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
    /Another run is in progress/.test(document.getElementById('run-message')?.textContent ?? ''),
  );
  const told = calls.find((c) => c.fn === 'startMigration');
  expect(told?.result.ok).toBe(false);
  expect(await page.textContent('#run-message')).toContain(
    told && !told.result.ok ? told.result.error.message : 'the refusal',
  );
  expect(ss.sheet('Operaciones').row(1)).not.toContain('version');
  await screenshot(page, 'run-waiting-for-lock');

  // The other execution let go: the action is there, and this time it runs.
  world.lockHeldElsewhere(ss.id, false);
  await page.waitForSelector('#primary-button[data-action=start]:not([hidden]):enabled', { timeout: 60_000 });
  expect(await page.textContent('#primary-button')).toBe('Migrate to v3.0');
  await page.click('#primary-button');
  await page.waitForSelector('#summary[data-phase=done]');
  expect((ss.sheet('Operaciones').row(1) as string[]).slice(-3)).toEqual([
    'Ocupado_Por',
    'Fecha_Ocupacion',
    'version',
  ]);
  await page.context().close();
});

/**
 * A call three quarters into the panel's first slice: after the run has recorded its checkpoint, before it ends.
 * Counted on a twin world, so the test follows the run's calls as they change.
 */
function dyingCall(args: unknown[]): number {
  const twin = new World({});
  const ss = twin.createSpreadsheet(zeuesWorkbook({ rows: 200 }));
  const clean = twin.run('startMigration', args, { activeSpreadsheet: ss.id });
  return Math.floor(clean.stats.roundTrips * 0.75);
}

test('a slice that dies stops the loop with the error, and Resume finishes the run from its checkpoint', async () => {
  const world = new World({});
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 200 }));
  let starts = 0;
  const { page, calls } = await openSidebar(harness.browser(), harness.served(), (fn, args) => {
    const dies = fn === 'startMigration' && starts++ === 0;
    const r = world.run(fn, args, {
      activeSpreadsheet: ss.id,
      ...(dies ? { failAt: { call: dyingCall(args), message: 'Service Spreadsheets timed out' } } : {}),
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

test('progress a server saves during its first slice moves the bar and brings a time left before the slice returns', async () => {
  // The emulator's engine saves progress only when a slice ends, so the server here is scripted: the real
  // bundle answers everything but the run itself, whose status advances 2,000 rows every 2 s of server time
  // while startMigration() is held, as a server saving its progress mid-slice would report it.
  const world = new World({});
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 300 }));
  const real = emulatorHandler(world, ss.id);
  const started = Date.parse('2026-11-24T12:00:00.000Z');
  let polls = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  let finished = false;
  const statusAt = (done: number, state: string) => ({
    migration: 'v3.0',
    run_id: 'v3.0-run',
    state,
    dry_run: false,
    steps: [
      {
        name: 'create_backup',
        status: 'running',
        started_at: new Date(started).toISOString(),
        progress: { done, total: 20_000 },
      },
      { name: 'add_v3_columns', status: 'pending' },
      { name: 'verify_schema', status: 'pending' },
      { name: 'initialize_versions', status: 'pending' },
      { name: 'test_smoke', status: 'pending' },
    ],
    updated_at: new Date(started + done).toISOString(), // 1 ms a row: 1,000 rows/s of server time
  });
  const { page, pageErrors } = await openSidebar(
    harness.browser(),
    harness.served(),
    async (fn, args) => {
      if (fn === 'startMigration') {
        held = true;
        await gate;
        held = false;
        return { ok: true, value: statusAt(10_000, 'paused') };
      }
      if (fn === 'continueMigration') finished = true;
      // once the scripted run has ended, the status stays what it ended with, as a real server's would
      if (fn === 'continueMigration' || (fn === 'getMigrationStatus' && finished))
        return { ok: true, value: { ...statusAt(20_000, 'done'), state: 'done' } };
      if (fn === 'getMigrationStatus' && held) {
        polls += 1;
        return { ok: true, value: statusAt(Math.min(8_000, 2_000 * polls), 'not_started') };
      }
      return real(fn, args);
    },
    { query: '?poll=100' },
  );
  await page.waitForSelector('#summary[data-phase=ready]');
  await page.click('#primary-button');
  await page.waitForFunction(
    () =>
      document.querySelector('#current-progress [role=progressbar]')?.getAttribute('aria-valuenow') ===
      '8000',
  );
  expect(held).toBe(true);
  expect(await page.textContent('#current-progress')).toBe('8,000 of 20,000 rows');
  // 12,000 backup rows + 20,000 of the final check at 1,000 rows/s: 32 s, inside the slice under way.
  expect(await page.textContent('#run-eta')).toBe('About 40 s left, with this panel open or closed.');
  expect(await page.textContent('#headline')).toBe('Migrating to v3.0');
  release();
  await page.waitForSelector('#summary[data-phase=done]');
  expect(polls).toBeGreaterThanOrEqual(4);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('a plan with something blocking it: no way to start, what blocks it shown without a click, and a check again once fixed', async () => {
  const world = new World({});
  const workbook = zeuesWorkbook({ rows: 50 });
  const operaciones = workbook.sheets.find((s) => s.name === 'Operaciones')!;
  const tag = operaciones.values[0].indexOf('TAG_SPOOL');
  operaciones.values[0][tag] = 'TAG_X';
  const ss = world.createSpreadsheet(workbook);
  const { page, calls } = await openSidebar(
    harness.browser(),
    harness.served(),
    emulatorHandler(world, ss.id),
  );
  await page.waitForSelector('#summary[data-phase=blocked]');
  expect(await page.textContent('#headline')).toBe('Cannot migrate to v3.0 yet');
  expect(await page.textContent('#primary-button')).toBe('Check the sheet again');
  expect(await page.isVisible('#plan-blocking')).toBe(true);
  expect(await page.textContent('#plan-blocking li')).toMatch(/TAG_SPOOL/);
  await screenshot(page, 'blocked');

  // The owner restores the header; checking again makes the migration possible.
  ss.sheet('Operaciones').setValues(1, tag + 1, [['TAG_SPOOL']]);
  await page.click('#primary-button');
  await page.waitForSelector('#summary[data-phase=ready]');
  expect(await page.textContent('#primary-button')).toBe('Migrate to v3.0');
  expect(calls.filter((c) => c.fn === 'previewMigration')).toHaveLength(2);
  expect(calls.map((c) => c.fn)).not.toContain('startMigration');
  await page.context().close();
});
