// npm run bench: the migration's cost on the built bundle in the emulator, for 2,500 / 25,000 / 150,000 rows,
// then v3.1 and v4.0 at 2,500 and 150,000 rows and the whole chain from v2.1 (`--chain-only` skips the first part).
// Prints round trips by service and method, cells read and written, executions, modelled seconds, wall time
// and peak memory of the local run.
import { World } from '../emulator';
import { zeuesWorkbook } from '../rehearse/sample-workbook';
import { runToEnd } from './run-to-end';
import type { WorkbookModel } from '../rehearse/workbook';
import { v30Workbook, v31Workbook, withUniones } from '../tests/support/chain-bundle';

interface Case {
  rows: number;
  v21Columns?: number;
  /** The chain's cases: what the world holds, what to start, and a label. */
  label?: string;
  workbook?: () => WorkbookModel;
  options?: Record<string, unknown>;
}

const CASES: Case[] = [{ rows: 2500 }, { rows: 25000 }, { rows: 150000, v21Columns: 63 }];

// At 150,000 rows the sample's Operaciones is cut to 55 columns: with all 63, v3.1's column would pass 10M cells.
// Uniones then covers the first 20,000 spools (0 to 20 unions each): a union per row of 150,000 spools would too.
const unions = (limit: number) => (i: number) => (i < limit ? (i * 7) % 21 : 0);
const CHAIN: Case[] = [
  { label: 'v3.1', rows: 2500, workbook: () => v30Workbook({ rows: 2500 }) },
  {
    label: 'v3.1',
    rows: 150000,
    v21Columns: 55,
    workbook: () => v30Workbook({ rows: 150000, v21Columns: 63 }, 55),
  },
  { label: 'v4.0', rows: 2500, workbook: () => withUniones(v31Workbook({ rows: 2500 }), unions(2500)) },
  {
    label: 'v4.0',
    rows: 150000,
    v21Columns: 55,
    workbook: () => withUniones(v31Workbook({ rows: 150000, v21Columns: 63 }, 55), unions(2000)),
  },
  {
    label: 'chain v2.1 -> v4.0',
    rows: 2500,
    workbook: () => withUniones(zeuesWorkbook({ rows: 2500 }), unions(2500)),
    options: { target: 'v4.0' },
  },
];

function bench({ rows, v21Columns, label, workbook, options }: Case): void {
  const world = new World();
  const ss = world.createSpreadsheet(workbook ? workbook() : zeuesWorkbook({ rows, v21Columns }));
  const as = { activeSpreadsheet: ss.id };
  const { state, peakRss: peak, wallMs } = runToEnd(world, as, options ? [options] : []);
  const totals = world.totals;
  console.log(
    `\n== ${label ? `${label}: ` : ''}${rows.toLocaleString('en-US')} rows x ${v21Columns ?? 66} columns: ${state}`,
  );
  console.log(
    `executions ${totals.executions}, round trips ${totals.roundTrips}, cells read ${totals.cellsRead.toLocaleString('en-US')}, ` +
      `cells written ${totals.cellsWritten.toLocaleString('en-US')}, virtual ${(totals.virtualMs / 1000).toFixed(1)} s, ` +
      `wall ${(wallMs / 1000).toFixed(1)} s, peak memory ${Math.round(peak / 1e6)} MB`,
  );
  const byService = new Map<string, [string, number][]>();
  for (const [call, count] of Object.entries(totals.calls).sort()) {
    const [service] = call.split('.');
    if (!byService.has(service)) byService.set(service, []);
    byService.get(service)?.push([call.slice(service.length + 1), count]);
  }
  for (const [service, methods] of byService) {
    console.log(`  ${service}: ${methods.map(([method, count]) => `${method} ${count}`).join(', ')}`);
  }
}

const only = process.argv.includes('--chain-only');
const small = process.argv.includes('--small');
for (const benchCase of [...(only ? [] : CASES), ...CHAIN]) {
  if (!small || benchCase.rows <= 2500) bench(benchCase);
}
