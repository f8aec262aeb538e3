// The migration's other sheets (v4.0: Uniones required, Metadata widened): what the plan reads of them, what it
// decides, and the steps' effects there. A required sheet's data is never written: only its header row.
import { messagesFor, translator, type Translate } from '../messages';
import { columnLetter, headerText, normaliseHeader } from '../column-map';
import type { OtherSheetPlan } from '../baseline';
import type { SheetChangePlan } from '../contract';
import type { SheetPort, SpreadsheetPort } from '../ports';
import type { MigrationSpec } from '../migrations/migration-spec';
import type { RunContext } from './context';
import { sheetOrStop } from './structure-watch';

/** Sheets' default grid for a new sheet (insertSheet): 1000 rows x 26 columns. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export interface OtherSheetFacts {
  exists: boolean;
  last_row: number;
  last_column: number;
  headers: string[];
}

function has(headers: string[], header: string): boolean {
  const key = normaliseHeader(header);
  return headers.some((text) => normaliseHeader(text) === key);
}

function lastHeader(headers: string[]): number {
  return headers.reduce((last, text, i) => (text.trim() !== '' ? i + 1 : last), 0);
}

/** Header row and extent of each other sheet: 3 round trips a sheet (none for a missing one). */
export function readOtherSheets(
  spreadsheet: SpreadsheetPort,
  spec: MigrationSpec,
): Record<string, OtherSheetFacts> {
  const facts: Record<string, OtherSheetFacts> = {};
  for (const other of spec.otherSheets ?? []) {
    const sheet = spreadsheet.sheet(other.sheet);
    if (!sheet) {
      facts[other.sheet] = { exists: false, last_row: 0, last_column: 0, headers: [] };
      continue;
    }
    const extent = sheet.extent ? sheet.extent() : sheet.dimensions();
    const headers =
      extent.lastColumn > 0
        ? sheet.readValues(spec.headerRow, 1, 1, extent.lastColumn)[0].map(headerText)
        : [];
    facts[other.sheet] = { exists: true, last_row: extent.lastRow, last_column: extent.lastColumn, headers };
  }
  return facts;
}

/** The plan of every other sheet, what stands in its way, and the grid cells it adds. */
export function planOtherSheets(
  spec: MigrationSpec,
  facts: Record<string, OtherSheetFacts>,
  grids: { name: string; maxRows: number; maxColumns: number }[],
  t: Translate = translator('en'),
): { others: OtherSheetPlan[]; blocking: string[]; addedCells: number; changes: SheetChangePlan[] } {
  const others: OtherSheetPlan[] = [];
  const blocking: string[] = [];
  const changes: SheetChangePlan[] = [];
  let addedCells = 0;
  for (const other of spec.otherSheets ?? []) {
    const seen = facts[other.sheet] ?? { exists: false, last_row: 0, last_column: 0, headers: [] };
    const grid = grids.find((candidate) => candidate.name === other.sheet);
    if (!seen.exists && !other.ensure) {
      blocking.push(
        t('plan_other_sheet_missing', {
          sheet: other.sheet,
          migration: spec.id,
          columns: other.newColumns.map((c) => c.header).join(', '),
        }),
      );
      continue;
    }
    const maxRows = seen.exists ? (grid?.maxRows ?? seen.last_row) : NEW_SHEET_ROWS;
    const maxColumns = seen.exists ? (grid?.maxColumns ?? seen.last_column) : NEW_SHEET_COLUMNS;
    const duplicates = seen.headers
      .map(normaliseHeader)
      .filter((key, i, all) => key !== '' && all.indexOf(key) !== i);
    if (duplicates.length > 0) {
      blocking.push(
        t('plan_other_duplicates', { sheet: other.sheet, headers: [...new Set(duplicates)].join(', ') }),
      );
    }
    const ensureMissing = (other.ensure ?? []).filter((header) => !has(seen.headers, header));
    const last = lastHeader(seen.headers);
    const present = other.newColumns
      .filter((column) => has(seen.headers, column.header))
      .map((c) => c.header);
    const toAdd = other.newColumns.filter((column) => !has(seen.headers, column.header)).map((c) => c.header);
    const insertAfter = Math.max(seen.last_column, last + ensureMissing.length);
    if (!seen.exists) addedCells += NEW_SHEET_ROWS * NEW_SHEET_COLUMNS;
    else addedCells += Math.max(0, last + ensureMissing.length - maxColumns) * maxRows;
    addedCells += toAdd.length * maxRows;
    others.push({
      sheet: other.sheet,
      existed: seen.exists,
      last_row: seen.last_row,
      last_column: seen.last_column,
      max_rows: maxRows,
      max_columns: maxColumns,
      headers: seen.headers,
      ensure_missing: ensureMissing,
      present,
      to_add: toAdd,
      insert_after: insertAfter,
    });
    const change: SheetChangePlan = {
      sheet: other.sheet,
      add_columns: toAdd.map((header, i) => ({
        header,
        position: insertAfter + 1 + i,
        fill: other.newColumns.find((column) => column.header === header)?.fill ?? '',
      })),
    };
    if (!seen.exists) {
      change.creates = true;
      change.headers = (other.ensure ?? []).slice();
    } else if (ensureMissing.length > 0) {
      change.appends_headers = ensureMissing;
    }
    changes.push(change);
  }
  return { others, blocking, addedCells, changes };
}

