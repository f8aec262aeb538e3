import { cellKey, isDate } from '../digest';
import { columnLetter } from '../column-map';
import type { CellValue, DrivePort, SheetDimensions, SheetPort } from '../ports';
import type { MigrationSpec } from '../migrations/migration-spec';
import { contentKey, type RowBlock } from './blocks';
import type { BlockUnit } from './pacing';
import type { AddedColumn } from './columns';
import type { BackupSource } from './backup-source';
import type { ExportRef } from './checkpoint';
import type { RollbackMode } from '../contract';

/**
 * Every value written since the migration that a rollback would remove or overwrite, with its row and key,
 * saved as a JSON file next to the backup before anything is changed.
 */
export type JsonCell = string | number | boolean;

export interface ExportedCell {
  row: number;
  key: string;
  column: string;
  value: JsonCell;
  formula?: string;
  /** Full mode: what the backup puts back in that cell. */
  backup_value?: JsonCell;
}

export interface ExportSource {
  mode: RollbackMode;
  sheet: SheetPort;
  dims: SheetDimensions;
  /** Row 1 as read for the column map. */
  headers: string[];
  headerRow: number;
  added: AddedColumn[];
  /** 1-based key column in the current sheet, or null when it cannot be found. */
  keyColumn: number | null;
  spec: MigrationSpec;
  /** Full mode: the backup's copy of the target sheet. */
  backup?: BackupSource;
}

export function jsonCell(value: CellValue | undefined): JsonCell {
  if (value === undefined || value === null) return '';
  if (isDate(value)) return value.toISOString();
  return value;
}

function isBlank(value: CellValue | undefined, formula: string): boolean {
  return !formula && (value === '' || value === undefined || value === null);
}

function fillOf(spec: MigrationSpec, header: string): CellValue {
  const column = spec.newColumns.find((candidate) => candidate.header === header);
  return column ? column.fill : '';
}

/**
 * The rows the export reads (1-based, inclusive), the width that caps a block (see rowBlocks), and what one row
 * of a block costs in reads of the sheet (the backup's, in full mode, come on top); null when there is nothing.
 */
export function exportSpan(
  source: ExportSource,
): { first: number; last: number; capColumns: number; unit: BlockUnit } | null {
  const { dims, headerRow, added } = source;
  if (dims.lastRow < headerRow || dims.lastColumn === 0) return null;
  if (source.mode === 'columns') {
    if (added.length === 0 || dims.lastRow <= headerRow) return null;
    const width = added[added.length - 1].column - added[0].column + 1;
    const keys = source.keyColumn ? 1 : 0;
    return {
      first: headerRow + 1,
      last: dims.lastRow,
      capColumns: width + 1,
      unit: { cellsPerRow: 2 * width + keys, reads: 2 + keys },
    };
  }
  return {
    first: 1,
    last: dims.lastRow,
    capColumns: dims.lastColumn * 2,
    unit: { cellsPerRow: 2 * dims.lastColumn, reads: 2 },
  };
}

function isWritten(spec: MigrationSpec, header: string, value: CellValue, formula: string): boolean {
  return !isBlank(value, formula) && cellKey(value, formula) !== cellKey(fillOf(spec, header), '');
}

/** The cells of one block that the rollback would lose. */
export function changedCellsIn(source: ExportSource, block: RowBlock): ExportedCell[] {
  const { sheet, dims, headerRow, added, keyColumn, spec, headers } = source;
  const cells: ExportedCell[] = [];
  const push = (cell: ExportedCell, formula: string) => {
    if (formula) cell.formula = formula;
    cells.push(cell);
  };

  if (source.mode === 'columns') {
    const first = added[0].column;
    const width = added[added.length - 1].column - first + 1;
    const values = sheet.readValues(block.row, first, block.rows, width);
    const formulas = sheet.readFormulas(block.row, first, block.rows, width);
    const keys = keyColumn ? sheet.readValues(block.row, keyColumn, block.rows, 1) : null;
    for (let r = 0; r < block.rows; r += 1) {
      for (const found of added) {
        const c = found.column - first;
        const formula = formulas[r][c] || '';
        if (!isWritten(spec, found.header, values[r][c], formula)) continue;
        const key = keys ? String(jsonCell(keys[r][0])) : '';
        push({ row: block.row + r, key, column: found.header, value: jsonCell(values[r][c]) }, formula);
      }
    }
    return cells;
  }

  const backup = source.backup;
  if (!backup) throw new Error('A full rollback needs the backup sheet to compare with.');
  const width = dims.lastColumn;
  const addedAt = new Map(added.map((found) => [found.column, found.header]));
  const columnName = (column: number) => headers[column - 1] || columnLetter(column);
  // After the added columns go, the current column c sits where the backup's column position(c) is.
  const position = (column: number) => column - added.filter((found) => found.column < column).length;
  const values = sheet.readValues(block.row, 1, block.rows, width);
  const formulas = sheet.readFormulas(block.row, 1, block.rows, width);
  const old = backup.rows(block.row, block.rows);
  for (let r = 0; r < block.rows; r += 1) {
    const row = block.row + r;
    const key = keyColumn && row > headerRow ? String(jsonCell(values[r][keyColumn - 1])) : '';
    for (let c = 1; c <= width; c += 1) {
      const value = values[r][c - 1];
      const formula = formulas[r][c - 1] || '';
      const header = addedAt.get(c);
      if (header !== undefined) {
        if (row > headerRow && isWritten(spec, header, value, formula)) {
          push({ row, key, column: header, value: jsonCell(value) }, formula);
        }
        continue;
      }
      const p = position(c);
      const inBackup = r < old.values.length && p <= backup.dims.lastColumn;
      const oldValue: CellValue = inBackup ? old.values[r][p - 1] : '';
      const oldFormula = inBackup ? old.formulas[r][p - 1] || '' : '';
      if (isBlank(value, formula) || contentKey(value, formula) === contentKey(oldValue, oldFormula))
        continue;
      const cell: ExportedCell = { row, key, column: columnName(c), value: jsonCell(value) };
      if (formula) cell.formula = formula;
      cell.backup_value = jsonCell(oldValue);
      cells.push(cell);
    }
  }
  return cells;
}

export interface ExportDocument {
  spreadsheet_id: string;
  spreadsheet_name: string;
  sheet: string;
  migration_run_id: string;
  rollback_run_id: string;
  mode: RollbackMode;
  key_column: string;
  exported_at: string;
  cells: ExportedCell[];
}

export function exportFileName(spreadsheetName: string, migration: string, migrationRunId: string): string {
  return `${spreadsheetName} - ${migration} rollback export - ${migrationRunId}.json`;
}

/** The name of part `part` of an export written in several executions. */
export function exportPartName(name: string, part: number): string {
  return name.replace(/\.json$/, ` - part ${part}.json`);
}

/**
 * Writes the export, or finds the one an earlier execution of this rollback already wrote; `created` says which
 * (a found file holds what was written then, not necessarily `document`).
 */
export function writeExportFile(
  drive: DrivePort,
  folderId: string,
  name: string,
  document: ExportDocument,
): { ref: ExportRef; created: boolean } {
  const existing = drive.findFileInFolder(folderId, name);
  const file =
    existing ?? drive.createTextFile(folderId, name, JSON.stringify(document, null, 1), 'application/json');
  return {
    ref: { file_id: file.id, url: file.url, name: file.name, cells: document.cells.length },
    created: !existing,
  };
}
