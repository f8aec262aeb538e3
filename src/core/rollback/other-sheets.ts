// Rolling back a migration's other sheets (v4.0: Uniones, Metadata), after its target sheet. A sheet the
// migration created is removed only after its data is exported; on a sheet that existed, the columns it added
// are removed (their values exported first) and the headers it appended cleared; in full mode, rows an
// append-only sheet (Metadata) gained since the migration are exported, then removed, and on a sheet it added
// columns to, the cells edited since are exported, then written back from the backup. Each effect is recognised
// when repeated after a crash: the export by its file name, a removal by the header or sheet being gone, a
// restored cell by being equal to the backup. The phase that runs them in turn: ./other-sheets-phase.ts.
import { headerText, normaliseHeader } from '../column-map';
import type { RollbackMode } from '../contract';
import type { CellValue, DrivePort, SheetPort, SpreadsheetPort } from '../ports';
import { BACKUP_MEMORY_CELLS, BackupSource } from './backup-source';
import { contentKey, rowBlocks } from './blocks';
import { restoreBlock } from './restore';
import type { OtherSheetPlan } from '../baseline';
import type { ExportRef } from './checkpoint';
import { OtherSheetExport, isBlank, type OtherSheetCell } from './other-sheets-export';

export interface OtherSheetOutcome {
  sheet: string;
  removed_sheet: boolean;
  removed_columns: string[];
  cleared_headers: string[];
  removed_rows: number;
  /** Full mode: rows the sheet had before the migration whose cells were written back from the backup. */
  restored_rows: number;
  exported: ExportRef | null;
  /**
   * Cells exported after `exported`: in full mode those the app wrote while the sheet was written back (one file
   * a block, just before it), and after a crash those written since the dead execution's export file.
   */
  exported_late?: ExportRef[];
}

export interface OtherSheetsContext {
  nowIso: string;
  mode: RollbackMode;
  folderId: string;
  exportName: string;
  migrationRunId: string;
  rollbackRunId: string;
  headerRow: number;
  appendOnly: string[];
  /** The backup's copy of a sheet, by name (null when the backup has none). */
  backupSheet: (name: string) => SheetPort | null;
  /**
   * Called once the export is written and before anything is removed or written back, with what the sheet's
   * rollback is about to do (intent first): a rollback that dies midway reports, when resumed, what the first
   * attempt did, through mergeOutcomes.
   */
  beforeEffects?: (planned: OtherSheetOutcome) => void;
}

/** What a resumed sheet's rollback did, with what the attempt that died had planned (its effects may be made). */
export function mergeOutcomes(planned: OtherSheetOutcome, resumed: OtherSheetOutcome): OtherSheetOutcome {
  const union = (a: string[], b: string[]) => [...a, ...b.filter((item) => !a.includes(item))];
  return {
    sheet: planned.sheet,
    removed_sheet: planned.removed_sheet || resumed.removed_sheet,
    removed_columns: union(planned.removed_columns, resumed.removed_columns),
    cleared_headers: union(planned.cleared_headers, resumed.cleared_headers),
    removed_rows: Math.max(planned.removed_rows, resumed.removed_rows),
    restored_rows: Math.max(planned.restored_rows, resumed.restored_rows),
    exported: planned.exported ?? resumed.exported,
    ...(resumed.exported_late ? { exported_late: resumed.exported_late } : {}),
  };
}

/** The sheet as the rollback of it starts, with its extent read then (null when the sheet is gone). */
export type OtherSheetNow = { sheet: SheetPort; extent: { lastRow: number; lastColumn: number } } | null;

/** The other sheet by name and its extent, read right before its rollback. */
export function otherSheetNow(spreadsheet: SpreadsheetPort, name: string): OtherSheetNow {
  const sheet = spreadsheet.sheet(name);
  if (!sheet) return null;
  return { sheet, extent: sheet.extent ? sheet.extent() : sheet.dimensions() };
}

/** Whether the rollback of this sheet gives its cells back from the backup (full mode, columns added to it). */
function restoresCells(other: OtherSheetPlan, mode: RollbackMode): boolean {
  return mode === 'full' && other.existed && other.to_add.length > 0;
}

