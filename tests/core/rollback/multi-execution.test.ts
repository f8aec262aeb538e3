// A rollback that needs several executions (small blocks, a time budget spent after every block), with an
// execution dying at every service call of the whole sequence: calling again until it finishes always ends
// in the same world as the uninterrupted sequence.
import { rollbackMigration } from '../../../src/core/rollback/rollback';
import type { RollbackMode, RollbackReport } from '../../../src/core/contract';
import { appWrites, masked, migratedWorld } from '../../support/rollback-fixture';

jest.mock('../../../src/core/rollback/blocks', () => {
  const actual = jest.requireActual('../../../src/core/rollback/blocks');
  return {
    ...actual,
    // blocks of at most 3 rows, so an 8-row sheet takes several
    rowBlocks: (first: number, last: number) => {
      const blocks = [];
      for (let row = first; row <= last; row += 3) blocks.push({ row, rows: Math.min(3, last - row + 1) });
      return blocks;
    },
  };
});

function prepared() {
  const migrated = migratedWorld({ rows: 8 });
  appWrites(migrated.sheet);
  migrated.sheet.set(8, 3, [['NV-edited']]);
  migrated.world.properties.config = JSON.stringify({ time_budget_seconds: 30 });
  migrated.world.msPerCall = 10_000;
  migrated.world.calls = 0;
  return migrated;
}

function untilFinished(migrated: ReturnType<typeof prepared>, mode: RollbackMode) {
  const messages: string[] = [];
  for (let call = 0; call < 60; call += 1) {
    let report: RollbackReport;
    try {
      report = rollbackMigration(migrated.world.services(migrated.ss.id), { mode, confirm: true });
    } catch (error) {
      messages.push((error as Error).message); // an injected crash
      continue;
    }
    if (!report.pending) return { report, messages };
    expect(report).toMatchObject({ success: false, verification: { passed: false, pending: true } });
    expect(report.progress?.done).toBeLessThanOrEqual(report.progress?.total ?? -1);
    messages.push(report.errors[0]);
  }
  throw new Error(`not finished after 60 calls: ${messages.slice(-3).join(' | ')}`);
}

describe.each(['columns', 'full'] as RollbackMode[])(
  'a %s rollback spread over several executions',
  (mode) => {
    const clean = prepared();
    const { report: cleanReport, messages } = untilFinished(clean, mode);
    const cleanCalls = clean.world.calls;
    const cleanWorld = masked(clean.world.snapshot());

    it('stops between blocks when its budget is spent, says how to go on, and finishes', () => {
      expect(messages.length).toBeGreaterThan(1);
      for (const message of messages) expect(message).toMatch(/is not finished yet .* again to continue/);
      expect(cleanReport.success).toBe(true);
      expect(cleanReport.removed_columns).toEqual(['Ocupado_Por', 'Fecha_Ocupacion', 'version']);
    });

    if (mode === 'full') {
      it('writes the export in parts, together holding every changed cell', () => {
        const parts = cleanReport.exported?.parts ?? [];
        expect(parts.length).toBeGreaterThan(1);
        const cells = parts.flatMap(
          (part) => JSON.parse(clean.world.files.get(part.file_id)?.content ?? '{}').cells,
        );
        expect(
          cells.map((cell: { row: number; column: string }) => `${cell.row}:${cell.column}`).sort(),
        ).toEqual(['3:Ocupado_Por', '3:Fecha_Ocupacion', '3:version', '6:version', '8:NV'].sort());
      });
    }

    it.each(Array.from({ length: cleanCalls }, (_, i) => i + 1))(
      'ends like the clean sequence after dying at call %i',
      (n) => {
        const run = prepared();
        run.world.failAt = n;
        const { report } = untilFinished(run, mode);
        expect(masked(run.world.snapshot())).toBe(cleanWorld);
        expect(masked(report as RollbackReport)).toBe(masked(cleanReport));
      },
    );
  },
);
