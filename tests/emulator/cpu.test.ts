import { DEFAULT_COSTS } from '../../emulator';
import { table, worldWith } from './support/bundle';

// The script's own CPU on the virtual clock. Apps Script counts the whole execution, the script's own code
// included, against the 6-minute limit and ends it with "Exceeded maximum execution time"
// (https://developers.google.com/apps-script/guides/services/quotas, "Script runtime: 6 min / execution").
// How much slower Apps Script's V8 runs than this machine's Node: no public figure was found (assumed x3,
// DEFAULT_COSTS.scriptCpuFactor; emulator/README.md, "The script's own CPU").

const code = `
  function readAll(id, rows, cols) {
    return SpreadsheetApp.openById(id).getSheets()[0].getRange(1, 1, rows, cols).getValues().length;
  }
  function fillBlock(id) { SpreadsheetApp.openById(id).getSheets()[0].getRange(1, 1, 100, 10).setValue(1); }
  function writeGrid(id) {
    var grid = [];
    for (var i = 0; i < 100; i++) { grid.push([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); }
    SpreadsheetApp.openById(id).getSheets()[0].getRange(1, 1, 100, 10).setValues(grid);
  }
  function busyThenCall(id, loops) {
    var x = 0;
    for (var i = 0; i < loops; i++) { x += Math.sqrt(i) % 7; }
    SpreadsheetApp.openById(id);
    return x;
  }
  function clockSeesCpu(loops) {
    var t0 = Date.now();
    var x = 0;
    for (var i = 0; i < loops; i++) { x += Math.sqrt(i) % 7; }
    return [Date.now() - t0, x];
  }
`;

function setup(options = {}, rows = 1000, cols = 10) {
  const world = worldWith(code, options);
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [{ name: 'A', values: table(rows - 1, cols), maxRows: rows, maxColumns: cols }],
  });
  return { world, ss };
}

test('by default the script is charged a deterministic estimate per cell it reads or builds', () => {
  const { world, ss } = setup();
  const read = world.run('readAll', [ss.id, 1000, 10]);
  expect(read.stats.scriptMs).toBeCloseTo((10_000 * DEFAULT_COSTS.scriptPerCellUs) / 1000, 9);
  const again = world.run('readAll', [ss.id, 1000, 10]);
  expect(again.stats.virtualMs).toBe(read.stats.virtualMs);
  const written = world.run('writeGrid', [ss.id]);
  expect(written.stats.scriptMs).toBeCloseTo((1000 * DEFAULT_COSTS.scriptPerCellUs) / 1000, 9);
  // one value over a block: no grid was built by the script
  expect(world.run('fillBlock', [ss.id]).stats.scriptMs).toBe(0);
});

test("cpu: 'off' charges nothing for the script; the estimate can be recalibrated per world", () => {
  const off = setup({ cpu: 'off' });
  expect(off.world.run('readAll', [off.ss.id, 1000, 10]).stats.scriptMs).toBe(0);
  const tuned = setup({ costs: { scriptPerCellUs: 5, scriptPerCallUs: 1000 } });
  const r = tuned.world.run('readAll', [tuned.ss.id, 1000, 10]);
  // openById, getSheets, getRange, getValues: four calls
  expect(r.stats.scriptMs).toBeCloseTo(50 + 4, 9);
  expect(r.stats.virtualMs - r.stats.scriptMs).toBe(off.world.totals.virtualMs);
});

test('a bad cpu option is refused, naming the choices', () => {
  expect(() => worldWith(code, { cpu: 'fast' as never })).toThrow(
    `World option "cpu" must be 'estimate', 'measured' or 'off', got "fast"`,
  );
});

test("cpu: 'measured': a CPU-heavy execution hits the 6-minute limit at its next service call", () => {
  // ~0.2 s of this machine's CPU in the vm; at x10000 that is over half an hour of Apps Script time
  const { world, ss } = setup({ cpu: 'measured', costs: { scriptCpuFactor: 10_000 } });
  const r = world.run('busyThenCall', [ss.id, 2_000_000]);
  expect(r).toMatchObject({ ok: false, error: { message: 'Exceeded maximum execution time' } });
  expect(r.stats.scriptMs).toBeGreaterThan(DEFAULT_COSTS.executionLimitMs);
  expect(r.stats.roundTrips).toBe(0);
});

test("cpu: 'measured': a light execution passes, and its CPU is on the clock that Date.now() reads", () => {
  const { world } = setup({ cpu: 'measured', costs: { scriptCpuFactor: 3000 } });
  const r = world.run('clockSeesCpu', [100_000]);
  expect(r.ok).toBe(true);
  const [seen] = (r.ok ? r.value : []) as number[];
  expect(seen).toBeGreaterThan(0);
  expect(seen).toBeLessThanOrEqual(Math.ceil(r.stats.scriptMs));
  expect(r.stats.virtualMs).toBeLessThan(DEFAULT_COSTS.executionLimitMs);
});

test("cpu: 'measured' charges the script's code, not the emulator's own work serving a call", () => {
  const { world, ss } = setup({ cpu: 'measured', costs: { scriptCpuFactor: 1000 } }, 100_000, 10);
  const before = process.cpuUsage();
  const r = world.run('readAll', [ss.id, 100_000, 10]);
  const used = process.cpuUsage(before);
  const hostCpuMs = (used.user + used.system) / 1000;
  expect(r.ok).toBe(true);
  const scriptCpuMs = r.stats.scriptMs / 1000;
  // serving a 1,000,000-cell getValues costs the emulator far more CPU than the script's four calls
  expect(hostCpuMs).toBeGreaterThan(20);
  expect(scriptCpuMs).toBeLessThan(hostCpuMs / 4);
});