/**
 * The reads the rollback of one other sheet makes, for the read planner: the sheet's values, and in full mode on a
 * sheet it gives cells back to, over its rows before the migration: their formulas, the backup's values and
 * formulas (twice when the backup is too large to keep in memory), and the values and formulas again as each
 * block is written back. One sheet is one unit: its export file is written whole, so a sheet is never split
 * across executions.
 */
export function otherSheetReads(
  other: OtherSheetPlan,
  now: OtherSheetNow,
  mode: RollbackMode,
): { reads: number; cells: number } {
  const extent = now?.extent;
  if (!extent || extent.lastRow === 0 || extent.lastColumn === 0) return { reads: 0, cells: 0 };
  let reads = rowBlocks(1, extent.lastRow, extent.lastColumn).length;
  let cells = extent.lastRow * extent.lastColumn;
  if (restoresCells(other, mode) && other.last_row > 0 && other.last_column > 0) {
    const before = other.last_row * other.last_column;
    const passes = before > BACKUP_MEMORY_CELLS ? 7 : 5;
    reads += passes * rowBlocks(1, other.last_row, other.last_column).length;
    cells += passes * before;
  }
  return { reads, cells };
}

/** Rolls back one other sheet, as otherSheetNow found it. */
export function rollbackOtherSheet(
  drive: DrivePort,
  spreadsheet: SpreadsheetPort,
  other: OtherSheetPlan,
  now: OtherSheetNow,
  context: OtherSheetsContext,
): OtherSheetOutcome {
  const outcome: OtherSheetOutcome = {
    sheet: other.sheet,
    removed_sheet: false,
    removed_columns: [],
    cleared_headers: [],
    removed_rows: 0,
    restored_rows: 0,
    exported: null,
  };
  if (!now) return outcome;
  const { sheet, extent } = now;
  const values =
    extent.lastRow > 0 && extent.lastColumn > 0
      ? inBlocks((...at) => sheet.readValues(...at), extent.lastRow, extent.lastColumn)
      : [];
  const headers = (values[context.headerRow - 1] ?? []).map(headerText);
  const cells: OtherSheetCell[] = [];
  const collect = (column: number, fromRow: number) => {
    for (let row = fromRow; row <= values.length; row += 1) {
      const value = values[row - 1][column - 1];
      if (!isBlank(value)) cells.push({ row, column: headers[column - 1] ?? '', value });
    }
  };
  const removedColumns: number[] = [];
  const editedRows = new Set<number>();
  // A sheet the migration added columns to is, in full mode, given back its cells as the backup has them.
  const restoreSheet = restoresCells(other, context.mode) ? context.backupSheet(other.sheet) : null;
  // read once for both the export of edited cells and the restore
  const restoreFrom = restoreSheet ? new BackupSource(restoreSheet, restoreSheet.dimensions()) : null;
  const appendedRows =
    context.mode === 'full' && context.appendOnly.includes(other.sheet)
      ? Math.max(0, extent.lastRow - other.last_row)
      : 0;
  if (!other.existed) {
    for (let column = 1; column <= headers.length; column += 1) collect(column, context.headerRow + 1);
  } else {
    for (const header of other.to_add) {
      const at = headers.findIndex((text) => normaliseHeader(text) === normaliseHeader(header));
      if (at < 0) continue;
      removedColumns.push(at + 1);
      collect(at + 1, context.headerRow + 1);
    }
    if (restoreFrom) {
      for (const cell of editedCells(sheet, restoreFrom, other, values, removedColumns)) {
        cells.push({ ...cell, column: headers[cell.column - 1] ?? '' });
        editedRows.add(cell.row);
      }
    }
    if (appendedRows > 0) {
      for (let column = 1; column <= headers.length; column += 1) {
        if (removedColumns.includes(column)) continue;
        for (let row = other.last_row + 1; row <= extent.lastRow; row += 1) {
          const value = values[row - 1][column - 1];
          if (!isBlank(value)) cells.push({ row, column: headers[column - 1] ?? '', value });
        }
      }
    }
  }
  const exporter = new OtherSheetExport(drive, spreadsheet, context, other.sheet);
  outcome.exported = exporter.write(cells);
  // headers the migration appended to a sheet that existed: cleared, so the sheet is as it was
  const appended = other.existed
    ? other.ensure_missing
        .map((header) => headers.findIndex((text) => normaliseHeader(text) === normaliseHeader(header)))
        .filter((at) => at >= 0 && at + 1 > other.headers.length)
    : [];
  removedColumns.sort((a, b) => b - a);
  // What the effects below do, known before them: recorded first (intent), and what the sheet's rollback reports.
  const planned: OtherSheetOutcome = {
    ...outcome,
    removed_sheet: !other.existed,
    removed_columns: removedColumns.map((column) => headers[column - 1]),
    cleared_headers: appended.map((at) => headers[at]),
    removed_rows: appendedRows,
    restored_rows: editedRows.size,
  };
  const { removed_sheet, removed_columns, cleared_headers, removed_rows, restored_rows } = planned;
  if (removed_sheet || removed_columns.length + cleared_headers.length + removed_rows + restored_rows > 0) {
    context.beforeEffects?.(planned);
  }
  if (!other.existed) {
    if (spreadsheet.deleteSheet) spreadsheet.deleteSheet(other.sheet);
    return planned;
  }
  if (appendedRows > 0) {
    // the rows go, and the grid gets back the size it had (rows the app inserted past it are deleted)
    sheet.clear(other.last_row + 1, 1, appendedRows, Math.max(extent.lastColumn, 1));
    const grid = sheet.dimensions();
    if (grid.maxRows > other.max_rows) sheet.deleteRows(other.max_rows + 1, grid.maxRows - other.max_rows);
  }
  for (const column of removedColumns) sheet.deleteColumns(column, 1);
  // the rows written back, as the writes counted them; what the app wrote since the read is exported first
  const kept = headers.filter((_, at) => !removedColumns.includes(at + 1));
  const restored = restoreFrom ? restoreCells(sheet, restoreFrom, other, exporter, kept) : 0;
  for (const at of appended) sheet.writeValues(context.headerRow, at + 1, [['']]);
  return {
    ...planned,
    restored_rows: restored,
    ...(exporter.late.length > 0 ? { exported_late: exporter.late } : {}),
  };
}

