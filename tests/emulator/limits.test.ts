import { World } from '../../emulator';
import { bundle, table, worldWith } from './support/bundle';

// Platform limits, enforced with the platform's messages.
// Sheets: 10,000,000 cells per spreadsheet (all sheets, empty grid cells included), 18,278 columns,
// 50,000 characters per cell: https://support.google.com/drive/answer/37603
// Properties 9 KB per value, 500 KB per store: https://developers.google.com/apps-script/guides/services/quotas
// Cache 100 KB per value, 6 h at most, 1000 items: https://developers.google.com/apps-script/reference/cache/cache

const code = `
  function run(id, src) { var ss = id && SpreadsheetApp.openById(id); return (new Function('ss', src))(ss); }
`;

const CELL_LIMIT =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

test('inserting columns past 10,000,000 cells (empty grid cells included) fails and changes nothing', () => {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [
      { name: 'A', values: table(2, 3), maxRows: 100_000, maxColumns: 68 },
      { name: 'B', values: [['x']], maxRows: 1000, maxColumns: 26 },
    ],
  });
  expect(ss.totalCells()).toBe(6_826_000);
  const r = world.run('run', [ss.id, 'ss.getSheetByName("A").insertColumnsAfter(3, 32);']);
  expect(r).toMatchObject({ ok: false, error: { message: CELL_LIMIT } });
  expect(ss.sheet('A').maxColumns).toBe(68);
  expect(world.run('run', [ss.id, 'ss.getSheetByName("A").insertColumnsAfter(3, 31);']).ok).toBe(true);
  expect(ss.totalCells()).toBe(9_926_000);
});

test('a workbook over 10,000,000 cells cannot be created; 150,000 x 68 is over', () => {
  const world = worldWith(code);
  expect(() =>
    world.createSpreadsheet({
      name: 'S',
      sheets: [{ name: 'A', values: [['x']], maxRows: 150_000, maxColumns: 68 }],
    }),
  ).toThrow(CELL_LIMIT);
});

test('insertSheet counts its default 1000 x 26 grid against the cell limit', () => {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [{ name: 'A', values: [['x']], maxRows: 100_000, maxColumns: 100 }],
  });
  expect(world.run('run', [ss.id, 'ss.insertSheet("B");'])).toMatchObject({
    ok: false,
    error: { message: CELL_LIMIT },
  });
});

test('more than 18,278 columns is refused', () => {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [{ name: 'A', values: [['x']], maxRows: 10, maxColumns: 18_270 }],
  });
  expect(world.run('run', [ss.id, 'ss.getSheets()[0].insertColumnsAfter(1, 9);'])).toMatchObject({
    ok: false,
    error: {
      message: 'This action would increase the number of columns in the sheet above the limit of 18278.',
    },
  });
  expect(world.run('run', [ss.id, 'ss.getSheets()[0].insertColumnsAfter(1, 8);']).ok).toBe(true);
});

test('a cell may hold at most 50,000 characters', () => {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: [['x']] }] });
  const big = 'a'.repeat(50_001);
  expect(world.run('run', [ss.id, `ss.getSheets()[0].getRange(1, 1).setValue('${big}');`])).toMatchObject({
    ok: false,
    error: { message: 'Your input contains more than the maximum of 50000 characters in a single cell.' },
  });
  expect(world.run('run', [ss.id, `ss.getSheets()[0].getRange(1, 1).setValue('${big.slice(1)}');`]).ok).toBe(
    true,
  );
});

test('a property value over 9 KB, or a store over 500 KB, is refused and the store is unchanged', () => {
  const world = worldWith(code);
  const quota = 'You have exceeded the property storage quota. Please remove some properties and try again.';
  const p = 'var p = PropertiesService.getScriptProperties();';
  expect(world.run('run', [null, `${p} p.setProperty('big', 'x'.repeat(9 * 1024 + 1));`])).toMatchObject({
    ok: false,
    error: { message: quota },
  });
  expect(world.run('run', [null, `${p} p.setProperty('ok', 'x'.repeat(9 * 1024));`]).ok).toBe(true);
  const fill = `${p} for (var i = 0; i < 60; i++) p.setProperty('k' + i, 'y'.repeat(9000));`;
  expect(world.run('run', [null, fill])).toMatchObject({ ok: false, error: { message: quota } });
  const keys = Object.keys(world.scriptProperties());
  expect(keys.length).toBeGreaterThan(50);
  expect(keys.length).toBeLessThan(60);
  expect(
    world.run('run', [null, `${p} p.setProperties({ a: 'x'.repeat(9000), b: 'y'.repeat(9000) });`]).ok,
  ).toBe(false);
  expect(world.scriptProperties().a).toBeUndefined();
});

test('cache: 100 KB per value, entries expire (at most after 6 hours), at most 1000 items', () => {
  const world = new World({ distDir: bundle({ 'Code.js': code }) });
  const c = 'var c = CacheService.getScriptCache();';
  expect(world.run('run', [null, `${c} c.put('big', 'x'.repeat(100 * 1024 + 1));`])).toMatchObject({
    ok: false,
    error: { message: 'Argument too large: value' },
  });
  world.call('run', [null, `${c} c.put('short', '1', 60); c.put('long', '2', 99999);`]);
  world.clock.advance(61_000);
  expect(world.call('run', [null, `${c} return [c.get('short'), c.get('long')];`])).toEqual([null, '2']);
  world.clock.advance(6 * 3600 * 1000);
  expect(world.call('run', [null, `${c} return c.get('long');`])).toBeNull();
  world.call('run', [
    null,
    `${c} var o = {}; for (var i = 0; i < 1005; i++) o['k' + i] = 'v'; c.putAll(o, 600);`,
  ]);
  expect(
    world.call('run', [
      null,
      `${c} var ks = []; for (var i = 0; i < 1005; i++) ks.push('k' + i); return Object.keys(c.getAll(ks)).length;`,
    ]),
  ).toBe(1000);
});
