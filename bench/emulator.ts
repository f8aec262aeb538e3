// npm run bench (first part): the emulator's own speed and memory on sheets the size of large ZEUES copies.
// Figures to read, not assertions: wall time depends on the machine. tests/emulator/perf.test.ts checks the
// behaviour (copy-on-write, a bounded memory per cell) without timing anything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_COSTS, World } from '../emulator';
import { zeuesWorkbook } from '../rehearse/sample-workbook';

const CODE = `
  function readBlock(id, rows, cols) {
    return SpreadsheetApp.openById(id).getSheets()[0].getRange(1, 1, rows, cols).getValues().length;
  }
  function copyIt(id) { return DriveApp.getFileById(id).makeCopy('backup').getId(); }
  function addColumns(id) {
    var sh = SpreadsheetApp.openById(id).getSheets()[0];
    sh.insertColumnsAfter(sh.getLastColumn(), 3);
    return sh.getMaxColumns();
  }
`;

function numbers(rows: number, columns: number): unknown[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => (r * 7 + c) % 1000),
  );
}

function world(): World {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-bench-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
  return new World({ distDir: dir });
}

const reading = world();
const small = reading.createSpreadsheet({
  name: 'big',
  sheets: [{ name: 'Operaciones', values: numbers(20_000, 50) }],
});
const read = reading.run('readBlock', [small.id, 20_000, 50]);
console.log(
  `getValues of 1,000,000 cells: wall ${read.stats.wallMs} ms, modelled ${(read.stats.virtualMs / 1000).toFixed(2)} s`,
);

const large = world();
const before = process.memoryUsage().heapUsed;
const ss = large.createSpreadsheet({
  name: 'ZEUES',
  sheets: [{ name: 'Operaciones', values: numbers(140_000, 68), maxRows: 140_000, maxColumns: 68 }],
});
const held = process.memoryUsage().heapUsed - before;
console.log(
  `140,000 x 68 sheet held in ${(held / 1e6).toFixed(0)} MB (${(held / (140_000 * 68)).toFixed(1)} bytes a cell)`,
);
const copy = large.run('copyIt', [ss.id]);
console.log(
  `makeCopy of it: wall ${copy.stats.wallMs} ms, modelled ${(copy.stats.virtualMs / 1000).toFixed(2)} s`,
);
const grow = large.run('addColumns', [ss.id]);
console.log(`insertColumnsAfter on it (copy-on-write split included): wall ${grow.stats.wallMs} ms`);

// The script's own CPU: a migration of the sample workbook on the built bundle with CPU measured, and the
// per-cell figure that calibrates the deterministic 'estimate' mode (emulator/README.md, "The script's own CPU").
function calibrate(rows: number): void {
  const w = new World({ cpu: 'measured' });
  const workbook = w.createSpreadsheet(zeuesWorkbook({ rows }));
  const as = { activeSpreadsheet: workbook.id };
  let r = w.run('startMigration', [], as);
  for (let i = 0; i < 20 && r.ok && (r.value as { state: string }).state === 'paused'; i += 1) {
    r = w.run('continueMigration', [], as);
  }
  const t = w.totals;
  const cells = t.cellsRead + t.cellsWritten;
  const factor = w.costs.scriptCpuFactor;
  console.log(
    `script CPU, migration of ${rows.toLocaleString('en-US')} rows (${t.executions} executions, ` +
      `${t.roundTrips} round trips, ${cells.toLocaleString('en-US')} cells read or written): ` +
      `${(t.scriptMs / factor / 1000).toFixed(2)} s here, ${(t.scriptMs / 1000).toFixed(1)} s at x${factor}; ` +
      `${((t.scriptMs * 1000) / cells).toFixed(2)} us a cell at x${factor} ` +
      `(estimate mode charges ${DEFAULT_COSTS.scriptPerCellUs} us a cell + ${DEFAULT_COSTS.scriptPerCallUs} us a call)`,
  );
}
calibrate(2500);
calibrate(25000);
