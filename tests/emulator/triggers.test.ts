import { table, worldWith } from './support/bundle';

// Time-driven triggers: https://developers.google.com/apps-script/reference/script/clock-trigger-builder
// 20 triggers per user per script: https://developers.google.com/apps-script/guides/services/quotas
// Add-ons: time-driven triggers at most once an hour, one trigger of each type per document:
// https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions

const code = `
  function schedule(ms) { return ScriptApp.newTrigger('resume').timeBased().after(ms).create().getUniqueId(); }
  function every(minutes) { ScriptApp.newTrigger('resume').timeBased().everyMinutes(minutes).create(); }
  function hourly() { ScriptApp.newTrigger('resume').timeBased().everyHours(1).create(); }
  function list() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    return [ScriptApp.getProjectTriggers().length, ss ? ScriptApp.getUserTriggers(ss).map(function (t) { return t.getHandlerFunction(); }) : null];
  }
  function clear() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
  function resume(e) {
    var started = new Date().toISOString();
    PropertiesService.getDocumentProperties().setProperty('resumed', String(e.triggerUid));
    return [SpreadsheetApp.getActiveSpreadsheet(), started];
  }
`;

function setup(installation: 'addon' | 'bound' = 'addon') {
  const world = worldWith(code, { installation });
  const ss = world.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: table(1, 1) }] });
  return { world, ss, opts: { activeSpreadsheet: ss.id } };
}

test('an add-on may not create time-driven triggers more often than hourly', () => {
  const { world, opts } = setup();
  expect(world.run('every', [5], opts)).toMatchObject({
    ok: false,
    error: { message: 'The recurrence interval for an Add-on trigger must be at least one hour.' },
  });
  expect(world.run('hourly', [], opts).ok).toBe(true);
});

test("an add-on's after(ms) trigger runs no earlier than an hour later; a bound script's runs when asked", () => {
  const addon = setup();
  addon.world.call('schedule', [60_000], addon.opts);
  expect(addon.world.triggers()[0]).toMatchObject({
    handler: 'resume',
    type: 'CLOCK',
    spreadsheetId: addon.ss.id,
  });
  expect(
    Date.parse(addon.world.triggers()[0].nextRunAt as string) - addon.world.clock.nowMs(),
  ).toBeGreaterThan(3_500_000);
  const bound = setup('bound');
  bound.world.call('schedule', [60_000], bound.opts);
  expect(Date.parse(bound.world.triggers()[0].nextRunAt as string)).toBeLessThan(
    bound.world.clock.nowMs() + 60_001,
  );
  expect(bound.world.run('every', [5], bound.opts).ok).toBe(true);
});

test('an add-on may hold one time-driven trigger per document', () => {
  const { world, opts } = setup();
  world.call('schedule', [3_600_000], opts);
  expect(world.run('schedule', [3_600_000], opts)).toMatchObject({
    ok: false,
    error: {
      message:
        'This add-on has created too many time-based triggers in this document for this Google user account.',
    },
  });
  expect(world.call('list', [], opts)).toEqual([1, ['resume']]);
  world.call('clear', [], opts);
  expect(world.triggers()).toEqual([]);
});

test('more than 20 triggers per user per script is refused', () => {
  const { world } = setup('bound');
  for (let i = 0; i < 20; i++) world.call('schedule', [1000]);
  expect(world.run('schedule', [1000])).toMatchObject({
    ok: false,
    error: {
      message:
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    },
  });
});

test('runDueTriggers advances the clock and runs the handler with no active spreadsheet, keeping its document', () => {
  const { world, ss, opts } = setup();
  const id = world.call('schedule', [0], opts);
  const due = world.triggers()[0].nextRunAt as string;
  const [r] = world.runDueTriggers();
  expect(r.trigger).toEqual({ id, handler: 'resume' });
  expect(r).toMatchObject({ ok: true, value: [null, due] });
  expect(world.documentProperties(ss.id)).toEqual({ resumed: id });
  // a one-off trigger stays listed (it must be deleted) but never runs again
  expect(world.triggers()[0].nextRunAt).toBeNull();
  expect(world.runDueTriggers()).toEqual([]);
});
