import { World } from '../../emulator';
import { bundle, table, worldWith } from './support/bundle';

// Executions: each run loads every .js file of distDir into a fresh vm context (as gas-local and Apps Script
// do) whose globals are the services; the world persists between runs.
// https://developers.google.com/apps-script/guides/v8-runtime

const code = `
  var loadedAt = new Date().toISOString();
  var counter = 0;
  function bump() { counter += 1; return counter; }
  function now() { return { loadedAt: loadedAt, now: new Date().toISOString(), ms: Date.now() }; }
  function active() { var ss = SpreadsheetApp.getActiveSpreadsheet(); return ss === null ? null : ss.getName(); }
  function ui() { SpreadsheetApp.getUi(); return 'ui'; }
  function returnsDate() { return { steps: [{ started_at: new Date() }] }; }
  function returnsUndefinedInside() { return { a: [1, undefined] }; }
  function fails() { throw new Error('plan has blocking reasons: fix the header'); }
  function logs() { Logger.log('a %s', 'b'); console.warn('careful', { n: 1 }); return 1; }
  function unknownMethod() { return SpreadsheetApp.getActiveSpreadsheet().getBandings(); }
  function unknownService() { return UrlFetchApp.fetch('https://example.com'); }
  function helper() { return typeof otherFile; }
  function dateIn(d) { return Object.prototype.toString.call(d) + ':' + (d instanceof Date); }
`;

function world(): World {
  return new World({
    distDir: bundle({ 'Code.js': code, 'Other.js': 'function otherFile() { return 2; }' }),
  });
}

test('every .js file of distDir is loaded into one context', () => {
  expect(world().call('helper')).toBe('function');
});

test('each execution starts from a fresh context: globals do not survive between runs', () => {
  const w = world();
  expect(w.call('bump')).toBe(1);
  expect(w.call('bump')).toBe(1);
});

test('Date inside the vm follows the virtual clock, and the clock advances by each execution', () => {
  const w = new World({ distDir: bundle({ 'Code.js': code }), now: '2026-11-24T12:00:00.000Z' });
  expect(w.call('now')).toEqual({
    loadedAt: '2026-11-24T12:00:00.000Z',
    now: '2026-11-24T12:00:00.000Z',
    ms: Date.parse('2026-11-24T12:00:00.000Z'),
  });
  w.clock.advance(60_000);
  expect((w.call('now') as { now: string }).now).toBe('2026-11-24T12:01:00.000Z');
  const ss = w.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: table(2, 2) }] });
  const r = w.run('active', [], { activeSpreadsheet: ss.id });
  expect(r.stats.virtualMs).toBeGreaterThan(0);
  expect(w.clock.nowMs()).toBe(Date.parse('2026-11-24T12:01:00.000Z') + r.stats.virtualMs);
});

// A time-driven trigger has no active document and no UI:
// https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers
test('without an active spreadsheet getActiveSpreadsheet() returns null and getUi() throws', () => {
  const w = world();
  expect(w.call('active')).toBeNull();
  const r = w.run('ui', [], { via: 'trigger' });
  expect(r).toMatchObject({
    ok: false,
    error: { message: 'Cannot call SpreadsheetApp.getUi() from this context.' },
  });
});

test('with an active spreadsheet the UI is available by default', () => {
  const w = world();
  const ss = w.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: table(1, 1) }] });
  expect(w.call('active', [], { activeSpreadsheet: ss.id })).toBe('S');
  expect(w.call('ui', [], { activeSpreadsheet: ss.id })).toBe('ui');
  expect(w.run('ui', [], { activeSpreadsheet: ss.id, ui: false }).ok).toBe(false);
});

// google.script.run passes JSON-like values only:
// https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values
test('via google.script.run a returned Date or a nested undefined is refused naming its path', () => {
  const w = world();
  expect(() => w.run('returnsDate')).toThrow(/returned by returnsDate\(\)\.steps\[0\]\.started_at is a Date/);
  expect(() => w.run('returnsUndefinedInside')).toThrow(/\.a\[1\] is undefined/);
  const menu = w.run('returnsDate', [], { via: 'menu' });
  expect(menu.ok && (menu.value as { steps: { started_at: unknown }[] }).steps[0].started_at).toBeInstanceOf(
    Date,
  );
});

test('returned values are plain host copies', () => {
  const w = worldWith('function f() { return { list: [1, 2], nested: { a: "b" } }; }');
  const r = w.run('f');
  expect(r.ok && Array.isArray((r.value as { list: unknown }).list)).toBe(true);
  expect(r.ok && (r.value as { list: unknown[] }).list instanceof Array).toBe(true);
});

test('arguments cross into the vm as values of its realm', () => {
  expect(world().call('dateIn', [new Date(0)], { via: 'menu' })).toBe('[object Date]:true');
});

test('an error thrown by the code is reported with its name and message; call() rethrows it', () => {
  const w = world();
  expect(w.run('fails')).toMatchObject({
    ok: false,
    error: { name: 'Error', message: 'plan has blocking reasons: fix the header' },
  });
  expect(() => w.call('fails')).toThrow('plan has blocking reasons: fix the header');
});

test('a missing global function is reported, not ignored', () => {
  expect(world().run('doesNotExist')).toMatchObject({
    ok: false,
    error: { message: 'Script function not found: doesNotExist' },
  });
});

test('Logger.log and console.* are captured into the result logs', () => {
  const r = world().run('logs');
  expect(r.logs).toEqual([
    { level: 'info', message: 'a b' },
    { level: 'warn', message: 'careful {"n":1}' },
  ]);
});

test('a method or service the emulator does not provide throws "not emulated"', () => {
  const w = world();
  const ss = w.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: table(1, 1) }] });
  expect(w.run('unknownMethod', [], { activeSpreadsheet: ss.id })).toMatchObject({
    ok: false,
    error: { message: 'not emulated: Spreadsheet.getBandings' },
  });
  expect(w.run('unknownService')).toMatchObject({
    ok: false,
    error: { message: 'not emulated: UrlFetchApp.fetch' },
  });
});

test('stats count calls per Class.method and round trips; totals accumulate over executions', () => {
  const w = worldWith(`function f(id) {
    var sh = SpreadsheetApp.openById(id).getSheetByName('A');
    sh.getRange(1, 1, 3, 2).getValues();
    sh.getRange('A1').setValue('x');
    Utilities.formatDate(new Date(), 'UTC', 'yyyy');
    return sh.getName();
  }`);
  const ss = w.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: table(2, 2) }] });
  const r = w.run('f', [ss.id]);
  expect(r.stats.calls).toEqual({
    'SpreadsheetApp.openById': 1,
    'Spreadsheet.getSheetByName': 1,
    'Sheet.getRange': 2,
    'Range.getValues': 1,
    'Range.setValue': 1,
    'Utilities.formatDate': 1,
    'Sheet.getName': 1,
  });
  // handle getters (getRange, getSheetByName, getSheets, getActiveSheet, getName) and local Utilities are not
  expect(r.stats.roundTrips).toBe(3);
  expect(r.stats.cellsRead).toBe(6);
  expect(r.stats.cellsWritten).toBe(1);
  w.run('f', [ss.id]);
  expect(w.totals).toMatchObject({ executions: 2, roundTrips: 6, cellsRead: 12, cellsWritten: 2 });
  expect(w.totals.calls['Range.getValues']).toBe(2);
});
