/** @heavy a 140,000 x 68 sheet, its copy and its insert (about 0.3 GB above the worker's own) */
import { worldWith } from './support/bundle';

// Sparse storage: a sheet the size of a large ZEUES copy must stay cheap to hold, read and copy. Wall times are
// printed, never asserted (they depend on the machine); `npm run bench` prints them too.

function numbers(rows: number, columns: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = new Array<unknown>(columns);
    for (let c = 0; c < columns; c++) row[c] = (r * 7 + c) % 1000;
    out.push(row);
  }
  return out;
}

const code = `
  function readBlock(id, rows, cols) {
    var v = SpreadsheetApp.openById(id).getSheets()[0].getRange(1, 1, rows, cols).getValues();
    return v.length * v[0].length;
  }
  function copyIt(id) {
    return DriveApp.getFileById(id).makeCopy('backup').getId();
  }
  function addColumns(id) {
    var sh = SpreadsheetApp.openById(id).getSheets()[0];
    sh.insertColumnsAfter(sh.getLastColumn(), 3);
    return sh.getMaxColumns();
  }
`;

test('getValues of 1,000,000 cells returns every cell (its wall time is printed)', () => {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'big',
    sheets: [{ name: 'Operaciones', values: numbers(20_000, 50) }],
  });
  const r = world.run('readBlock', [ss.id, 20_000, 50]);
  expect(r).toMatchObject({ ok: true, value: 1_000_000 });
  console.log(
    `getValues of 1,000,000 cells: wall ${r.stats.wallMs} ms, modelled ${(r.stats.virtualMs / 1000).toFixed(2)} s`,
  );
});

// 150,000 x 68 = 10,200,000 cells: more than a spreadsheet may hold (see limits.test.ts), so the largest
// sheet of that width the platform allows is used: 140,000 x 68 (9,520,000 cells, room for 3 more columns).
test('a 140,000 x 68 sheet costs little beyond its values; inserting columns after makeCopy leaves the copy as it was', () => {
  const world = worldWith(code);
  let values: unknown[][] | null = numbers(140_000, 68);
  const before = process.memoryUsage().heapUsed;
  const ss = world.createSpreadsheet({
    name: 'ZEUES',
    sheets: [{ name: 'Operaciones', values, maxRows: 140_000, maxColumns: 68 }],
  });
  const held = process.memoryUsage().heapUsed - before;
  // The sheet holds its own cells: the input is let go before the copy and the insert (this suite's peak memory).
  values = null;
  const cells = 140_000 * 68;
  console.log(
    `140,000 x 68 sheet: ${(held / 1e6).toFixed(1)} MB for ${cells} cells (${(held / cells).toFixed(1)} bytes/cell)`,
  );
  // a pointer per cell (8 bytes) plus row headers; generous bound: 40 bytes per cell
  expect(held).toBeLessThan(cells * 40);

  const t0 = Date.now();
  const copy = world.run('copyIt', [ss.id]);
  const copyMs = Date.now() - t0;
  expect(copy.ok).toBe(true);
  console.log(`makeCopy: wall ${copyMs} ms, modelled ${(copy.stats.virtualMs / 1000).toFixed(2)} s`);

  const t1 = Date.now();
  const grow = world.run('addColumns', [ss.id]);
  console.log(
    `insertColumnsAfter on 140,000 rows (copy-on-write split included): wall ${Date.now() - t1} ms`,
  );
  expect(grow).toMatchObject({ ok: true, value: 71 });
  if (copy.ok) expect(world.spreadsheet(copy.value as string).sheet('Operaciones').maxColumns).toBe(68);
});
