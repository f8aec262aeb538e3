import { columnLetter } from '../column-map';
import type { CellValue, SheetDimensions, SheetPort } from '../ports';
import type { BackupRows } from './backup-source';
import { contentKey, rowBlocks } from './blocks';
import type { ExportRef, RollbackCheckpoint } from './checkpoint';
import {
  changedCellsIn,
  exportPartName,
  exportSpan,
  jsonCell,
  writeExportFile,
  type ExportDocument,
  type ExportedCell,
  type ExportSource,
} from './export';
import type { Execution } from './execution';

/** A cell's place and content; a formula cell by its formula, since its value moves as inputs are restored. */
const cellId = (cell: ExportedCell) =>
  JSON.stringify([cell.row, cell.column, cell.formula ? ['f', cell.formula] : cell.value]);

export function exportRefs(checkpoint: RollbackCheckpoint): ExportRef[] {
  const exported = checkpoint.exported;
  return exported ? (exported.parts ?? [exported]) : [];
}

/**
 * What the export files already hold. The app keeps writing while a rollback runs over several executions, so
 * right before cells are removed or overwritten, any the files do not hold go to one more part. Its name follows
 * from the parts recorded so far, so a crash after writing it finds it again instead of writing a second one.
 */
export class ExportLedger {
  private readonly seen = new Set<string>();
  /** Files whose cells are in `seen`: those written in this execution, and those read back from Drive. */
  private readonly known = new Set<string>();

  constructor(
    private readonly execution: Execution,
    private readonly sheetName: string,
    private readonly keyHeader: string,
    private readonly current: () => RollbackCheckpoint,
    private readonly save: (next: RollbackCheckpoint) => RollbackCheckpoint,
  ) {}

  /** Cells this execution has just written to a new file. */
  record(ref: ExportRef, cells: ExportedCell[]): void {
    this.known.add(ref.file_id);
    for (const cell of cells) this.seen.add(cellId(cell));
  }

  private load(ref: ExportRef): void {
    if (this.known.has(ref.file_id)) return;
    const text = this.execution.services.drive.readText(ref.file_id);
    this.record(ref, (JSON.parse(text) as ExportDocument).cells);
  }

  /** Exports the cells (about to be lost) that no export file holds yet; how many there were. */
  exportMissing(cells: ExportedCell[]): number {
    if (cells.length === 0) return 0;
    let missing = 0;
    for (;;) {
      const refs = exportRefs(this.current());
      for (const ref of refs) this.load(ref);
      const late = cells.filter((cell) => !this.seen.has(cellId(cell)));
      if (late.length === 0) return missing;
      missing += late.length;
      const { services, spreadsheet } = this.execution;
      const checkpoint = this.current();
      const base = checkpoint.export_name;
      const name = refs.length === 0 ? base : exportPartName(base, refs.length + 1);
      const { ref, created } = writeExportFile(services.drive, checkpoint.target.backup.folder_id, name, {
        spreadsheet_id: spreadsheet.id,
        spreadsheet_name: spreadsheet.name,
        sheet: this.sheetName,
        migration_run_id: checkpoint.migration_run_id,
        rollback_run_id: checkpoint.run_id,
        mode: checkpoint.mode,
        key_column: this.keyHeader,
        exported_at: new Date(services.clock.now()).toISOString(),
        cells: late,
      });
      if (created) this.record(ref, late);
      const parts = [...refs, ref];
      this.save({ ...checkpoint, exported: parts.length === 1 ? parts[0] : { ...parts[0], parts } });
      // A part found from an earlier, interrupted call is read back: what it lacks goes to the next part.
      if (created) return missing;
    }
  }
}

/**
 * Before the added columns go: their cells in rows `first`..`last` (default: every row the export read) are read
 * again, and any the export does not hold (written by the app since that row was exported) are exported.
 * Only the added columns are read; in full mode the other cells are checked as each block is restored.
 */
export function lateExport(
  ledger: ExportLedger,
  source: ExportSource,
  rows: { first: number; last: number } | null = null,
): number {
  const added: ExportSource = { ...source, mode: 'columns', backup: undefined };
  const span = exportSpan(added);
  if (!span) return 0;
  const first = Math.max(span.first, rows ? rows.first : span.first);
  const last = Math.min(span.last, rows ? rows.last : span.last);
  const cells: ExportedCell[] = [];
  for (let row = first; row <= last;) {
    const block = rowBlocks(row, last, span.capColumns)[0];
    cells.push(...changedCellsIn(added, block));
    row = block.row + block.rows;
  }
  return ledger.exportMissing(cells);
}

