// The plan of a run, decided from the facts read from the live sheet (plan-facts.ts): also the dry run's output.
import { buildColumnMap, columnLetter, resolveColumns } from '../column-map';
import type { MigrationSpec } from '../spec/migration-spec';
import type { MigrationConfig } from '../contract';
import { TRIGGER_LIMIT, type PlanFacts } from './plan-facts';
import type { Plan, SchemaDetected } from '../contract';
import { CELL_LIMIT, COLUMN_LIMIT, type RunPlan } from './types';
import { schemaFromHeaders } from '../migrations/schema';
import { planOtherSheets } from './sheets';

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

function readSchema(headers: string[], spec: MigrationSpec): SchemaReading {
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
        `Header "${column.header}" is in column ${at.columns.map(columnLetter).join(', ')}; ` +
          `the ${spec.id} columns must follow the last ${spec.fromVersion} column in the order ` +
          `${spec.newColumns.map((c) => c.header).join(', ')}. Move or delete that column, then try again.`,
      );
      return;
    }
    present.push(column.header);
  });
  if (problems.length === 0 && lastHeader > v21Columns + present.length) {
    problems.push(
      `Column ${columnLetter(v21Columns + present.length + 1)} ("${headers[v21Columns + present.length]}") comes after ` +
        `the ${spec.id} columns; they must be the last columns. Move it before "${spec.newColumns[0].header}", then try again.`,
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
    blocking.push(
      `Sheet "${sheetName}" was not found. Sheets in this spreadsheet: ${facts.sheet_names.join(', ')}. ` +
        'Rename the sheet or set target_sheet in the settings.',
    );
  } else if (named === 0) {
    blocking.push(
      `Row ${spec.headerRow} of sheet "${sheetName}" has no headers. The migration needs the ${spec.fromVersion} ` +
        'headers in that row: restore them, then try again.',
    );
  } else {
    schema = readSchema(headers, spec);
    blocking.push(...headerProblems(headers, facts.headerless_with_data, sheetName, spec));
    const empty = headers
      .map((text, i) => (text.trim() === '' && !facts.headerless_with_data.includes(i + 1) ? i + 1 : 0))
      .filter((column) => column > 0);
    if (empty.length > 0) {
      warnings.push(
        `Column${empty.length > 1 ? 's' : ''} ${empty.slice(0, 10).map(columnLetter).join(', ')}` +
          `${empty.length > 10 ? '…' : ''} of sheet "${sheetName}" ${empty.length > 1 ? 'have' : 'has'} no ` +
          `header and no data; the migration leaves ${empty.length > 1 ? 'them' : 'it'} as ${empty.length > 1 ? 'they are' : 'it is'}.`,
      );
    }
    blocking.push(...schema.problems);
    if (schema.detected === 'complete') {
      blocking.push(
        `Sheet "${sheetName}" already has the ${spec.id} columns (${spec.newColumns.map((c) => c.header).join(', ')}): nothing to migrate.`,
      );
    }
  }

  const toAdd = spec.newColumns.slice(schema.present.length);
  const insertAfter = schema.v21Columns + schema.present.length;
  const totalCells = facts.grids.reduce((sum, grid) => sum + grid.maxRows * grid.maxColumns, 0);
  // Inserting columns past the grid's last column widens it; inside the grid it still adds whole columns.
  const elsewhere = facts.other_sheets
    ? planOtherSheets(spec, facts.other_sheets, facts.grids)
    : { others: [], blocking: [], addedCells: 0, changes: [] };
  blocking.push(...elsewhere.blocking);
  const cellsAfter = totalCells + toAdd.length * target.maxRows + elsewhere.addedCells;
  if (facts.sheet_found && toAdd.length > 0) {
    if (cellsAfter > CELL_LIMIT) {
      blocking.push(
        `Adding ${toAdd.length} columns would make the spreadsheet ${cellsAfter.toLocaleString('en-US')} cells, above ` +
          `Google Sheets' limit of ${CELL_LIMIT.toLocaleString('en-US')} (empty cells count too). Delete unused ` +
          'rows or columns (or whole sheets), then try again.',
      );
    }
    if (target.maxColumns + toAdd.length > COLUMN_LIMIT) {
      blocking.push(
        `Sheet "${sheetName}" has ${target.maxColumns} columns; adding ${toAdd.length} would pass the limit of ` +
          `${COLUMN_LIMIT}. Delete unused columns, then try again.`,
      );
    }
  }
  if (facts.folder_problem) blocking.push(facts.folder_problem);
  if (facts.trigger_count >= TRIGGER_LIMIT) {
    blocking.push(
      `You already have ${facts.trigger_count} triggers for this add-on, the most Apps Script allows, so a long run ` +
        'could not schedule its resume. Delete one under Extensions > Apps Script > Triggers, then try again.',
    );
  }

  const dataRows = Math.max(0, facts.last_row - spec.headerRow);
  if (facts.sheet_found && named > 0) {
    const key = buildColumnMap(headers, spec);
    const keyColumns = resolveColumns(key, spec.keyColumn.header);
    if (keyColumns.length === 0) {
      blocking.push(
        `Key column "${spec.keyColumn.header}" (or ${spec.keyColumn.aliases.map((a) => `"${a}"`).join(', ')}) was not ` +
          `found in row ${spec.headerRow} of sheet "${sheetName}". Restore its header, then try again.`,
      );
    } else if (headers[keyColumns[0] - 1] !== spec.keyColumn.header) {
      warnings.push(
        `Key column found as "${headers[keyColumns[0] - 1]}" in column ${columnLetter(keyColumns[0])}.`,
      );
    }
    if (dataRows === 0)
      warnings.push(`Sheet "${sheetName}" has no data rows: only the headers will be added.`);
    if (schema.detected === 'partial') {
      warnings.push(`Sheet "${sheetName}" is partly migrated: ${schema.present.join(', ')} already present.`);
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
): string[] {
  const problems: string[] = [];
  const map = buildColumnMap(headers, spec);
  for (const duplicate of map.duplicates) {
    problems.push(
      `Header "${duplicate.headers[0]}" appears ${duplicate.columns.length} times in sheet "${sheetName}" ` +
        `(columns ${duplicate.columns.map(columnLetter).join(', ')}). Rename or remove the extra columns so each ` +
        'header is unique, then try again.',
    );
  }
  const blank = headerlessWithData;
  if (blank.length > 0) {
    const letters = blank.map(columnLetter);
    problems.push(
      `Column${blank.length > 1 ? 's' : ''} ${letters.slice(0, 10).join(', ')}${blank.length > 10 ? '…' : ''} of ` +
        `sheet "${sheetName}" ${blank.length > 1 ? 'have' : 'has'} data but no header in row ${spec.headerRow}. ` +
        'Give every column with data a header (or delete it), then try again.',
    );
  }
  return problems;
}
