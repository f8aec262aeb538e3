// v4.0's figure check right after the run: a row whose figures differ from Uniones is told apart from a row whose
// unions the app changed during the run by the backup's copy of Uniones. When that copy cannot be used, the row
// is listed as a mismatch and the error says why it could not be told apart, and what to do.
import { V40_FIGURES, v31Workbook, withUniones, worldOf } from '../../support/chain-bundle';
import { APP, SHEET, TAG_COLUMN } from '../live/support';

interface Report {
  success: boolean;
  errors: string[];
  checks: Record<string, { passed: boolean; [field: string]: unknown }>;
}

function run(spoilBackup: boolean) {
  const f = worldOf(withUniones(v31Workbook({ rows: 40 }), (i) => 1 + (i % 3)));
  f.ss.addEditor(APP);
  const app = f.world.as(APP);
  const tag = String(f.ss.sheet(SHEET).row(2)[TAG_COLUMN - 1]);
  const totalAt = () => f.ss.sheet(SHEET).row(1).indexOf(V40_FIGURES[0]) + 1;
  let done = false;
  // Before every call: once the run has written row 2's figures (and not before), the app adds a union to that
  // spool, and the backup's Uniones loses its DN_UNION header.
  const hook = () => {
    if (done || totalAt() === 0 || f.ss.sheet(SHEET).row(2)[totalAt() - 1] === '') return;
    done = true;
    const union = new Array<string | number>(17).fill('');
    union[0] = 'U-APP';
    union[3] = tag;
    union[4] = 2;
    app.appendRow(f.ss.id, 'Uniones', union);
    if (spoilBackup) {
      const backupId = f.world.drive.files().find((file) => file.name.includes('backup'))?.id as string;
      const copy = f.world.spreadsheet(backupId).sheet('Uniones');
      copy.setValues(1, copy.row(1).indexOf('DN_UNION') + 1, [['DN']]);
    }
  };
  const beforeCall = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [i + 1, hook]));
  const r = f.world.run('startMigration', [], { ...f.as, beforeCall });
  if (!r.ok) throw new Error(r.error.message);
  const history = f.world.call('getMigrationHistory', [], f.as) as { kind: string; file_id: string }[];
  const verification = history.find((entry) => entry.kind === 'verification');
  if (!verification) throw new Error('the run recorded no verification');
  // the whole report, as the run saved it to Drive (the history keeps a summary with shortened texts)
  const file = f.world.drive.files().find((entry) => entry.id === verification.file_id);
  const report = JSON.parse(file?.content ?? 'null') as Report;
  return { done, status: r.value as { state: string }, report };
}

test('with the backup usable, a row whose unions the app changed during the run is listed as changed', () => {
  const { done, status, report } = run(false);
  expect(done).toBe(true);
  expect(status.state).toBe('done');
  expect(report.checks.union_figures).toMatchObject({
    passed: true,
    mismatched: 0,
    changed_during_run: 1,
    changed_during_run_rows: [expect.objectContaining({ row: 2 })],
  });
  expect(report.checks.union_figures.backup_unusable).toBeUndefined();
});

test("with the backup's Uniones unusable, the row is a mismatch and the error says why and what to do", () => {
  const { done, status, report } = run(true);
  expect(done).toBe(true);
  expect(status.state).toBe('failed'); // a run whose verification fails is not done
  expect(report.checks.union_figures).toMatchObject({
    passed: false,
    mismatched_cells: [expect.objectContaining({ row: 2 })],
    backup_unusable: expect.stringMatching(/DN_UNION/),
  });
  const error = report.errors.find((text) => text.startsWith('union_figures:'));
  expect(error).toMatch(
    /figures no longer match Uniones; first at row 2, .* The backup's sheet Uniones is unusable, so rows the app changed during the run cannot be told apart: make it usable, then check these rows \(Sheet \"Uniones\" has no column \"DN_UNION\".*\)\.$/,
  );
});
