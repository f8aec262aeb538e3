// The checks a migration of several sheets adds (v4.0): the structure of its other sheets, the values of the
// columns it added there, and every row's computed figures recomputed from their source sheet and compared.
import type { Baseline } from '../../baseline';
import { buildColumnMap, headerText, normaliseHeader, resolveColumn } from '../../column-map';
import { computeFigures, figuresFor, SOURCE_BLOCK_ROWS, type Figures } from '../../computed';
import type { Check } from '../../contract';
import type { CellValue, Services, SheetPort, SpreadsheetPort } from '../../ports';
import { messagesFor, type Translate } from '../../messages';
import type { MigrationSpec, NewColumn } from '../../migrations/migration-spec';
import { addToSample, emptySample, isBlank, showCell } from '../sample';
import { MAX_LISTED, type VerificationMode } from '../types';
import { otherSheetsIntact, type OtherIntact } from './other-intact';

function spreadsheetOf(services: Services, baseline: Baseline): SpreadsheetPort {
  const active = services.spreadsheets.active();
  return active && active.id === baseline.spreadsheet_id
    ? active
    : services.spreadsheets.open(baseline.spreadsheet_id);
}

function headersOf(sheet: SheetPort, headerRow: number): { headers: string[]; lastRow: number } {
  const extent = sheet.extent ? sheet.extent() : sheet.dimensions();
  const headers =
    extent.lastColumn > 0 ? sheet.readValues(headerRow, 1, 1, extent.lastColumn)[0].map(headerText) : [];
  return { headers, lastRow: extent.lastRow };
}

function countOf(headers: string[], header: string): number {
  const wanted = normaliseHeader(header);
  return headers.filter((text) => normaliseHeader(text) === wanted).length;
}

/** sheet_structure and the other sheets' part of `values`. */
function otherSheets(
  spreadsheet: SpreadsheetPort,
  spec: MigrationSpec,
  mode: VerificationMode,
  t: Translate,
) {
  const sheets: Record<string, { missing: string[]; duplicated: string[] }> = {};
  const problems: string[] = [];
  const invalid = emptySample<{
    sheet: string;
    row: number;
    header: string;
    value: string | number | boolean;
  }>();
  let checked = 0;
  for (const other of spec.otherSheets ?? []) {
    const sheet = spreadsheet.sheet(other.sheet);
    if (!sheet) {
      problems.push(t('check_sheet_missing', { sheet: other.sheet }));
      sheets[other.sheet] = {
        missing: [...(other.ensure ?? []), ...other.newColumns.map((c) => c.header)],
        duplicated: [],
      };
      continue;
    }
    const { headers, lastRow } = headersOf(sheet, spec.headerRow);
    const wanted = [...(other.ensure ?? []), ...other.newColumns.map((column) => column.header)];
    const missing = wanted.filter((header) => countOf(headers, header) === 0);
    const duplicated = wanted.filter((header) => countOf(headers, header) > 1);
    sheets[other.sheet] = { missing, duplicated };
    for (const column of other.newColumns) {
      const at = headers.findIndex((text) => normaliseHeader(text) === normaliseHeader(column.header));
      if (at < 0 || lastRow <= spec.headerRow || mode === 'in_use') continue;
      // right after the migration the added column holds its fill on every row
      const cells = sheet.readValues(spec.headerRow + 1, at + 1, lastRow - spec.headerRow, 1);
      cells.forEach(([value], i) => {
        checked += 1;
        const ok = column.fill === '' ? isBlank(value) : value === column.fill;
        if (!ok)
          addToSample(invalid, {
            sheet: other.sheet,
            row: spec.headerRow + 1 + i,
            header: column.header,
            value: showCell(value),
          });
      });
    }
  }
  const structure: Check = {
    passed:
      problems.length === 0 &&
      Object.values(sheets).every((s) => s.missing.length === 0 && s.duplicated.length === 0),
    sheets,
    ...(problems.length > 0 ? { problem: problems.join('; ') } : {}),
  };
  return { structure, values: { checked, invalid } };
}

