import type { RollbackMode, RollbackReport, RollbackVerification } from '../contract';

/**
 * What a person should read when a check after the rollback did not pass. The rollback is over by then (calling
 * rollbackMigration again returns this report), so each message says what to do by hand, never "call again".
 */
export function verificationErrors(
  mode: RollbackMode,
  verification: RollbackVerification,
  backupName = 'the backup',
): string[] {
  const errors: string[] = [];
  const { checks } = verification;
  if (!checks.no_added_columns.passed) {
    errors.push(
      `Columns the migration added are in the sheet again: ${checks.no_added_columns.found.join(', ')} ` +
        '(added while the rollback ran?). Check what they hold, then delete them by hand.',
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
          ? ' A columns rollback keeps the edits made after the backup: these are they.'
          : ` They were written while the rollback ran, or could not be written back; compare them with ${backupName} ` +
            'and fix them by hand.'),
    );
  }
  if (checks.dimensions && !checks.dimensions.passed) {
    const { expected, actual } = checks.dimensions;
    errors.push(
      `The sheet is ${actual.rows} x ${actual.columns} cells, the backup ${expected.rows} x ${expected.columns}: ` +
        'rows or columns were added or removed while the rollback ran. Compare the sheet with the backup and ' +
        'fix it by hand.',
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
