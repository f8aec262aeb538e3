import type { Baseline } from '../baseline';
import type { Check, VerificationReport } from '../contract';
import { firstBoxOutside, zonesOf } from '../write-zones';
import type { MigrationSpec } from '../migrations/migration-spec';
import { describeRule } from './rules';
import { translator, type Translate } from '../messages';
import { MAX_LISTED, type VerificationCursor } from './types';

type ChecksButReport = Omit<VerificationReport['checks'], 'report'> & { values: Check };

function missingColumn(header: string, t: Translate): string {
  return t('check_column_missing', { header });
}

function notApplicable(what: 'check_no_counter' | 'check_no_pair', t: Translate): Check {
  return { passed: true, not_applicable: t(what) };
}

function versionsCheck(cursor: VerificationCursor, t: Translate): Check {
  const counter = cursor.layout?.counter ?? null;
  if (!counter) return notApplicable('check_no_counter', t);
  const { invalid, not_zero: notZero, checked } = cursor.versions;
  const column = counter.column;
  const postMigration = cursor.mode === 'post_migration';
  return {
    passed: column !== null && invalid.count === 0,
    mode: cursor.mode,
    expected: t(postMigration ? 'check_versions_post' : 'check_versions_in_use', { start: counter.start }),
    column,
    rows_checked: checked,
    invalid: invalid.count,
    invalid_rows: invalid.first,
    not_zero: notZero.count,
    not_zero_rows: notZero.first,
    ...(column === null ? { problem: missingColumn(counter.header, t) } : {}),
  };
}

function occupationCheck(cursor: VerificationCursor, t: Translate): Check {
  const pair = cursor.layout?.pair ?? null;
  if (!pair) return notApplicable('check_no_pair', t);
  const [by, at] = pair;
  const { invalid, checked, occupied } = cursor.occupation;
  const missing = by.column === null ? by.header : at.column === null ? at.header : null;
  return {
    passed: missing === null && invalid.count === 0,
    mode: cursor.mode,
    expected:
      cursor.mode === 'post_migration'
        ? t('check_pair_post', { by: by.header, at: at.header })
        : t('check_pair_in_use', {
            by: by.header,
            byRule: describeRule(by.rule, t),
            at: at.header,
            atRule: describeRule(at.rule, t),
          }),
    columns: { [by.header]: by.column, [at.header]: at.column },
    rows_checked: checked,
    occupied,
    invalid: invalid.count,
    invalid_rows: invalid.first,
    ...(missing ? { problem: missingColumn(missing, t) } : {}),
  };
}

function valuesCheck(cursor: VerificationCursor, t: Translate): Check {
  const columns = cursor.layout?.valued ?? [];
  const tally = cursor.values ?? { checked: 0, invalid: { count: 0, first: [] } };
  const missing = columns.filter((column) => column.column === null).map((column) => column.header);
  return {
    passed: missing.length === 0 && tally.invalid.count === 0,
    mode: cursor.mode,
    expected: columns.map((column) =>
      cursor.mode === 'post_migration'
        ? column.fill === ''
          ? t('check_value_empty_post', { header: column.header })
          : t('check_value_fill_post', { header: column.header, fill: JSON.stringify(column.fill) })
        : t('check_value_in_use', { header: column.header, rule: describeRule(column.rule, t) }),
    ),
    columns: Object.fromEntries(columns.map((column) => [column.header, column.column])),
    rows_checked: tally.checked,
    invalid: tally.invalid.count,
    invalid_rows: tally.invalid.first,
    ...(missing.length > 0 ? { problem: missing.map((h) => missingColumn(h, t)).join('; ') } : {}),
  };
}

/**
 * Whether the run's writes are proven confined to its new columns: it recorded them (runs before the record have
 * no proof, and their differences stay failures) and every recorded box lies inside the new columns.
 */
function confinement(baseline: Baseline, spec: MigrationSpec): { proven: boolean; outside: string | null } {
  if (!baseline.written) return { proven: false, outside: null };
  const zones = zonesOf({
    sheet_name: baseline.sheet_name,
    v21_columns: baseline.v21_columns,
    new_columns: spec.newColumns.length,
    others: baseline.others,
  });
  const outside = firstBoxOutside(zones, baseline.written, spec.headerRow);
  return { proven: outside === null, outside: outside ? `${outside.sheet}!${outside.range}` : null };
}