/**
 * computed_values: every data row's figures equal those recomputed now from the source sheet. Nothing is
 * written: the figures are the app's to keep once the run has given them.
 */
function computedValues(
  spreadsheet: SpreadsheetPort,
  spec: MigrationSpec,
  baseline: Baseline,
  mode: VerificationMode,
  t: Translate,
  /** The figures as the backup's copy of the source sheet gives them (none when the run created the sheet). */
  backupFigures: (columns: NewColumn[]) => Figures,
): Check {
  const columns = spec.newColumns.filter((column) => column.computed);
  const source = (columns[0].computed as { from_sheet: string }).from_sheet;
  const sheet = spreadsheet.sheet(baseline.sheet_name);
  if (!sheet) return { passed: false, problem: t('check_sheet_missing', { sheet: baseline.sheet_name }) };
  let figures;
  try {
    figures = computeFigures(spreadsheet.sheet(source), source, columns, spec.headerRow, t);
  } catch (error) {
    return { passed: false, problem: (error as Error).message };
  }
  const { headers, lastRow } = headersOf(sheet, spec.headerRow);
  const map = buildColumnMap(headers, spec);
  const key = resolveColumn(map, spec.keyColumn.header);
  const at = columns.map((column) => resolveColumn(map, column.header));
  if (key === null || at.some((column) => column === null)) {
    return {
      passed: false,
      problem: t('check_computed_column_missing', { sheet: baseline.sheet_name }),
    };
  }
  const mismatched = emptySample<{
    row: number;
    header: string;
    value: string | number | boolean;
    expected: number;
  }>();
  const listMismatch = (row: number, values: CellValue[], expected: number[]) =>
    columns.forEach((column, c) => {
      const value = values[(at[c] as number) - from];
      if (value !== expected[c])
        addToSample(mismatched, {
          row,
          header: column.header,
          value: showCell(value),
          expected: expected[c],
        });
    });
  let rows = 0;
  const from = Math.min(...(at as number[]));
  const width = Math.max(...(at as number[])) - from + 1;
  // Right after the run, a row may differ because the app kept writing while the run went on: it added a union
  // after the run computed the row, or wrote the row's figures itself after this check read the source. Such
  // rows are read against the source once more; a row still differing whose key's figures differ between the
  // backup's source sheet and the source now changed during the run: it is listed, and left as it is (the app
  // may be writing it). Only a row whose source rows are as they were at the backup fails.
  const postMigration = mode === 'post_migration';
  const suspects: { row: number; key: CellValue; values: CellValue[] }[] = [];
  for (let row = spec.headerRow + 1; row <= lastRow; row += SOURCE_BLOCK_ROWS) {
    const count = Math.min(SOURCE_BLOCK_ROWS, lastRow - row + 1);
    const keys = sheet.readValues(row, key, count, 1);
    const values = sheet.readValues(row, from, count, width);
    keys.forEach(([cell], i) => {
      rows += 1;
      const expected = figuresFor(figures, cell, columns.length);
      if (columns.every((_, c) => values[i][(at[c] as number) - from] === expected[c])) return;
      if (postMigration) suspects.push({ row: row + i, key: cell, values: values[i] });
      else listMismatch(row + i, values[i], expected);
    });
  }
  const changed = emptySample<{ row: number; key: string | number | boolean }>();
  /** Why the backup's source could not be used, when a row's figures differ and only it could tell why. */
  let backupUnusable: string | null = null;
  if (suspects.length > 0) {
    let now: Figures = figures;
    let before: Figures | null = null;
    try {
      now = computeFigures(spreadsheet.sheet(source), source, columns, spec.headerRow, t);
    } catch {
      // the source as this check first read it stands
    }
    try {
      before = backupFigures(columns);
    } catch (error) {
      backupUnusable = (error as Error).message;
    }
    for (const suspect of suspects) {
      const expected = figuresFor(now, suspect.key, columns.length);
      if (columns.every((_, c) => suspect.values[(at[c] as number) - from] === expected[c])) continue;
      const was = before ? figuresFor(before, suspect.key, columns.length) : expected;
      if (was.some((figure, c) => figure !== expected[c]))
        addToSample(changed, { row: suspect.row, key: showCell(suspect.key) });
      else listMismatch(suspect.row, suspect.values, expected);
    }
  }
  return {
    passed: mismatched.count === 0,
    mode,
    source,
    expected: t('check_computed_expected', { headers: columns.map((c) => c.header).join(', '), source }),
    rows_checked: rows,
    mismatched: mismatched.count,
    mismatched_cells: mismatched.first.slice(0, MAX_LISTED),
    ...(postMigration
      ? { changed_during_run: changed.count, changed_during_run_rows: changed.first.slice(0, MAX_LISTED) }
      : {}),
    ...(backupUnusable !== null && mismatched.count > 0 ? { backup_unusable: backupUnusable } : {}),
  };
}

