// What the rehearsal prints: the plan, the verification table, a rollback's outcome and the before/after summary.

import {
  CHECK_NAMES,
  type Check,
  type Plan,
  type RollbackReport,
  type SheetChangePlan,
  type VerificationReport,
} from './contract';
import { columnLetter } from './workbook';
import { sheetColumns } from '../src/core/migration/describe';
import { translator } from '../src/core/messages';

const n = (value: number) => value.toLocaleString('en-US');

export function table(rows: string[][], indent = '  '): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      (
        indent + r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')
      ).trimEnd(),
    )
    .join('\n');
}

function fill(value: unknown): string {
  if (value === '' || value === null || value === undefined) return 'empty';
  return JSON.stringify(value);
}

export function planText(plan: Plan): string {
  const lines = [
    `Plan: ${plan.migration} on sheet "${plan.sheet.name}"`,
    table([
      [
        'sheet',
        `${n(plan.sheet.rows)} data rows x ${sheetColumns(plan, translator('en'))}, header in row ${plan.sheet.header_row}`,
      ],
      ['schema detected', plan.schema_detected],
      ['rows to initialize', n(plan.rows_to_initialize)],
      ['backup', `${plan.backup.name}${plan.backup.folder_id ? ` (folder ${plan.backup.folder_id})` : ''}`],
      [
        'cells after',
        `${n(plan.cells_after)} of ${n(plan.cell_limit)} (${((plan.cells_after / plan.cell_limit) * 100).toFixed(1)}%)`,
      ],
    ]),
  ];
  if (plan.columns_to_add.length > 0) {
    lines.push('  columns to add:');
    lines.push(
      table(
        [
          ['header', 'position', 'fill'],
          ...plan.columns_to_add.map((c) => [
            c.header,
            `${c.position} (${columnLetter(c.position)})`,
            fill(c.fill),
          ]),
        ],
        '    ',
      ),
    );
  } else {
    lines.push('  columns to add: none');
  }
  const elsewhere = (plan.changes ?? []).filter((change) => change.sheet !== plan.sheet.name);
  for (const change of elsewhere) lines.push(`  sheet "${change.sheet}": ${changeText(change)}`);
  for (const reason of plan.blocking) lines.push(`  BLOCKING: ${reason}`);
  for (const warning of plan.warnings) lines.push(`  warning: ${warning}`);
  for (const later of plan.then ?? []) {
    lines.push(`  then ${later.migration} (from ${later.from}): ${later.description}`);
    for (const change of later.changes) lines.push(`    sheet "${change.sheet}": ${changeText(change)}`);
    lines.push(
      `    cells after: ${n(later.cells_after)} of ${n(plan.cell_limit)} (${((later.cells_after / plan.cell_limit) * 100).toFixed(1)}%)`,
    );
    for (const reason of later.blocking) lines.push(`    BLOCKING: ${reason}`);
  }
  return lines.join('\n');
}

/** What a migration does to one sheet, in a line: the sheet it creates, headers it appends, columns it adds. */
export function changeText(change: SheetChangePlan): string {
  const parts: string[] = [];
  if (change.creates) parts.push(`created with ${change.headers?.length ?? 0} headers`);
  if (change.appends_headers && change.appends_headers.length > 0) {
    parts.push(`headers appended: ${change.appends_headers.join(', ')}`);
  }
  for (const column of change.add_columns) {
    const how = column.computed ?? fill(column.fill);
    parts.push(`adds ${column.header} at ${columnLetter(column.position)} (${how})`);
  }
  return parts.length > 0 ? parts.join('; ') : 'checked, not changed';
}

const DETAILS_MAX = 90;
export const SHORTENED_NOTE = '  (details ending in ... are shortened; the report file has them in full)';

function shortened(check: Check): boolean {
  return checkDetails(check, Infinity).length > DETAILS_MAX;
}