/**
 * `v21_data_intact` (every cell that existed before equals the backup). With the run's writes proven inside its
 * new columns, the old columns' headers in place and no data row gone, a v2.1 cell that differs from the backup
 * was written by someone else: an edit, listed in `edits`, not damage. Without that proof a difference fails.
 */
function intactCheck(cursor: VerificationCursor, baseline: Baseline, spec: MigrationSpec): Check {
  const { intact } = cursor;
  const rowsNow = cursor.layout?.data_rows ?? 0;
  const headerDifferences = cursor.structure?.header_differences ?? { count: 0, first: [] };
  const rowsMissing = Math.max(0, baseline.data_rows - rowsNow);
  const rowsAdded = Math.max(0, rowsNow - baseline.data_rows);
  const confined = confinement(baseline, spec);
  const edits = confined.proven ? intact.differences : { count: 0, first: [] };
  const damage = confined.proven ? { count: 0, first: [] } : intact.differences;
  const total = headerDifferences.count + damage.count;
  const rowsOk = rowsMissing === 0 && (cursor.mode === 'in_use' || rowsAdded === 0 || confined.proven);
  return {
    passed: intact.backup_error === null && total === 0 && rowsOk && confined.outside === null,
    backup: { file_id: baseline.backup.file_id, name: baseline.backup.name },
    backup_error: intact.backup_error,
    columns: baseline.v21_columns,
    rows_expected: baseline.data_rows,
    rows_now: rowsNow,
    rows_compared: intact.rows_compared,
    rows_missing: rowsMissing,
    rows_added: rowsAdded,
    blocks: baseline.block_digests.length,
    blocks_differing: intact.blocks_differing,
    total_differences: total,
    differences: [...headerDifferences.first, ...damage.first].slice(0, MAX_LISTED),
    writes_confined: confined.proven,
    ...(confined.outside ? { write_outside: confined.outside } : {}),
    total_edits: edits.count,
    edits: edits.first.slice(0, MAX_LISTED),
    ...(cursor.appended_after_fill
      ? {
          appended_after_fill: cursor.appended_after_fill.count,
          appended_after_fill_rows: cursor.appended_after_fill.first.slice(0, MAX_LISTED),
        }
      : {}),
    ...(cursor.mode === 'in_use' ? { changed_by_app: intact.changed_by_app } : {}),
  };
}

/** `t`: the owner's language for the checks' `expected` texts. */
export function assembleChecks(
  cursor: VerificationCursor,
  baseline: Baseline,
  spec: MigrationSpec,
  t: Translate = translator('en'),
): ChecksButReport {
  const structure = cursor.structure;
  if (!structure)
    throw new Error('assembleChecks: the header row was never read; advance the verification first.');
  return {
    column_count: structure.column_count,
    new_headers: structure.new_headers,
    versions: versionsCheck(cursor, t),
    occupation_empty: occupationCheck(cursor, t),
    v21_data_intact: intactCheck(cursor, baseline, spec),
    column_mapping: structure.column_mapping,
    values: valuesCheck(cursor, t),
  };
}

function quote(value: unknown): string {
  return JSON.stringify(value);
}