/**
 * The reads otherSheetChecks makes, for the read planner, estimated from the baseline (the other sheets as the run
 * found them): each other sheet's header row and added columns, its rows before the run in both copies (values and
 * formulas), and for computed columns the source sheet and the target's key and computed columns.
 */
export function otherSheetChecksReads(
  spec: MigrationSpec,
  baseline: Baseline,
): { reads: number; cells: number } {
  const others = baseline.others ?? [];
  const rowsBelow = (lastRow: number) => Math.max(0, lastRow - spec.headerRow);
  let reads = 0;
  let cells = 0;
  for (const other of spec.otherSheets ?? []) {
    const plan = others.find((candidate) => candidate.sheet === other.sheet);
    if (!plan) continue;
    const rows = rowsBelow(plan.last_row);
    reads += 1 + other.newColumns.length;
    cells += plan.last_column + other.newColumns.length * rows;
    if (plan.existed && rows > 0) {
      reads += 4;
      cells += 4 * rows * plan.last_column;
    }
  }
  const computed = spec.newColumns.filter((column) => column.computed);
  if (computed.length > 0) {
    const source = others.find(
      (candidate) => candidate.sheet === (computed[0].computed as { from_sheet: string }).from_sheet,
    );
    const sourceRows = source ? rowsBelow(source.last_row) : 0;
    const blocks = (rows: number) => Math.ceil(rows / SOURCE_BLOCK_ROWS);
    reads += 2 + blocks(sourceRows) + 2 * blocks(baseline.data_rows);
    cells += sourceRows * (source ? source.last_column : 0) + baseline.data_rows * (1 + computed.length);
  }
  return { reads, cells };
}

/** The checks of the other sheets and computed columns, when the spec has any (none cost a call otherwise). */
export function otherSheetChecks(
  services: Services,
  spec: MigrationSpec,
  baseline: Baseline,
  mode: VerificationMode,
): {
  sheet_structure?: Check;
  computed_values?: Check;
  other_values?: { checked: number; invalid: { count: number; first: unknown[] } };
  other_intact?: OtherIntact;
} {
  const hasOthers = (spec.otherSheets ?? []).length > 0;
  const hasComputed = spec.newColumns.some((column) => column.computed);
  if (!hasOthers && !hasComputed) return {};
  const spreadsheet = spreadsheetOf(services, baseline);
  const t = messagesFor(services.session);
  const result: ReturnType<typeof otherSheetChecks> = {};
  if (hasOthers) {
    const { structure, values } = otherSheets(spreadsheet, spec, mode, t);
    result.sheet_structure = structure;
    result.other_values = values;
    const intact = otherSheetsIntact(services, spreadsheet, baseline, spec.headerRow, t);
    if (intact) result.other_intact = intact;
  }
  if (hasComputed) {
    const backupFigures = (columns: NewColumn[]): Figures => {
      const source = (columns[0].computed as { from_sheet: string }).from_sheet;
      const backup = services.spreadsheets.open(baseline.backup.file_id);
      const copy = backup.sheet(source);
      // a source sheet the run created was not there at the backup: no figures then
      return copy ? computeFigures(copy, source, columns, spec.headerRow, t) : new Map();
    };
    result.computed_values = computedValues(spreadsheet, spec, baseline, mode, t, backupFigures);
  }
  return result;
}
