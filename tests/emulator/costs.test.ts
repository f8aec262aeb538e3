import { DEFAULT_COSTS } from '../../emulator';
import { table, worldWith } from './support/bundle';

// The cost model. Defaults reproduce published measurements on a 10,000,000-cell sheet (Tanaike, 2022:
// https://tanaikech.github.io/2022/11/22/benchmark-process-costs-for-retrieving-values-from-2-dimensional-array-in-google-apps-script/
// and the summary of it): a read call ~0.2 s + 8.5 us per cell; a one-cell write ~0.2 s; one value
// filled over 10M cells ~1 s; properties get ~30 ms, set ~60 ms; cache put ~90 ms.
// Execution limit 6 min: https://developers.google.com/apps-script/guides/services/quotas

const code = `
  function read(id, rows, cols) { SpreadsheetApp.openById(id).getSheets()[0].getRange(1, 1, rows, cols).getValues(); }
  function writeOne(id) { SpreadsheetApp.openById(id).getSheets()[0].getRange(1, 1).setValue('x'); }
  function fill(id, rows, cols) { SpreadsheetApp.openById(id).getSheets()[0].getRange(1, 1, rows, cols).setValue(0); }
  function props() { var p = PropertiesService.getScriptProperties(); p.setProperty('a', '1'); p.getProperty('a'); }
  function cache() { CacheService.getScriptCache().put('a', '1'); }
  function cellByCell(id, n) {
    var sh = SpreadsheetApp.openById(id).getSheets()[0];
    for (var i = 1; i <= n; i++) { sh.getRange(i, 1).setValue(i); sh.getRange(i, 2).getValue(); }
    return 'finished';
  }
  function writeThenNow(id) {
    var sh = SpreadsheetApp.openById(id).getSheets()[0];
    var t0 = Date.now();
    sh.getRange(1, 1, 1000, 10).setValue(1);
    var t1 = Date.now();
    SpreadsheetApp.flush();
    return [t1 - t0, Date.now() - t1];
  }
  function sleepy() { Utilities.sleep(200000); Utilities.sleep(200000); return SpreadsheetApp.getActiveSpreadsheet(); }
`;

const OPEN = DEFAULT_COSTS.openByIdMs;

function setup(rows = 10, cols = 10, maxRows?: number, maxColumns?: number) {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [{ name: 'A', values: table(rows - 1, cols), maxRows, maxColumns }],
  });
  return { world, ss };
}

test('a read call costs ~0.2 s plus 8.5 us per cell (1,000,000 cells: 8.7 s)', () => {
  const { world, ss } = setup(1000, 10, 100_000, 100);
  const r = world.run('read', [ss.id, 100_000, 10]);
  expect(r.stats.virtualMs - r.stats.scriptMs - OPEN).toBeCloseTo(200 + 1_000_000 * 0.0085, 3);
});

test('setCosts changes the read cost from the next execution on (Sheets slower later in the day)', () => {
  const { world, ss } = setup(1000, 10, 100_000, 100);
  const before = world.run('read', [ss.id, 100_000, 10]).stats;
  world.setCosts({ readPerCellUs: 17 });
  const after = world.run('read', [ss.id, 100_000, 10]).stats;
  expect(before.virtualMs - before.scriptMs - OPEN).toBeCloseTo(200 + 1_000_000 * 0.0085, 3);
  expect(after.virtualMs - after.scriptMs - OPEN).toBeCloseTo(200 + 1_000_000 * 0.017, 3);
  expect(world.costs.readPerCellUs).toBe(17);
});

test('a one-cell write costs ~0.2 s', () => {
  const { world, ss } = setup();
  expect(world.run('writeOne', [ss.id]).stats.virtualMs - OPEN).toBeCloseTo(200, 0);
});

test('one value filled over 10,000,000 cells costs ~1 s', () => {
  const { world, ss } = setup(10, 10, 100_000, 100);
  const r = world.run('fill', [ss.id, 100_000, 100]);
  expect(r.ok).toBe(true);
  expect(r.stats.virtualMs - OPEN).toBeGreaterThan(900);
  expect(r.stats.virtualMs - OPEN).toBeLessThan(1100);
});

test('properties get ~30 ms, set ~60 ms; cache put ~90 ms', () => {
  const { world } = setup();
  expect(world.run('props').stats.virtualMs).toBe(90);
  expect(world.run('cache').stats.virtualMs).toBe(90);
});

test('writes are charged when committed: flush, a read, or the end of the execution', () => {
  const { world, ss } = setup();
  const r = world.run('writeThenNow', [ss.id]);
  const [queued, committed] = (r.ok ? r.value : []) as number[];
  expect(queued).toBe(0);
  expect(committed).toBeGreaterThanOrEqual(200);
  expect(committed).toBeLessThanOrEqual(201);
  const end = world.run('fill', [ss.id, 5, 5]);
  expect(end.stats.virtualMs).toBeCloseTo(OPEN + 200 + (25 * DEFAULT_COSTS.fillPerCellUs) / 1000, 6);
});

test('cell-by-cell work exceeds 6 minutes and the next service call throws "Exceeded maximum execution time"', () => {
  const { world, ss } = setup(2501, 3, 3000, 3);
  const r = world.run('cellByCell', [ss.id, 2500]);
  expect(r).toMatchObject({ ok: false, error: { message: 'Exceeded maximum execution time' } });
  expect(r.stats.virtualMs).toBeGreaterThan(360_000);
  expect(r.stats.virtualMs).toBeLessThan(362_000);
});

test('Utilities.sleep advances the virtual clock and counts against the limit', () => {
  const { world, ss } = setup();
  const r = world.run('sleepy', [], { activeSpreadsheet: ss.id });
  expect(r).toMatchObject({ ok: false, error: { message: 'Exceeded maximum execution time' } });
});

test('the cost table can be overridden per world', () => {
  const world = worldWith(code, { costs: { propertiesSetMs: 1, propertiesGetMs: 2 } });
  expect(world.run('props').stats.virtualMs).toBe(3);
});
