// npm run bench: the migration's cost on the built bundle in the emulator, for 2,500 / 25,000 / 150,000 rows.
// Prints round trips by service and method, cells read and written, executions, modelled seconds, wall time
// and peak memory of the local run.
import { World } from '../emulator';
import { zeuesWorkbook } from '../rehearse/sample-workbook';

interface Case {
  rows: number;
  v21Columns?: number;
}

const CASES: Case[] = [{ rows: 2500 }, { rows: 25000 }, { rows: 150000, v21Columns: 63 }];

function bench({ rows, v21Columns }: Case): void {
  const world = new World();
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows, v21Columns }));
  const as = { activeSpreadsheet: ss.id };
  let peak = process.memoryUsage().rss;
  const wallStart = Date.now();
  let result = world.run('startMigration', [], as);
  let state = result.ok ? (result.value as { state: string }).state : `error: ${result.error.message}`;
  for (let i = 0; i < 20 && state === 'paused'; i += 1) {
    peak = Math.max(peak, process.memoryUsage().rss);
    const runs = world.runDueTriggers();
    if (runs.length === 0) break;
    result = runs[runs.length - 1];
    state = result.ok
      ? ((result.value as { state: string } | null)?.state ?? 'null')
      : `error: ${result.error.message}`;
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  const totals = world.totals;
  console.log(`\n== ${rows.toLocaleString('en-US')} rows x ${v21Columns ?? 66} columns: ${state}`);
  console.log(
    `executions ${totals.executions}, round trips ${totals.roundTrips}, cells read ${totals.cellsRead.toLocaleString('en-US')}, ` +
      `cells written ${totals.cellsWritten.toLocaleString('en-US')}, virtual ${(totals.virtualMs / 1000).toFixed(1)} s, ` +
      `wall ${((Date.now() - wallStart) / 1000).toFixed(1)} s, peak memory ${Math.round(peak / 1e6)} MB`,
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

for (const benchCase of CASES) bench(benchCase);