/** One sentence per failed check, saying what is wrong and where; each starts with the check's name. */
export function errorsOf(
  checks: Partial<VerificationReport['checks']>,
  t: Translate = translator('en'),
): string[] {
  const errors: string[] = [];
  const { column_count: count, new_headers: headers, versions, occupation_empty: occupation } = checks;
  const { v21_data_intact: intact, column_mapping: mapping, report } = checks;
  if (count && !count.passed) {
    errors.push(
      `column_count: ${t('verr_column_count', { expected: count.expected, actual: count.actual })}`,
    );
  }
  if (headers && !headers.passed) {
    errors.push(`new_headers: ${(headers.problems as string[]).join('; ')}.`);
  }
  if (versions && !versions.passed) {
    const first = versions.invalid_rows as { row: number }[];
    errors.push(
      versions.problem
        ? `versions: ${versions.problem}.`
        : `versions: ${t('verr_versions', {
            count: Number(versions.invalid),
            rule: String(versions.expected),
            row: String(first.map((r) => r.row).sort((a, b) => a - b)[0]),
          })}`,
    );
  }
  if (occupation && !occupation.passed) {
    const first = (occupation.invalid_rows as { row: number; value: string }[])[0];
    errors.push(
      occupation.problem
        ? `occupation_empty: ${occupation.problem}.`
        : `occupation_empty: ${t('verr_occupation', {
            count: String(occupation.invalid),
            rule: String(occupation.expected),
            row: String(first?.row),
            value: String(first?.value),
          })}`,
    );
  }
  if (intact && !intact.passed) errors.push(intactError(intact, t));
  const values = (checks as Record<string, Check | undefined>).values;
  if (values && !values.passed) {
    const first = (values.invalid_rows as { row: number; header: string; value: unknown }[])[0];
    errors.push(
      values.problem
        ? `values: ${values.problem}.`
        : `values: ${t('verr_values', {
            count: String(values.invalid),
            rules: (values.expected as string[]).join('; '),
            row: String(first?.row),
            header: String(quote(first?.header)),
            value: String(quote(first?.value)),
          })}`,
    );
  }
  if (mapping && !mapping.passed) {
    const parts = [
      (mapping.unresolved as string[]).length
        ? t('verr_not_found', { headers: (mapping.unresolved as string[]).map(quote).join(', ') })
        : '',
      (mapping.misplaced as { header: string; expected: number; actual: number[] }[])
        .map((m) =>
          t('verr_misplaced', { header: quote(m.header), expected: m.expected, actual: m.actual.join(', ') }),
        )
        .join('; '),
      (mapping.key_column as { column: number | null }).column === null ? t('verr_key_missing') : '',
    ].filter(Boolean);
    errors.push(`column_mapping: ${parts.join('; ')}.`);
  }
  const extra = checks as Record<string, Check | undefined>;
  const structure = extra.sheet_structure;
  if (structure && !structure.passed) {
    const sheets = structure.sheets as Record<string, { missing: string[]; duplicated: string[] }>;
    const parts = Object.entries(sheets).flatMap(([sheet, found]) => [
      ...(found.missing.length
        ? [t('verr_sheet_lacks', { sheet, headers: found.missing.map(quote).join(', ') })]
        : []),
      ...(found.duplicated.length
        ? [t('verr_sheet_duplicated', { sheet, headers: found.duplicated.map(quote).join(', ') })]
        : []),
    ]);
    errors.push(`sheet_structure: ${structure.problem ?? parts.join('; ')}.`);
  }
  const computed = extra.computed_values;
  if (computed && !computed.passed) {
    const first = (
      computed.mismatched_cells as
        { row: number; header: string; value: unknown; expected: number }[] | undefined
    )?.[0];
    errors.push(
      computed.problem
        ? `computed_values: ${String(computed.problem).replace(/\.?$/, '.')}`
        : `computed_values: ${t('verr_computed', {
            count: String(computed.mismatched),
            source: String(computed.source),
            row: String(first?.row),
            header: String(quote(first?.header)),
            value: String(quote(first?.value)),
            expected: String(first?.expected),
          })}${
            computed.backup_unusable
              ? ` ${t('verr_computed_backup_unusable', {
                  source: String(computed.source),
                  message: String(computed.backup_unusable),
                })}`
              : ''
          }`,
    );
  }
  if (report && !report.passed) errors.push(`report: ${report.problem}`);
  return errors;
}

function intactError(intact: Check, t: Translate): string {
  if (intact.backup_error) return `v21_data_intact: ${intact.backup_error}`;
  const parts: string[] = [];
  if (Number(intact.total_differences) > 0) {
    const first = (
      intact.differences as { row: number; header: string; backup: unknown; current: unknown }[]
    )[0];
    parts.push(
      t('verr_intact_cells', {
        count: String(intact.total_differences),
        row: first.row,
        header: quote(first.header),
        backup: String(quote(first.backup)),
        current: String(quote(first.current)),
      }),
    );
  }
  if (intact.write_outside) {
    parts.push(t('verr_intact_write_outside', { where: String(intact.write_outside) }));
  }
  if (Number(intact.rows_missing) > 0) {
    parts.push(t('verr_intact_rows_missing', { count: String(intact.rows_missing) }));
  }
  if (Number(intact.rows_added) > 0 && !('changed_by_app' in intact) && !intact.writes_confined) {
    parts.push(t('verr_intact_rows_added', { count: String(intact.rows_added) }));
  }
  return `v21_data_intact: ${parts.join('; ')}.`;
}
