import { cellKey } from '../digest';
import { buildColumnMap, columnLetter, headerText, resolveColumns } from '../column-map';
import type { CellValue, SheetDimensions, SheetPort } from '../ports';
import type { MigrationSpec } from '../spec/migration-spec';
import { rowBlocks } from './blocks';
import { jsonCell, type JsonCell } from './export';
import type { RollbackMode } from './options';

/**
 * The rollback's result checked against the backup, over every cell (block reads): no column the run added
 * is left, row 1 is the backup's, every cell equals the backup's, and in full mode the grid size too.
 */
export const MAX_LISTED_DIFFERENCES = 100;

export interface CellDifference {
  row: number;
  column: string;
  backup: JsonCell;
  current: JsonCell;
  backup_formula?: string;
  current_formula?: string;
}

export interface RollbackVerification {
  passed: boolean;
  checks: {
    no_added_columns: { passed: boolean; expected: string[]; found: string[] };
    headers: { passed: boolean; expected: string[]; found: string[] };
    v21_data_intact: { passed: boolean; differences: CellDifference[]; total: number };
    dimensions?: { passed: boolean; expected: GridSize; actual: GridSize };
  };
}

interface GridSize {
  rows: number;
  columns: number;
  last_row: number;
  last_column: number;
}

function size(dims: SheetDimensions): GridSize {
  return { rows: dims.maxRows, columns: dims.maxColumns, last_row: dims.lastRow, last_column: dims.lastColumn };
}

function row1(sheet: SheetPort, dims: SheetDimensions, headerRow: number): string[] {
  return dims.lastColumn > 0 ? sheet.readValues(headerRow, 1, 1, dims.lastColumn)[0].map(headerText) : [];
}

function cellAt(grid: CellValue[][], r: number, c: number): CellValue {
  const line = grid[r];
  const value = line ? line[c] : undefined;
  return value === undefined || value === null ? '' : value;
}

export function verifyAgainstBackup(input: {
  mode: RollbackMode;
  sheet: SheetPort;
  backup: SheetPort;
  spec: MigrationSpec;
  columnsAdded: string[];
}): RollbackVerification {
  const { sheet, backup, spec } = input;
  const dims = sheet.dimensions();
  const backupDims = backup.dimensions();
  const headers = row1(sheet, dims, spec.headerRow);
  const backupHeaders = row1(backup, backupDims, spec.headerRow);
  const map = buildColumnMap(headers, spec);
  const left = input.columnsAdded.filter((header) => resolveColumns(map, header).length > 0);

  const rows = Math.max(dims.lastRow, backupDims.lastRow);
  const width = Math.max(dims.lastColumn, backupDims.lastColumn);
  const differences: CellDifference[] = [];
  let total = 0;
  for (const block of rowBlocks(1, rows, width * 4)) {
    const read = (target: SheetPort, d: SheetDimensions) => {
      const n = Math.min(block.rows, d.lastRow - block.row + 1);
      if (n <= 0 || d.lastColumn === 0) return { values: [] as CellValue[][], formulas: [] as string[][] };
      return {
        values: target.readValues(block.row, 1, n, d.lastColumn),
        formulas: target.readFormulas(block.row, 1, n, d.lastColumn),
      };
    };
    const now = read(sheet, dims);
    const old = read(backup, backupDims);
    for (let r = 0; r < block.rows; r += 1) {
      for (let c = 0; c < width; c += 1) {
        const value = cellAt(now.values, r, c);
        const formula = (now.formulas[r] && now.formulas[r][c]) || '';
        const oldValue = cellAt(old.values, r, c);
        const oldFormula = (old.formulas[r] && old.formulas[r][c]) || '';
        if (cellKey(value, formula) === cellKey(oldValue, oldFormula)) continue;
        total += 1;
        if (differences.length >= MAX_LISTED_DIFFERENCES) continue;
        const difference: CellDifference = {
          row: block.row + r,
          column: backupHeaders[c] || headers[c] || columnLetter(c + 1),
          backup: jsonCell(oldValue),
          current: jsonCell(value),
        };
        if (oldFormula) difference.backup_formula = oldFormula;
        if (formula) difference.current_formula = formula;
        differences.push(difference);
      }
    }
  }

  const checks: RollbackVerification['checks'] = {
    no_added_columns: { passed: left.length === 0, expected: [], found: left },
    headers: {
      passed: headers.length === backupHeaders.length && headers.every((header, i) => header === backupHeaders[i]),
      expected: backupHeaders,
      found: headers,
    },
    v21_data_intact: { passed: total === 0, differences, total },
  };
  if (input.mode === 'full') {
    const expected = size(backupDims);
    const actual = size(dims);
    checks.dimensions = {
      passed: JSON.stringify(expected) === JSON.stringify(actual),
      expected,
      actual,
    };
  }
  const passed = Object.values(checks).every((check) => check.passed);
  return { passed, checks };
}
