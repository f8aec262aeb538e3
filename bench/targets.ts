// npm run bench (after bench/migration.ts): the v3.0 migration at 2,500 / 25,000 / 150,000 rows, with issue 15's targets.
// Prints round trips by service and method, cells read and written, executions, modelled seconds (the script's
// own CPU included, as the emulator estimates it), wall time and peak memory of the local run; then each target
// of issue 15 next to its figure, with the figure before the issue's work.
import fs from 'node:fs';
import path from 'node:path';
import { World, type CpuMode } from '../emulator';
import { zeuesWorkbook } from '../rehearse/sample-workbook';
import { runToEnd } from './run-to-end';

interface Case {
  rows: number;
  v21Columns?: number;
}

const CASES: Case[] = [{ rows: 2500 }, { rows: 25000 }, { rows: 150000, v21Columns: 63 }];

interface Figures {
  state: string;
  executions: number;
  roundTrips: number;
  virtualMs: number;
  scriptMs: number;
}

function bench({ rows, v21Columns }: Case, cpu: CpuMode = 'estimate', quiet = false): Figures {
  const world = new World({ cpu });
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows, v21Columns }));
  const as = { activeSpreadsheet: ss.id };
  const { state, peakRss: peak, wallMs } = runToEnd(world, as, [], 20);
  const totals = world.totals;
  const figures = {
    state,
    executions: totals.executions,
    roundTrips: totals.roundTrips,
    virtualMs: totals.virtualMs,
    scriptMs: totals.scriptMs,
  };
  if (quiet) return figures;
  console.log(`\n== ${rows.toLocaleString('en-US')} rows x ${v21Columns ?? 66} columns: ${state}`);
  console.log(
    `executions ${totals.executions}, round trips ${totals.roundTrips}, cells read ${totals.cellsRead.toLocaleString('en-US')}, ` +
      `cells written ${totals.cellsWritten.toLocaleString('en-US')}, virtual ${(totals.virtualMs / 1000).toFixed(1)} s ` +
      `(script CPU ${(totals.scriptMs / 1000).toFixed(1)} s), ` +
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
  return figures;
}

const results = CASES.map((benchCase) => bench(benchCase));
const small = results[0];
const large = results[2];
// The script's CPU as measured locally (x scriptCpuFactor), where the estimate above is calibrated from.
const largeMeasured = bench(CASES[2], 'measured', true);

const dist = path.join(__dirname, '..', 'dist');
const distFiles = fs
  .readdirSync(dist)
  .map((name) => [name, fs.statSync(path.join(dist, name)).size] as const);
const distBytes = () => distFiles.reduce((sum, [, size]) => sum + size, 0);

const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
const kb = Math.round(distBytes() / 1024);
const rows: [string, string, string, string, boolean][] = [
  [
    '2,500 rows: round trips, verified backup and verification included',
    String(small.roundTrips),
    'at most 36',
    '43',
    small.roundTrips <= 36 && small.state === 'done',
  ],
  [
    '150,000 x 63 rows: round trips, both executions included',
    String(large.roundTrips),
    'at most 65',
    '120',
    large.roundTrips <= 65 && large.state === 'done',
  ],
  [
    '150,000 x 63 rows: executions, script CPU estimated',
    String(large.executions),
    'at most 2',
    '2 (CPU not counted)',
    large.executions <= 2 && large.state === 'done',
  ],
  [
    '150,000 x 63 rows: executions, script CPU measured x3',
    String(largeMeasured.executions),
    'at most 2',
    '-',
    largeMeasured.executions <= 2 && largeMeasured.state === 'done',
  ],
  [
    '150,000 x 63 rows: modelled time (script CPU in it)',
    `${seconds(large.virtualMs)} (${seconds(large.scriptMs)})`,
    '-',
    '508 s (0 s)',
    true,
  ],
  ['dist/ in all', `${kb} KB`, 'under 150 KB', '270 KB', kb < 150],
];
console.log(
  `\n== dist/: ${distFiles.map(([name, size]) => `${name} ${(size / 1024).toFixed(1)} KB`).join(', ')}`,
);
console.log('\n== issue 15 targets');
console.log(
  `  ${'target'.padEnd(68)} ${'figure'.padStart(12)} ${'target'.padStart(14)} ${'before'.padStart(20)}  met`,
);
for (const [what, figure, target, before, met] of rows) {
  console.log(
    `  ${what.padEnd(68)} ${figure.padStart(12)} ${target.padStart(14)} ${before.padStart(20)}  ${met ? 'yes' : 'NO'}`,
  );
}
