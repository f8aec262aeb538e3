/** @heavy a 150,000-row world verified over several executions (about 0.7 GB) */
// verifyMigration() on 150,000 rows in the emulator: block reads, resumed across executions, never per row.
import { World } from '../../emulator';
import type { VerificationReport } from '../../src/core/contract';

const COLUMNS = [
  'id',
  'NV',
  'OT',
  'TAG_SPOOL',
  'Ubicación',
  'Cliente',
  'Fecha_Armado',
  'Armador',
  'Peso_Kg',
  'Notas',
  // 20 more: wide enough that 150,000 rows need several 2M-cell reads; the rest of the v2.1 signature first
  'ITEM',
  'STATUS_NV',
  'Status_Spool',
  'Fecha_Soldadura',
  'Fecha_NDT',
  ...Array.from({ length: 15 }, (_, i) => `Campo_${i + 1}`),
];
const ROWS = 150_000;
const EXTRA = Array.from({ length: 20 }, (_, i) => `v${i}`);

function operaciones(rows: number): { values: unknown[][]; formulas: (string | null)[][] } {
  const values: unknown[][] = [COLUMNS];
  const formulas: (string | null)[][] = [COLUMNS.map(() => null)];
  for (let i = 1; i <= rows; i += 1) {
    values.push([
      i,
      `NV${1000 + (i % 700)}`,
      i % 3 ? `SP-${i}` : '',
      `MK-${i}-CW-011`,
      'Patio',
      'Cliente',
      '21-01-2026',
      'MR(93)',
      i % 50,
      '',
      ...EXTRA,
    ]);
    formulas.push(COLUMNS.map((_, c) => (c === 8 ? `=MOD(A${i + 1},50)` : null)));
  }
  return { values, formulas };
}

describe('verifyMigration on 150,000 rows', () => {
  it('reads in blocks and resumes across executions when its time budget runs out', () => {
    const world = new World({});
    const sheet = operaciones(ROWS);
    const ss = world.createSpreadsheet({ name: 'ZEUES', sheets: [{ name: 'Operaciones', ...sheet }] });
    let status = world.call('startMigration', [{}], { activeSpreadsheet: ss.id }) as { state: string };
    for (let slice = 0; slice < 40 && status.state !== 'done'; slice += 1) {
      expect(status.state).not.toBe('failed');
      status = world.call('continueMigration', [], { activeSpreadsheet: ss.id }) as { state: string };
    }
    expect(status.state).toBe('done');

    // a short budget so the verification needs several executions
    world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], { activeSpreadsheet: ss.id });
    ss.sheet('Operaciones').setValues(120_001, 6, [['Otro cliente']]);
    const executions: { roundTrips: number; calls: Record<string, number>; virtualMs: number }[] = [];
    let report: VerificationReport | null = null;
    for (let execution = 0; execution < 20; execution += 1) {
      const run = world.run('verifyMigration', [], { activeSpreadsheet: ss.id });
      if (!run.ok) throw new Error(run.error.message);
      executions.push({
        roundTrips: run.stats.roundTrips,
        calls: run.stats.calls,
        virtualMs: run.stats.virtualMs,
      });
      const value = run.value as VerificationReport;
      if (value.checks.report.pending !== true) {
        report = value;
        break;
      }
      expect(value.errors[0]).toMatch(/^Verification is not finished: \d+ of 150000 data rows checked/);
      expect(world.documentProperties(ss.id)['verification.cursor'].length).toBeLessThan(9 * 1024);
    }
    const reads = executions.reduce((sum, e) => sum + (e.calls['Range.getValues'] ?? 0), 0);
    const formulaReads = executions.reduce((sum, e) => sum + (e.calls['Range.getFormulas'] ?? 0), 0);
    console.log(
      `verifyMigration, ${ROWS} rows x ${COLUMNS.length + 3} columns: ${executions.length} executions, ` +
        `Range.getValues ${reads}, Range.getFormulas ${formulaReads}\n` +
        executions
          .map(
            (e, i) =>
              `  execution ${i + 1}: ${e.roundTrips} round trips, ${Math.round(e.virtualMs)} virtual ms, ${JSON.stringify(e.calls)}`,
          )
          .join('\n'),
    );
    expect(report).not.toBeNull();
    expect(executions.length).toBeGreaterThan(1);
    for (const e of executions) expect(e.virtualMs).toBeLessThan(6 * 60 * 1000);
    // block reads of whole 1,000-row blocks, sized so none takes more than 60% of a 25-second slice's time left
    // (see ReadPlanner): a few per execution for 150,000 rows, never per row (plus the backup's rows of the one
    // block that differs)
    expect(reads).toBeLessThanOrEqual(5 * executions.length);
    expect(reads).toBeLessThanOrEqual(Math.ceil(ROWS / 7_500) + 1);
    expect(formulaReads).toBeLessThanOrEqual(Math.ceil(ROWS / 7_500) + 1);
    const done = report as VerificationReport;
    expect(done.checks.versions).toMatchObject({ passed: true, rows_checked: ROWS });
    // the run's writes are on record inside its new columns: the changed cell is an edit, listed, not damage
    expect(done.checks.v21_data_intact).toMatchObject({
      passed: true,
      rows_compared: ROWS,
      total_differences: 0,
      total_edits: 1,
      edits: [{ row: 120_001, header: 'Cliente', backup: 'Cliente', current: 'Otro cliente' }],
    });
    expect(world.documentProperties(ss.id)['verification.cursor']).toBeUndefined();
  });
});