/** The fields of a check other than `passed`, compact: `expected=69 actual=69`. */
export function checkDetails(check: Check, max = DETAILS_MAX): string {
  const parts = Object.entries(check)
    .filter(([key]) => key !== 'passed')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const text = parts.join(' ');
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

export function verificationText(report: VerificationReport, title = 'Verification'): string {
  // the contract's order; any further check is printed after these
  const known: readonly string[] = CHECK_NAMES;
  const present = Object.entries(report.checks).filter((entry): entry is [string, Check] => !!entry[1]);
  const checks = [
    ...known.flatMap((name) => present.filter(([key]) => key === name)),
    ...present.filter(([name]) => !known.includes(name)),
  ];
  const rows = [
    ['check', 'result', 'details'],
    ...checks.map(([name, check]) => [name, check.passed ? 'PASS' : 'FAIL', checkDetails(check)]),
  ];
  const passed = checks.filter(([, check]) => check.passed).length;
  const lines = [
    `${title}: ${report.success ? 'passed' : 'FAILED'} (${passed}/${checks.length} checks)`,
    table(rows),
  ];
  if (checks.some(([, check]) => shortened(check))) lines.push(SHORTENED_NOTE);
  for (const error of report.errors) lines.push(`  error: ${error}`);
  return lines.join('\n');
}

export function rollbackText(report: RollbackReport): string {
  const lines = [
    `Rollback${report.migration ? ` of ${report.migration}` : ''} (${report.mode}): ${report.success ? 'done' : 'FAILED'}`,
    table([
      ['removed columns', report.removed_columns.length > 0 ? report.removed_columns.join(', ') : 'none'],
      ['restored columns', JSON.stringify(report.restored_columns)],
      [
        'exported values',
        report.exported ? report.exported.url : 'none (nothing written since the migration)',
      ],
      ['verification', report.verification.passed ? 'PASS' : 'FAIL'],
    ]),
  ];
  // The rollback's verification may hold checks of its own: one line each, like the verification table.
  const nested = report.verification.checks;
  const subChecks =
    nested && typeof nested === 'object' ? Object.entries(nested as Record<string, Check>) : [];
  if (subChecks.length > 0 && subChecks.every(([, c]) => c && typeof c.passed === 'boolean')) {
    lines.push(
      table(
        subChecks.map(([name, c]) => [name, c.passed ? 'PASS' : 'FAIL', checkDetails(c)]),
        '    ',
      ),
    );
    if (subChecks.some(([, c]) => shortened(c))) lines.push(`  ${SHORTENED_NOTE}`);
  } else if (checkDetails(report.verification) !== '') {
    lines.push(`    ${checkDetails(report.verification)}`);
  }
  for (const error of report.errors) lines.push(`  error: ${error}`);
  return lines.join('\n');
}

export interface SheetSummary {
  rows: number;
  columns: number;
  headers: string[];
  schemaVersion: string | null;
}

export function summaryText(before: SheetSummary, after: SheetSummary, afterTitle = 'after'): string {
  const added = after.headers.filter((h) => h !== '' && !before.headers.includes(h));
  const removed = before.headers.filter((h) => h !== '' && !after.headers.includes(h));
  const rows = [
    ['', 'before', afterTitle],
    ['data rows', n(before.rows), n(after.rows)],
    ['columns', n(before.columns), n(after.columns)],
    ['headers added', '', added.length > 0 ? added.join(', ') : 'none'],
    ['schema_version', before.schemaVersion ?? '(none)', after.schemaVersion ?? '(none)'],
  ];
  if (removed.length > 0) rows.splice(4, 0, ['headers removed', '', removed.join(', ')]);
  return table(rows);
}

export function costText(executions: { function: string; roundTrips: number; virtualMs: number }[]): string {
  const byFunction = new Map<string, { runs: number; roundTrips: number; virtualMs: number }>();
  for (const e of executions) {
    const sum = byFunction.get(e.function) ?? { runs: 0, roundTrips: 0, virtualMs: 0 };
    sum.runs += 1;
    sum.roundTrips += e.roundTrips;
    sum.virtualMs += e.virtualMs;
    byFunction.set(e.function, sum);
  }
  const total = { runs: executions.length, roundTrips: 0, virtualMs: 0 };
  const rows = [['function', 'runs', 'round trips', 'time']];
  for (const [name, sum] of byFunction) {
    total.roundTrips += sum.roundTrips;
    total.virtualMs += sum.virtualMs;
    rows.push([name, String(sum.runs), String(sum.roundTrips), `${(sum.virtualMs / 1000).toFixed(1)} s`]);
  }
  rows.push([
    'total',
    String(total.runs),
    String(total.roundTrips),
    `${(total.virtualMs / 1000).toFixed(1)} s`,
  ]);
  return `Apps Script cost, as the emulator models it:\n${table(rows)}`;
}
