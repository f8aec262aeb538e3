import { buildColumnMap, columnLetter, headerText, resolveColumns } from '../column-map';
import type { CellValue, SheetDimensions, SheetPort } from '../ports';
import type { MigrationSpec } from '../migrations/migration-spec';
import type { BackupSource } from './backup-source';
import { contentKey, type RowBlock } from './blocks';
import { jsonCell, type JsonCell } from './export';
import type {
  GridSize,
  RollbackCellDifference as CellDifference,
  RollbackMode,
  RollbackVerification,
} from '../contract';

/**
 * The rollback's result checked against the backup over every cell, in blocks that may span executions (the
 * cursor lives in the checkpoint): no column the run added is left, row 1 is the backup's, every cell equals
 * the backup's, and in full mode the grid size too.
 */
export const MAX_LISTED_DIFFERENCES = 20;
const MAX_SHOWN_CHARS = 60;

export interface VerifyProgress {
  /** First row not compared yet; rows + 1 once every row is. */
  next_row: number;
  rows: number;
  width: number;
  total: number;
  differences: CellDifference[];
}

function shown(value: JsonCell): JsonCell {
  return typeof value === 'string' && value.length > MAX_SHOWN_CHARS
    ? `${value.slice(0, MAX_SHOWN_CHARS)}…`
    : value;
}

export function startVerify(dims: SheetDimensions, backup: BackupSource): VerifyProgress {
  const rows = Math.max(dims.lastRow, backup.dims.lastRow);
  return {
    next_row: 1,
    rows,
    width: Math.max(dims.lastColumn, backup.dims.lastColumn),
    total: 0,
    differences: [],
  };
}

function cellAt(grid: CellValue[][], r: number, c: number): CellValue {
  const line = grid[r];
  const value = line ? line[c] : undefined;
  return value === undefined || value === null ? '' : value;
}

/** Compares one block; returns the progress after it. Four reads at most (two when the backup is in memory). */
export function compareBlock(
  progress: VerifyProgress,
  sheet: SheetPort,
  dims: SheetDimensions,
  backup: BackupSource,
  block: RowBlock,
  columnNames: string[],
): VerifyProgress {
  const n = Math.min(block.rows, dims.lastRow - block.row + 1);
  const now =
    n > 0 && dims.lastColumn > 0
      ? {
          values: sheet.readValues(block.row, 1, n, dims.lastColumn),
          formulas: sheet.readFormulas(block.row, 1, n, dims.lastColumn),
        }
      : { values: [] as CellValue[][], formulas: [] as string[][] };
  const old = backup.rows(block.row, block.rows);
  let total = progress.total;
  const differences = progress.differences.slice();
  for (let r = 0; r < block.rows; r += 1) {
    for (let c = 0; c < progress.width; c += 1) {
      const value = cellAt(now.values, r, c);
      const formula = (now.formulas[r] && now.formulas[r][c]) || '';
      const oldValue = cellAt(old.values, r, c);
      const oldFormula = (old.formulas[r] && old.formulas[r][c]) || '';
      if (contentKey(value, formula) === contentKey(oldValue, oldFormula)) continue;
      total += 1;
      if (differences.length >= MAX_LISTED_DIFFERENCES) continue;
      const difference: CellDifference = {
        row: block.row + r,
        column: shown(columnNames[c] || columnLetter(c + 1)) as string,
        backup: shown(jsonCell(oldValue)),
        current: shown(jsonCell(value)),
      };
      if (oldFormula) difference.backup_formula = shown(oldFormula) as string;
      if (formula) difference.current_formula = shown(formula) as string;
      differences.push(difference);
    }
  }
  return { ...progress, next_row: block.row + block.rows, total, differences };
}

function size(dims: SheetDimensions): GridSize {
  return {
    rows: dims.maxRows,
    columns: dims.maxColumns,
    last_row: dims.lastRow,
    last_column: dims.lastColumn,
  };
}

/** The verdict from a finished comparison, with row 1 and the grid size read once more. */
export function concludeVerification(input: {
  mode: RollbackMode;
  sheet: SheetPort;
  dims: SheetDimensions;
  backup: BackupSource;
  spec: MigrationSpec;
  columnsAdded: string[];
  progress: VerifyProgress;
}): RollbackVerification {
  const { sheet, dims, backup, spec, progress } = input;
  const headers =
    dims.lastColumn > 0 ? sheet.readValues(spec.headerRow, 1, 1, dims.lastColumn)[0].map(headerText) : [];
  const backupHeaders = (backup.rows(spec.headerRow, 1).values[0] ?? []).map(headerText);
  const map = buildColumnMap(headers, spec);
  const left = input.columnsAdded.filter((header) => resolveColumns(map, header).length > 0);
  const checks: RollbackVerification['checks'] = {
    no_added_columns: { passed: left.length === 0, expected: [], found: left },
    headers: {
      passed:
        headers.length === backupHeaders.length && headers.every((header, i) => header === backupHeaders[i]),
      expected: backupHeaders,
      found: headers,
    },
    v21_data_intact: {
      passed: progress.total === 0,
      differences: progress.differences,
      total: progress.total,
    },
  };
  if (input.mode === 'full') {
    const expected = size(backup.dims);
    const actual = size(dims);
    checks.dimensions = { passed: JSON.stringify(expected) === JSON.stringify(actual), expected, actual };
  }
  return { passed: Object.values(checks).every((check) => check.passed), checks };
}
