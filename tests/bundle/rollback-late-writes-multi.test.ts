// A rollback spread over several executions while the app keeps writing (the document lock only keeps other
// add-on runs out): a value written between two calls, in a row the export already read (columns mode) or in a
// row the restore has not reached yet (full mode), is exported in one more part before it is removed or
// overwritten.
import type { RollbackReport } from '../../src/core/contract';
import { columnOf } from '../support/rollback-bundle';
import {
  SHEET,
  migrateThroughTriggers,
  rollbackFinished,
  slowFixture,
  stopMessage,
  type Fixture,
} from '../support/slow-sheets';
import { expectSameCells } from '../support/same-cells';

interface Cell {
  row: number;
  column: string;
  value: unknown;
}

interface State {
  phase: string;
  export_progress: { next_row: number } | null;
  restore: { rows: number; next_row: number } | null;
}

function migrated(): { f: Fixture; original: unknown[][]; originalFormulas: string[][] } {
  const f = slowFixture(2000);
  const sheet = f.ss.sheet(SHEET);
  const original = sheet.values();
  const originalFormulas = sheet.formulas();
  const last = migrateThroughTriggers(f).runs.pop();
  if (!last?.ok || (last.value as { state: string }).state !== 'done') throw new Error('not migrated');
  f.world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], f.as);
  return { f, original, originalFormulas };
}

function exportedCells(f: Fixture, report: RollbackReport): Cell[] {
  const refs = report.exported?.parts ?? (report.exported ? [report.exported] : []);
  return refs.flatMap(
    (ref) =>
      (
        JSON.parse(String(f.world.drive.files().find((file) => file.id === ref.file_id)?.content)) as {
          cells: Cell[];
        }
      ).cells,
  );
}

/** Calls rollbackMigration until done; after each stop, `between` may write like the app. */
function rollBack(f: Fixture, mode: string, between: (state: State) => void): RollbackReport {
  for (let call = 0; call < 300; call += 1) {
    const run = f.world.run('rollbackMigration', [{ mode, confirm: true }], f.as);
    if (rollbackFinished(run)) return run.value as RollbackReport;
    expect(stopMessage(run)).toMatch(/is not finished yet/);
    between(JSON.parse(f.world.documentProperties(f.ss.id)['rollback.state']) as State);
  }
  throw new Error('the rollback did not finish');
}

it('columns mode: a value written to a row an earlier call already exported is exported before removal', () => {
  const { f } = migrated();
  const sheet = f.ss.sheet(SHEET);
  const occupied = columnOf(f.ss, 'Ocupado_Por');
  let written = 0;
  const report = rollBack(f, 'columns', (state) => {
    if (written || state.phase !== 'export' || (state.export_progress?.next_row ?? 0) <= 5) return;
    sheet.setValues(4, occupied, [['LATE(4)', '25-11-2026 10:00:00', 7]]);
    written = 4;
  });
  expect(written).toBe(4);
  expect(report.success).toBe(true);
  expect(exportedCells(f, report)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ row: 4, column: 'Ocupado_Por', value: 'LATE(4)' }),
      expect.objectContaining({ row: 4, column: 'version', value: 7 }),
    ]),
  );
  expect(sheet.row(1)).not.toContain('Ocupado_Por');
});

it('full mode: a value written to a row the restore has not reached is exported, then restored', () => {
  const { f, original, originalFormulas } = migrated();
  const sheet = f.ss.sheet(SHEET);
  const last = original.length;
  let written = false;
  const report = rollBack(f, 'full', (state) => {
    if (written || state.phase !== 'restore_cells' || (state.restore?.next_row ?? last + 1) >= last) return;
    sheet.setValues(last, 2, [['LATE-EDIT']]);
    written = true;
  });
  expect(written).toBe(true);
  expect(report.success).toBe(true);
  expect(exportedCells(f, report)).toEqual(
    expect.arrayContaining([expect.objectContaining({ row: last, value: 'LATE-EDIT' })]),
  );
  expectSameCells(sheet.values(), original);
  expectSameCells(sheet.formulas(), originalFormulas);
});
