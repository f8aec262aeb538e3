// The plan of a run, decided from the facts read from the live sheet (plan-facts.ts): also the dry run's output.
import { buildColumnMap, columnLetter, resolveColumns } from '../column-map';
import type { MigrationSpec } from '../migrations/migration-spec';
import type { MigrationConfig } from '../contract';
import { TRIGGER_LIMIT, type PlanFacts } from './plan-facts';
import type { Plan, SchemaDetected } from '../contract';
import { CELL_LIMIT, COLUMN_LIMIT, type RunPlan } from './types';
import { schemaFromHeaders } from '../migrations/schema';
import { planOtherSheets } from './sheets';
import { translator, type Translate } from '../messages';
import { groupDigits } from '../messages/numbers';

export { assertCanEdit, readPlanFacts, targetSpreadsheet, type PlanFacts } from './plan-facts';

/** 'ZEUES (v3.0 backup 2026-11-24 12.00.00 UTC)': the spreadsheet, the migration and when the run started. */
export function backupName(spreadsheetName: string, spec: MigrationSpec, startedAtMs: number): string {
  const stamp = new Date(startedAtMs).toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '.');
  return `${spreadsheetName} (${spec.id} backup ${stamp} UTC)`;
}

/** The sheet against this spec: none of its columns yet, all of them, some, or a layout it cannot run on. */
interface SchemaReading {
  detected: 'before' | 'complete' | 'partial' | 'unknown';
  v21Columns: number;
  present: string[];
  problems: string[];
}

function readSchema(headers: string[], spec: MigrationSpec, t: Translate): SchemaReading {
  const map = buildColumnMap(headers, spec);
  const found = map.new_headers_present;
  const lastHeader = headers.reduce((last, text, i) => (text.trim() !== '' ? i + 1 : last), 0);
  if (found.length === 0) {
    return { detected: 'before', v21Columns: lastHeader, present: [], problems: [] };
  }
  const first = Math.min(...found.flatMap((f) => f.columns));
  const v21Columns = first - 1;
  const problems: string[] = [];
  const present: string[] = [];
  let prefixEnded = false;
  spec.newColumns.forEach((column, i) => {
    const at = found.find((f) => f.header === column.header);
    const expected = v21Columns + 1 + i;
    if (!at) {
      prefixEnded = true;
      return;
    }
    if (prefixEnded || at.columns.length !== 1 || at.columns[0] !== expected) {
      problems.push(
        t('plan_header_misplaced', {
          header: column.header,
          columns: at.columns.map(columnLetter).join(', '),
          migration: spec.id,
          from: spec.fromVersion,
          order: spec.newColumns.map((c) => c.header).join(', '),
        }),
      );
      return;
    }
    present.push(column.header);
  });
  if (problems.length === 0 && lastHeader > v21Columns + present.length) {
    problems.push(
      t('plan_column_after_new', {
        column: columnLetter(v21Columns + present.length + 1),
        header: headers[v21Columns + present.length],
        migration: spec.id,
        first: spec.newColumns[0].header,
      }),
    );
  }
  if (problems.length > 0) return { detected: 'unknown', v21Columns, present, problems };
  return {
    detected: present.length === spec.newColumns.length ? 'complete' : 'partial',
    v21Columns,
    present,
    problems,
  };
}

/** The chain's reading of the headers the plan read (sheets it did not read count as absent). */
function detectedSchema(facts: PlanFacts, schema: SchemaReading): SchemaDetected {
  if (schema.detected === 'unknown') return 'unknown';
  const others = facts.other_headers ?? {};
  const reading = schemaFromHeaders(
    (name) => (name === facts.sheet_name ? facts.headers : (others[name] ?? null)),
    facts.sheet_name,
  );
  return reading.current as SchemaDetected;
}

