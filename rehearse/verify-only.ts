// --verify-only: check a workbook that is already migrated, without migrating it. An .xlsx carries none of the
// add-on's records (they live in the spreadsheet's document properties, the backup in Drive), so the bundle's
// verifyMigration cannot run on it directly. Instead: the bundle's plan must detect schema v3.0 in it; the v2.1
// original is migrated by the bundle in the emulator as the reference, with the add-on's verification; and the
// given workbook is compared with that reference cell for cell.

import type { Plan, Status, VerificationReport } from './contract';
import type { SheetSummary } from './print';
import { verificationText } from './print';
import type { Output } from './progress';
import type { Execution } from './rehearsal';
import { caller, exportSheet, runToEnd, silent } from './rehearsal';
import type { CellValue, SheetModel } from './workbook';
import { columnLetter } from './workbook';
import type { EmulatedSpreadsheet, RehearsalWorld } from './world';

export interface Difference {
  cell: string;
  header: string;
  expected: string;
  found: string;
}

export interface Comparison {
  passed: boolean;
  rows: { expected: number; found: number };
  columns: { expected: number; found: number };
  cells: number;
  /** Cells of the v2.1 columns that differ: each one is a failure. */
  v21: { differing: number; first: Difference[] };
  /** Cells of the added columns that differ: the app writes these after a migration, so they are reported only. */
  added: { differing: number; first: Difference[] };
}

export interface VerifyOnlyResult {
  executions: Execution[];
  plan: Plan;
  before: SheetSummary;
  /** Why the workbook is not migrated; nothing else was done. */
  notMigrated?: string;
  reference?: { status: Status; slices: number; verification?: VerificationReport };
  comparison?: Comparison;
  passed: boolean;
}

export interface VerifyOnlyInput {
  sheet: string;
  configureSheet: boolean;
  source: string;
  before: SheetSummary;
}

const EXAMPLES = 5;

function shown(value: CellValue | undefined, formula: string | null | undefined): string {
  if (formula) return formula;
  if (value === undefined || value === '') return 'empty';
  if (typeof value === 'object') return value.toISOString();
  return JSON.stringify(value);
}

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const empty = (v: CellValue | undefined) => v === undefined || v === '';
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (typeof a === 'object' && typeof b === 'object') return a.getTime() === b.getTime();
  return a === b;
}

export function compareSheets(found: SheetModel, expected: SheetModel, v21Columns: number): Comparison {
  const width = (s: SheetModel) => s.values.reduce((n, row) => Math.max(n, row.length), 0);
  const header = (expected.values[0] ?? []).map((h) => String(h));
  const result: Comparison = {
    passed: false,
    rows: { expected: Math.max(0, expected.values.length - 1), found: Math.max(0, found.values.length - 1) },
    columns: { expected: width(expected), found: width(found) },
    cells: 0,
    v21: { differing: 0, first: [] },
    added: { differing: 0, first: [] },
  };
  const rows = Math.max(found.values.length, expected.values.length);
  const columns = Math.max(result.columns.expected, result.columns.found);
  for (let r = 0; r < rows; r++) {
    const e = expected.values[r] ?? [];
    const f = found.values[r] ?? [];
    const ef = expected.formulas?.[r];
    const ff = found.formulas?.[r];
    for (let c = 0; c < columns; c++) {
      result.cells += 1;
      const formulaE = ef?.[c] ?? null;
      const formulaF = ff?.[c] ?? null;
      if (formulaE === formulaF && same(e[c], f[c])) continue;
      const bucket = c < v21Columns ? result.v21 : result.added;
      bucket.differing += 1;
      if (bucket.first.length < EXAMPLES) {
        bucket.first.push({
          cell: `${columnLetter(c + 1)}${r + 1}`,
          header: header[c] ?? '',
          expected: shown(e[c], formulaE),
          found: shown(f[c], formulaF),
        });
      }
    }
  }
  result.passed =
    result.rows.expected === result.rows.found &&
    result.columns.expected === result.columns.found &&
    result.v21.differing === 0;
  return result;
}

export function comparisonText(c: Comparison, source: string, original: string): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [
    `Comparison of ${source} with the add-on's migration of ${original}: ${c.passed ? 'identical v2.1 data' : 'FAILED'}`,
    `  data rows  expected ${n(c.rows.expected)}, found ${n(c.rows.found)}${c.rows.expected === c.rows.found ? '' : '  <- differs'}`,
    `  columns    expected ${n(c.columns.expected)}, found ${n(c.columns.found)}${c.columns.expected === c.columns.found ? '' : '  <- differs'}`,
    `  v2.1 columns: ${c.v21.differing === 0 ? `every cell identical (${n(c.cells)} cells compared in all)` : `${n(c.v21.differing)} cells differ`}`,
  ];
  const examples = (list: Difference[]) =>
    list.map((d) => `    ${d.cell} (${d.header}): expected ${d.expected}, found ${d.found}`);
  lines.push(...examples(c.v21.first));
  lines.push(
    `  added columns: ${c.added.differing === 0 ? 'as the migration leaves them' : `${n(c.added.differing)} cells differ (the app writes these after a migration, so they do not fail the check)`}`,
  );
  lines.push(...examples(c.added.first));
  return lines.join('\n');
}

export async function verifyOnly(
  world: RehearsalWorld,
  given: EmulatedSpreadsheet,
  input: VerifyOnlyInput,
  loadOriginal: () => Promise<{ ss: EmulatedSpreadsheet; source: string; before: SheetSummary } | null>,
  out: Output,
): Promise<VerifyOnlyResult> {
  const executions: Execution[] = [];
  const call = caller(world, given, executions);
  if (input.configureSheet) call('setMigrationConfig', [{ target_sheet: input.sheet }]);
  const plan = call<Plan>('previewMigration');
  const result: VerifyOnlyResult = { executions, plan, before: input.before, passed: false };
  if (plan.schema_detected !== '3.0') {
    const missing = plan.columns_to_add.map((c) => c.header);
    result.notMigrated =
      `${input.source} is not migrated: the add-on detects schema ${plan.schema_detected} in sheet "${input.sheet}"` +
      (missing.length > 0 ? ` (the v3.0 columns ${missing.join(', ')} are missing)` : '') +
      '. Nothing was verified. Run without --verify-only to rehearse the migration on it.';
    out.write(`${result.notMigrated}\n\n`);
    return result;
  }
  out.write(`Schema: the add-on detects v3.0 in sheet "${input.sheet}" of ${input.source}.\n\n`);
  const original = await loadOriginal();
  if (!original) return result;

  const callOriginal = caller(world, original.ss, executions);
  if (input.configureSheet) callOriginal('setMigrationConfig', [{ target_sheet: input.sheet }]);
  const { status, slices } = runToEnd(callOriginal, silent, ['v3.0']);
  result.reference = { status, slices };
  if (status.state !== 'done') {
    out.write(
      `The reference migration of ${original.source} ended ${status.state}: ${status.error?.message ?? ''}\n\n`,
    );
    return result;
  }
  const verification = callOriginal<VerificationReport>('verifyMigration');
  result.reference.verification = verification;
  out.write(
    `${verificationText(verification, `Verification of the add-on's migration of ${original.source}`)}\n\n`,
  );

  const expected = exportSheet(original.ss, input.sheet);
  result.comparison = compareSheets(exportSheet(given, input.sheet), expected, original.before.columns);
  out.write(`${comparisonText(result.comparison, input.source, original.source)}\n\n`);
  result.passed = verification.success && result.comparison.passed;
  return result;
}
