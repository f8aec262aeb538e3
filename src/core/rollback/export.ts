import { cellKey, isDate } from '../digest';
import { headerText, columnLetter } from '../column-map';
import type { CellValue, DrivePort, SheetDimensions, SheetPort } from '../ports';
import type { MigrationSpec } from '../spec/migration-spec';
import { rowBlocks } from './blocks';
import type { AddedColumn } from './columns';
import type { ExportRef } from './checkpoint';
import type { RollbackMode } from './options';

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
  headerRow: number;
  added: AddedColumn[];
  /** 1-based key column in the current sheet, or null when it cannot be found. */
  keyColumn: number | null;
  spec: MigrationSpec;
  /** Full mode: the backup's copy of the target sheet. */
  backup?: { sheet: SheetPort; dims: SheetDimensions };
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

/** Reads the sheet (and in full mode the backup) in row blocks and lists the cells the rollback would lose. */
export function collectChangedCells(source: ExportSource): ExportedCell[] {
  const { sheet, dims, headerRow, added, keyColumn, spec } = source;
  const cells: ExportedCell[] = [];
  if (dims.lastRow < headerRow || dims.lastColumn === 0) return cells;
  const addedAt = new Map(added.map((found) => [found.column, found.header]));
  const headers = sheet.readValues(headerRow, 1, 1, dims.lastColumn)[0].map(headerText);
  const columnName = (column: number) => headers[column - 1] || columnLetter(column);

  if (source.mode === 'columns') {
    if (added.length === 0 || dims.lastRow <= headerRow) return cells;
    const first = added[0].column;
    const width = added[added.length - 1].column - first + 1;
    for (const block of rowBlocks(headerRow + 1, dims.lastRow, width + 1)) {
      const values = sheet.readValues(block.row, first, block.rows, width);
      const formulas = sheet.readFormulas(block.row, first, block.rows, width);
      const keys = keyColumn ? sheet.readValues(block.row, keyColumn, block.rows, 1) : null;
      for (let r = 0; r < block.rows; r += 1) {
        for (const found of added) {
          const c = found.column - first;
          const value = values[r][c];
          const formula = formulas[r][c] || '';
          if (isBlank(value, formula) || cellKey(value, formula) === cellKey(fillOf(spec, found.header), '')) continue;
          const cell: ExportedCell = {
            row: block.row + r,
            key: keys ? String(jsonCell(keys[r][0])) : '',
            column: found.header,
            value: jsonCell(value),
          };
          if (formula) cell.formula = formula;
          cells.push(cell);
        }
      }
    }
    return cells;
  }

  const backup = source.backup;
  if (!backup) throw new Error('A full rollback needs the backup sheet to compare with.');
  const width = dims.lastColumn;
  // After the added columns go, the current column c sits where the backup's column position(c) is.
  const position = (column: number) => column - added.filter((found) => found.column < column).length;
  for (const block of rowBlocks(1, dims.lastRow, width * 2)) {
    const values = sheet.readValues(block.row, 1, block.rows, width);
    const formulas = sheet.readFormulas(block.row, 1, block.rows, width);
    const backupRows = Math.min(block.rows, backup.dims.lastRow - block.row + 1);
    const backupWidth = backup.dims.lastColumn;
    const hasBackup = backupRows > 0 && backupWidth > 0;
    const oldValues = hasBackup ? backup.sheet.readValues(block.row, 1, backupRows, backupWidth) : [];
    const oldFormulas = hasBackup ? backup.sheet.readFormulas(block.row, 1, backupRows, backupWidth) : [];
    for (let r = 0; r < block.rows; r += 1) {
      const row = block.row + r;
      const key = keyColumn && row > headerRow ? String(jsonCell(values[r][keyColumn - 1])) : '';
      for (let c = 1; c <= width; c += 1) {
        const value = values[r][c - 1];
        const formula = formulas[r][c - 1] || '';
        const header = addedAt.get(c);
        if (header !== undefined) {
          if (row <= headerRow) continue;
          if (isBlank(value, formula) || cellKey(value, formula) === cellKey(fillOf(spec, header), '')) continue;
          const cell: ExportedCell = { row, key, column: header, value: jsonCell(value) };
          if (formula) cell.formula = formula;
          cells.push(cell);
          continue;
        }
        const p = position(c);
        const inBackup = r < backupRows && p <= backupWidth;
        const oldValue: CellValue = inBackup ? oldValues[r][p - 1] : '';
        const oldFormula = inBackup ? oldFormulas[r][p - 1] || '' : '';
        if (cellKey(value, formula) === cellKey(oldValue, oldFormula)) continue;
        if (isBlank(value, formula)) continue;
        const cell: ExportedCell = { row, key, column: columnName(c), value: jsonCell(value) };
        if (formula) cell.formula = formula;
        cell.backup_value = jsonCell(oldValue);
        cells.push(cell);
      }
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

/** Writes the export, or finds the one an earlier execution of this rollback already wrote. */
export function writeExport(drive: DrivePort, folderId: string, name: string, document: ExportDocument): ExportRef {
  const existing = drive.findFileInFolder(folderId, name);
  const file =
    existing ?? drive.createTextFile(folderId, name, JSON.stringify(document, null, 1), 'application/json');
  return { file_id: file.id, url: file.url, name: file.name, cells: document.cells.length };
}