/** Rows whose fill cells are still blank: every data row for a column to add, the blank ones otherwise. */
function rowsToInitialize(
  spec: MigrationSpec,
  toAdd: MigrationSpec['newColumns'],
  blankCells: Record<string, number>,
  dataRows: number,
): number {
  let rows = 0;
  for (const column of spec.newColumns) {
    if (column.fill === '') continue;
    rows = Math.max(rows, toAdd.includes(column) ? dataRows : (blankCells[column.header] ?? dataRows));
  }
  return rows;
}

/** The plan and the blocking reasons, decided from the facts alone. */
export function planFromFacts(
  facts: PlanFacts,
  spec: MigrationSpec,
  config: MigrationConfig,
  startedAtMs: number,
  /** The owner's language for the blocking reasons and warnings. */
  t: Translate = translator('en'),
): { plan: Plan; run: RunPlan } {
  const blocking: string[] = [];
  const warnings: string[] = [];
  const sheetName = facts.sheet_name;
  const target = facts.grids.find((grid) => grid.name === sheetName) ?? {
    name: sheetName,
    maxRows: 0,
    maxColumns: 0,
  };
  const headers = facts.headers;
  const named = headers.filter((text) => text.trim() !== '').length;
  let schema: SchemaReading = { detected: 'unknown', v21Columns: 0, present: [], problems: [] };

  if (!facts.sheet_found) {
    blocking.push(t('plan_sheet_missing', { sheet: sheetName, names: facts.sheet_names.join(', ') }));
  } else if (named === 0) {
    blocking.push(t('plan_no_headers', { row: spec.headerRow, sheet: sheetName, from: spec.fromVersion }));
  } else {
    schema = readSchema(headers, spec, t);
    blocking.push(...headerProblems(headers, facts.headerless_with_data, sheetName, spec, t));
    const empty = headers
      .map((text, i) => (text.trim() === '' && !facts.headerless_with_data.includes(i + 1) ? i + 1 : 0))
      .filter((column) => column > 0);
    if (empty.length > 0) {
      const columns = `${empty.slice(0, 10).map(columnLetter).join(', ')}${empty.length > 10 ? '…' : ''}`;
      warnings.push(
        t(empty.length > 1 ? 'plan_empty_columns' : 'plan_empty_column', { columns, sheet: sheetName }),
      );
    }
    blocking.push(...schema.problems);
    if (schema.detected === 'complete') {
      blocking.push(
        t('plan_already_migrated', {
          sheet: sheetName,
          migration: spec.id,
          columns: spec.newColumns.map((c) => c.header).join(', '),
        }),
      );
    }
  }

  const toAdd = spec.newColumns.slice(schema.present.length);
  const insertAfter = schema.v21Columns + schema.present.length;
  const totalCells = facts.grids.reduce((sum, grid) => sum + grid.maxRows * grid.maxColumns, 0);
  // Inserting columns past the grid's last column widens it; inside the grid it still adds whole columns.
  const elsewhere = facts.other_sheets
    ? planOtherSheets(spec, facts.other_sheets, facts.grids, t)
    : { others: [], blocking: [], addedCells: 0, changes: [] };
  blocking.push(...elsewhere.blocking);
  const cellsAfter = totalCells + toAdd.length * target.maxRows + elsewhere.addedCells;
  if (facts.sheet_found && toAdd.length > 0) {
    if (cellsAfter > CELL_LIMIT) {
      blocking.push(
        t('plan_cell_limit', {
          count: toAdd.length,
          cells: groupDigits(cellsAfter, t),
          limit: groupDigits(CELL_LIMIT, t),
        }),
      );
    }
    if (target.maxColumns + toAdd.length > COLUMN_LIMIT) {
      blocking.push(
        t('plan_column_limit', {
          sheet: sheetName,
          columns: target.maxColumns,
          count: toAdd.length,
          limit: groupDigits(COLUMN_LIMIT, t),
        }),
      );
    }
  }
  if (facts.folder_problem) blocking.push(facts.folder_problem);
  if (facts.trigger_count >= TRIGGER_LIMIT) {
    blocking.push(t('plan_trigger_limit', { count: facts.trigger_count }));
  }

  const dataRows = Math.max(0, facts.last_row - spec.headerRow);
  if (facts.sheet_found && named > 0) {
    const key = buildColumnMap(headers, spec);
    const keyColumns = resolveColumns(key, spec.keyColumn.header);
    if (keyColumns.length === 0) {
      blocking.push(
        t('plan_key_missing', {
          key: spec.keyColumn.header,
          aliases: spec.keyColumn.aliases.map((a) => `"${a}"`).join(', '),
          row: spec.headerRow,
          sheet: sheetName,
        }),
      );
    } else if (headers[keyColumns[0] - 1] !== spec.keyColumn.header) {
      warnings.push(
        t('plan_key_alias', { header: headers[keyColumns[0] - 1], column: columnLetter(keyColumns[0]) }),
      );
    }
    if (dataRows === 0) warnings.push(t('plan_no_data_rows', { sheet: sheetName }));
    if (schema.detected === 'partial') {
      warnings.push(t('plan_partly_migrated', { sheet: sheetName, columns: schema.present.join(', ') }));
    }
  }

  const backup = {
    name: backupName(facts.spreadsheet_name, spec, startedAtMs),
    folder_id: facts.backup_folder_id,
  };
  const plan: Plan = {
    migration: spec.id,
    sheet: {
      name: sheetName,
      rows: dataRows,
      columns: named,
      used_columns: facts.last_column,
      header_row: spec.headerRow,
    },
    schema_detected: detectedSchema(facts, schema),
    columns_to_add: toAdd.map((column, i) => ({
      header: column.header,
      position: insertAfter + 1 + i,
      fill: column.fill,
    })),
    rows_to_initialize: rowsToInitialize(spec, toAdd, facts.blank_cells, dataRows),
    backup,
    cells_after: cellsAfter,
    cell_limit: CELL_LIMIT,
    blocking,
    warnings,
  };
  const run: RunPlan = {
    spreadsheet_id: facts.spreadsheet_id,
    spreadsheet_name: facts.spreadsheet_name,
    sheet_name: sheetName,
    header_row: spec.headerRow,
    last_row: facts.last_row,
    last_column: facts.last_column,
    max_rows: target.maxRows,
    max_columns: target.maxColumns,
    data_rows: dataRows,
    v21_columns: schema.v21Columns,
    v21_headers: headers.slice(0, schema.v21Columns),
    present: schema.present,
    insert_after: insertAfter,
    to_add: toAdd.map((column) => column.header),
    backup_name: backup.name,
    backup_folder_id: facts.backup_folder_id,
    ...(elsewhere.others.length > 0 ? { others: elsewhere.others } : {}),
  };
  if (elsewhere.changes.length > 0) plan.changes = elsewhere.changes;
  return { plan, run };
}

function headerProblems(
  headers: string[],
  headerlessWithData: number[],
  sheetName: string,
  spec: MigrationSpec,
  t: Translate,
): string[] {
  const problems: string[] = [];
  const map = buildColumnMap(headers, spec);
  for (const duplicate of map.duplicates) {
    problems.push(
      t('plan_duplicate_header', {
        header: duplicate.headers[0],
        count: duplicate.columns.length,
        sheet: sheetName,
        columns: duplicate.columns.map(columnLetter).join(', '),
      }),
    );
  }
  const blank = headerlessWithData;
  if (blank.length > 0) {
    const letters = blank.map(columnLetter);
    problems.push(
      t(blank.length > 1 ? 'plan_headerless_data_many' : 'plan_headerless_data_one', {
        columns: `${letters.slice(0, 10).join(', ')}${blank.length > 10 ? '…' : ''}`,
        sheet: sheetName,
        row: spec.headerRow,
      }),
    );
  }
  return problems;
}