/** The sheet's cells of a restore block (as read by the restore) that are not blank and differ from the backup. */
export function overwrittenCells(
  firstRow: number,
  current: { values: CellValue[][]; formulas: string[][] },
  backup: BackupRows,
  backupWidth: number,
  headers: CellValue[],
  keyColumn: number | null,
  headerRow: number,
): ExportedCell[] {
  const cells: ExportedCell[] = [];
  current.values.forEach((line, r) => {
    const row = firstRow + r;
    const key = keyColumn && row > headerRow ? String(jsonCell(line[keyColumn - 1])) : '';
    line.forEach((value, c) => {
      const formula = current.formulas[r]?.[c] || '';
      if (!formula && (value === '' || value === undefined || value === null)) return;
      const inBackup = r < backup.values.length && c < backupWidth;
      const oldValue: CellValue = inBackup ? backup.values[r][c] : '';
      const oldFormula = inBackup ? backup.formulas[r][c] || '' : '';
      if (contentKey(value, formula) === contentKey(oldValue, oldFormula)) return;
      const column = String(jsonCell(headers[c])) || columnLetter(c + 1);
      const cell: ExportedCell = { row, key, column, value: jsonCell(value) };
      if (formula) cell.formula = formula;
      cell.backup_value = jsonCell(oldValue);
      cells.push(cell);
    });
  });
  return cells;
}

/**
 * Full mode, before the grid is cut to the backup's size: every non-blank cell in rows past the backup's last
 * grid row or columns past its last grid column (rows appended by the app since the export, say). Read in row
 * blocks; the header row names each column as the export does.
 */
export function cellsOutsideGrid(
  sheet: SheetPort,
  current: SheetDimensions,
  backup: SheetDimensions,
  headerRow: number,
  keyHeader: string,
): ExportedCell[] {
  const extraRows = current.maxRows > backup.maxRows && current.lastRow > backup.maxRows;
  const extraColumns = current.maxColumns > backup.maxColumns && current.lastColumn > backup.maxColumns;
  if (!extraRows && !extraColumns) return [];
  const width = current.lastColumn;
  const headers = sheet.readValues(headerRow, 1, 1, width)[0].map((cell) => String(jsonCell(cell)));
  const key = headers.indexOf(keyHeader) + 1;
  const cells: ExportedCell[] = [];
  const collect = (
    row: number,
    left: number,
    values: CellValue[],
    formulas: string[],
    keyValue: CellValue,
  ) => {
    values.forEach((value, i) => {
      const formula = formulas[i] || '';
      if (!formula && (value === '' || value === undefined || value === null)) return;
      const column = left + i;
      const cell: ExportedCell = {
        row,
        key: key && row > headerRow ? String(jsonCell(keyValue)) : '',
        column: headers[column - 1] || columnLetter(column),
        value: jsonCell(value),
      };
      if (formula) cell.formula = formula;
      cell.backup_value = '';
      cells.push(cell);
    });
  };
  if (extraColumns) {
    const left = backup.maxColumns + 1;
    const last = Math.min(current.lastRow, backup.maxRows);
    for (const block of rowBlocks(1, last, (width - left + 2) * 2)) {
      const values = sheet.readValues(block.row, left, block.rows, width - left + 1);
      const formulas = sheet.readFormulas(block.row, left, block.rows, width - left + 1);
      const keys = key ? sheet.readValues(block.row, key, block.rows, 1) : null;
      values.forEach((line, r) => collect(block.row + r, left, line, formulas[r], keys ? keys[r][0] : ''));
    }
  }
  if (extraRows) {
    for (const block of rowBlocks(backup.maxRows + 1, current.lastRow, width * 2)) {
      const values = sheet.readValues(block.row, 1, block.rows, width);
      const formulas = sheet.readFormulas(block.row, 1, block.rows, width);
      values.forEach((line, r) => collect(block.row + r, 1, line, formulas[r], key ? line[key - 1] : ''));
    }
  }
  return cells;
}
