import type { RollbackMode, RollbackReport, RollbackVerification } from '../contract';

/** What a person should read when a check after the rollback did not pass. */
export function verificationErrors(mode: RollbackMode, verification: RollbackVerification): string[] {
  const errors: string[] = [];
  const { checks } = verification;
  if (!checks.no_added_columns.passed) {
    errors.push(
      `Columns the migration added are still in the sheet: ${checks.no_added_columns.found.join(', ')}. ` +
        'Call rollbackMigration again with the same options.',
    );
  }
  if (!checks.headers.passed) {
    errors.push("Row 1 does not match the backup's header row: compare them and fix the headers by hand.");
  }
  if (!checks.v21_data_intact.passed) {
    const first = checks.v21_data_intact.differences[0];
    const where = first ? ` (first: row ${first.row}, column "${first.column}")` : '';
    errors.push(
      `${checks.v21_data_intact.total} cells differ from the backup${where}.` +
        (mode === 'columns'
          ? " A columns rollback keeps edits made after the backup; a full rollback puts the backup's cells back."
          : ' Call rollbackMigration again with mode "full" to write the backup back.'),
    );
  }
  if (checks.dimensions && !checks.dimensions.passed) {
    const { expected, actual } = checks.dimensions;
    errors.push(
      `The sheet is ${actual.rows} x ${actual.columns} cells, the backup ${expected.rows} x ${expected.columns}. ` +
        'Call rollbackMigration again with mode "full".',
    );
  }
  return errors;
}

/** The report trimmed for one document property: the full difference list lives only in the returned report. */
export function compactReport(report: RollbackReport, listed: number): RollbackReport {
  const { checks } = report.verification;
  const compact: RollbackVerification = {
    passed: report.verification.passed,
    checks: {
      ...checks,
      headers: {
        ...checks.headers,
        expected: checks.headers.expected.slice(0, listed),
        found: checks.headers.found.slice(0, listed),
      },
      v21_data_intact: {
        ...checks.v21_data_intact,
        differences: checks.v21_data_intact.differences.slice(0, listed),
      },
    },
  };
  return { ...report, verification: compact, errors: report.errors.slice(0, 10) };
}