function sheetOrThrow(ctx: RunContext, name: string): SheetPort {
  return sheetOrStop(ctx, () => ctx.spreadsheet.sheet(name), name);
}

function headerRow(sheet: SheetPort, row: number, width: number): string[] {
  const columns = sheet.maxColumns ? sheet.maxColumns() : sheet.dimensions().maxColumns;
  const read = Math.min(columns, Math.max(width, 1));
  return sheet.readValues(row, 1, 1, read)[0].map(headerText);
}

/**
 * ensure_sheets: a missing required sheet is created with its headers; one lacking some gets them appended after
 * its last header. Only the header row is written. A sheet already created (or headers already written) by an
 * earlier execution is recognised by its header row.
 */
export function ensureSheets(ctx: RunContext): 'done' {
  for (const other of ctx.plan.others ?? []) {
    const spec = (ctx.spec.otherSheets ?? []).find((candidate) => candidate.sheet === other.sheet);
    if (!spec || !spec.ensure || other.ensure_missing.length === 0) continue;
    let sheet = ctx.spreadsheet.sheet(other.sheet);
    if (!sheet) {
      if (other.existed) sheetOrThrow(ctx, other.sheet);
      if (!ctx.spreadsheet.insertSheet) throw new Error('This spreadsheet adapter cannot add sheets.');
      ctx.commit();
      sheet = ctx.spreadsheet.insertSheet(other.sheet);
      sheet.writeValues(ctx.plan.header_row, 1, [spec.ensure.slice()]);
      ctx.logger.info(`Created sheet ${other.sheet} with its ${spec.ensure.length} headers.`);
      continue;
    }
    const start = other.existed ? lastHeader(other.headers) : 0;
    const wanted = other.existed ? other.ensure_missing : spec.ensure;
    const now = headerRow(sheet, ctx.plan.header_row, start + wanted.length);
    if (wanted.every((header, i) => normaliseHeader(now[start + i] ?? '') === normaliseHeader(header)))
      continue;
    if (now.slice(start, start + wanted.length).some((text) => text.trim() !== '')) {
      throw new Error(
        messagesFor(ctx.services.session)('other_sheet_changed', {
          sheet: other.sheet,
          column: columnLetter(start + 1),
        }),
      );
    }
    const columns = sheet.maxColumns ? sheet.maxColumns() : sheet.dimensions().maxColumns;
    ctx.commit();
    if (columns < start + wanted.length) sheet.insertColumnsAfter(columns, start + wanted.length - columns);
    sheet.writeValues(ctx.plan.header_row, start + 1, [wanted.slice()]);
    ctx.logger.info(`Appended ${wanted.join(', ')} to sheet ${other.sheet}.`);
  }
  return 'done';
}

/** add_columns on the other sheets: inserted after the last used column, headers in one write; recognised after a crash. */
export function addOtherColumns(ctx: RunContext): void {
  for (const other of ctx.plan.others ?? []) {
    if (other.to_add.length === 0) continue;
    const sheet = sheetOrThrow(ctx, other.sheet);
    const count = other.to_add.length;
    const now = headerRow(sheet, ctx.plan.header_row, other.insert_after + count);
    const planned = other.to_add.map((_, i) => now[other.insert_after + i] ?? '');
    if (planned.every((text, i) => normaliseHeader(text) === normaliseHeader(other.to_add[i]))) continue;
    const columns = sheet.maxColumns ? sheet.maxColumns() : sheet.dimensions().maxColumns;
    const grown = other.existed ? other.max_columns : columns;
    const inserted = columns >= grown + count && planned.every((text) => text.trim() === '');
    ctx.commit();
    if (!inserted) sheet.insertColumnsAfter(other.insert_after, count);
    sheet.writeValues(ctx.plan.header_row, other.insert_after + 1, [other.to_add.slice()]);
    ctx.logger.info(`Inserted ${other.to_add.join(', ')} in sheet ${other.sheet}.`);
  }
}

/** verify_schema on the other sheets: every required and added header present, exactly once. */
export function otherSchemaProblems(ctx: RunContext): string[] {
  const problems: string[] = [];
  const t = messagesFor(ctx.services.session);
  for (const other of ctx.plan.others ?? []) {
    const spec = (ctx.spec.otherSheets ?? []).find((candidate) => candidate.sheet === other.sheet);
    const sheet = ctx.spreadsheet.sheet(other.sheet);
    if (!sheet) {
      problems.push(t('check_sheet_missing', { sheet: other.sheet }));
      continue;
    }
    const extent = sheet.extent ? sheet.extent() : sheet.dimensions();
    const headers =
      extent.lastColumn > 0
        ? sheet.readValues(ctx.plan.header_row, 1, 1, extent.lastColumn)[0].map(headerText)
        : [];
    for (const header of [...(spec?.ensure ?? []), ...other.present, ...other.to_add]) {
      const found = headers.filter((text) => normaliseHeader(text) === normaliseHeader(header)).length;
      if (found !== 1) problems.push(t('schema_header_count', { sheet: other.sheet, header, found }));
    }
  }
  return problems;
}