/**
 * Rows 1..rows x columns 1..columns, read in row blocks of at most MAX_BLOCK_CELLS cells (one read for a sheet
 * that size or smaller, as everywhere else the add-on reads a sheet) and joined.
 */
function inBlocks<T>(
  read: (row: number, column: number, rows: number, columns: number) => T[][],
  rows: number,
  columns: number,
): T[][] {
  const out: T[][] = [];
  for (const block of rowBlocks(1, rows, columns)) {
    for (const line of read(block.row, 1, block.rows, columns)) out.push(line);
  }
  return out;
}

/** The cells of the sheet's rows before the migration (up to its last column then) that differ from the backup. */
function editedCells(
  sheet: SheetPort,
  backup: BackupSource,
  other: OtherSheetPlan,
  values: CellValue[][],
  skip: number[],
): { row: number; column: number; value: CellValue }[] {
  const rows = Math.min(other.last_row, values.length);
  const width = other.last_column;
  if (rows === 0 || width === 0) return [];
  const formulas = inBlocks((...at) => sheet.readFormulas(...at), rows, width);
  const edited: { row: number; column: number; value: CellValue }[] = [];
  for (const block of rowBlocks(1, rows, width * 2)) {
    const old = backup.rows(block.row, block.rows);
    for (let i = 0; i < block.rows; i += 1) {
      const r = block.row - 1 + i;
      for (let c = 0; c < width; c += 1) {
        if (skip.includes(c + 1)) continue;
        const now = values[r][c];
        if (isBlank(now) && !formulas[r][c]) continue;
        const was = contentKey(old.values[i]?.[c], old.formulas[i]?.[c] || '');
        if (contentKey(now, formulas[r][c] || '') !== was)
          edited.push({ row: r + 1, column: c + 1, value: now });
      }
    }
  }
  return edited;
}

/** Writes the backup's cells back where the sheet differs, in row blocks; returns the rows written. */
function restoreCells(
  sheet: SheetPort,
  backup: BackupSource,
  other: OtherSheetPlan,
  exporter: OtherSheetExport,
  headers: string[],
): number {
  let restored = 0;
  for (const block of rowBlocks(1, other.last_row, other.last_column * 2)) {
    restored += restoreBlock(sheet, backup, block, other.last_column, exporter.beforeWrite(block, headers));
  }
  return restored;
}
