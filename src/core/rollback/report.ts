import type { RollbackMode, RollbackReport, RollbackVerification } from '../contract';
import type { Translate } from '../messages';

/**
 * What a person should read when a check after the rollback did not pass. The rollback is over by then (calling
 * rollbackMigration again returns this report), so each message says what to do by hand, never "call again".
 */
export function verificationErrors(
  mode: RollbackMode,
  verification: RollbackVerification,
  t: Translate,
  backupName = t('rollback_the_backup'),
): string[] {
  const errors: string[] = [];
  const { checks } = verification;
  if (!checks.no_added_columns.passed) {
    errors.push(t('rollback_err_columns_back', { columns: checks.no_added_columns.found.join(', ') }));
  }
  if (!checks.headers.passed) errors.push(t('rollback_err_headers'));
  if (!checks.v21_data_intact.passed) {
    const first = checks.v21_data_intact.differences[0];
    const where = first ? t('rollback_err_where', { row: first.row, column: first.column }) : '';
    errors.push(
      t('rollback_err_cells', { count: checks.v21_data_intact.total, where }) +
        (mode === 'columns'
          ? t('rollback_err_cells_columns')
          : t('rollback_err_cells_full', { backup: backupName })),
    );
  }
  if (checks.dimensions && !checks.dimensions.passed) {
    const { expected, actual } = checks.dimensions;
    errors.push(
      t('rollback_err_grid', {
        actual_rows: actual.rows,
        actual_columns: actual.columns,
        rows: expected.rows,
        columns: expected.columns,
      }),
    );
  }
  return errors;
}

/** The report trimmed for one document property: the full difference list lives only in the returned report. */
export function compactReport(report: RollbackReport, listed: number): RollbackReport {
  if (!('checks' in report.verification)) return report;
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
