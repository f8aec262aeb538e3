import type { Plan, Status, VerificationReport } from '../../rehearse/contract';
import { SHORTENED_NOTE, planText, summaryText, verificationText } from '../../rehearse/print';
import { ProgressBoard, bar } from '../../rehearse/progress';

const steps = (progress: number, total = 2500): Status['steps'] => [
  { name: 'create_backup', status: 'done' },
  { name: 'add_v3_columns', status: 'done' },
  { name: 'verify_schema', status: 'done' },
  {
    name: 'initialize_versions',
    status: progress < total ? 'running' : 'done',
    progress: { done: progress, total },
  },
  { name: 'test_smoke', status: 'pending' },
];
const status = (progress: number): Status => ({
  migration: 'v3.0',
  run_id: 'r1',
  state: 'paused',
  dry_run: false,
  steps: steps(progress),
  updated_at: '2026-11-24T12:00:00.000Z',
});

describe('progress bars', () => {
  it('fills in proportion, never past the ends', () => {
    expect(bar(0, 10, 10)).toBe('[..........]');
    expect(bar(5, 10, 10)).toBe('[#####.....]');
    expect(bar(12, 10, 10)).toBe('[##########]');
    expect(bar(0, 0, 4)).toBe('[####]');
  });

  it('prints one line per finished step and one per change of the running step when not on a terminal', () => {
    let text = '';
    const board = new ProgressBoard({ write: (t: string) => (text += t) });
    board.update(status(1000));
    board.update(status(1000));
    board.update(status(2500));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/✓ create_backup .*done$/);
    expect(lines[3]).toMatch(/> initialize_versions \[#{11}\.{17}\]  40% 1,000\/2,500  running$/);
    expect(lines[4]).toMatch(/✓ initialize_versions \[#{28}\] 100% 2,500\/2,500  done$/);
    expect(text).not.toMatch(/test_smoke/);
  });

  it('redraws the running bar in place on a terminal', () => {
    let text = '';
    const board = new ProgressBoard({ write: (t: string) => (text += t), isTTY: true });
    board.update(status(500));
    board.update(status(1500));
    board.close();
    expect(text.match(/\r\x1b\[2K {2}> initialize_versions/g)).toHaveLength(2);
    expect(text.endsWith('running\n')).toBe(true);
  });
});

const plan: Plan = {
  migration: 'v3.0',
  sheet: { name: 'Operaciones', rows: 2500, columns: 66, used_columns: 66, header_row: 1 },
  schema_detected: '2.1',
  columns_to_add: [
    { header: 'Ocupado_Por', position: 67, fill: '' },
    { header: 'Fecha_Ocupacion', position: 68, fill: '' },
    { header: 'version', position: 69, fill: 0 },
  ],
  rows_to_initialize: 2500,
  backup: { name: 'ZEUES v3.0 backup', folder_id: 'root' },
  cells_after: 176_510,
  cell_limit: 10_000_000,
  blocking: [],
  warnings: ['2 duplicate TAG_SPOOL values'],
};

describe('printed tables', () => {
  it('shows the plan with column letters, fills, cells and warnings', () => {
    const text = planText(plan);
    expect(text).toMatch(/2,500 data rows x 66 columns, header in row 1/);
    const headerless = { ...plan, sheet: { ...plan.sheet, columns: 65 } };
    expect(planText(headerless)).toMatch(
      /2,500 data rows x 66 columns \(65 with a header\), header in row 1/,
    );
    expect(text).toMatch(/Ocupado_Por\s+67 \(BO\)\s+empty/);
    expect(text).toMatch(/version\s+69 \(BQ\)\s+0/);
    expect(text).toMatch(/176,510 of 10,000,000 \(1\.8%\)/);
    expect(text).toMatch(/warning: 2 duplicate TAG_SPOOL values/);
    expect(planText({ ...plan, blocking: ['over the cell limit'] })).toMatch(/BLOCKING: over the cell limit/);
  });

  it('lists the checks in the contract order with PASS/FAIL and their details', () => {
    const report: VerificationReport = {
      timestamp: '2026-11-24T12:00:00.000Z',
      dry_run: false,
      success: false,
      errors: ['row 7: TAG_SPOOL differs from the backup'],
      checks: {
        v21_data_intact: { passed: false, rows_checked: 2500, mismatches: 1 },
        column_count: { expected: 69, actual: 69, passed: true },
        new_headers: { expected: ['version'], found: ['version'], passed: true },
      },
    };
    const lines = verificationText(report).split('\n');
    expect(lines[0]).toBe('Verification: FAILED (2/3 checks)');
    expect(lines[2]).toMatch(/column_count\s+PASS\s+expected=69 actual=69/);
    expect(lines[3]).toMatch(/new_headers\s+PASS\s+expected=\["version"\]/);
    expect(lines[4]).toMatch(/v21_data_intact\s+FAIL\s+rows_checked=2500 mismatches=1/);
    expect(lines[5]).toMatch(/error: row 7/);
    expect(lines).not.toContain(SHORTENED_NOTE);
  });

  it('says when details were shortened to fit, and where the full ones are', () => {
    const long = 'MK-1832-CW-35479-001,'.repeat(10);
    const report: VerificationReport = {
      timestamp: '2026-11-24T12:00:00.000Z',
      dry_run: false,
      success: true,
      errors: [],
      checks: { new_headers: { expected: [long], found: [long], passed: true } },
    };
    const lines = verificationText(report).split('\n');
    expect(lines[2]).toMatch(/\.\.\.$/);
    expect(lines[3]).toBe(SHORTENED_NOTE);
    expect(SHORTENED_NOTE).toMatch(/report file has them in full/);
  });

  it('summarizes before and after', () => {
    const text = summaryText(
      { rows: 2500, columns: 66, headers: ['id', 'TAG_SPOOL'], schemaVersion: null },
      {
        rows: 2500,
        columns: 69,
        headers: ['id', 'TAG_SPOOL', 'Ocupado_Por', 'version'],
        schemaVersion: '3.0',
      },
    );
    expect(text).toMatch(/columns\s+66\s+69/);
    expect(text).toMatch(/headers added\s+Ocupado_Por, version/);
    expect(text).toMatch(/schema_version\s+\(none\)\s+3\.0/);
  });
});
