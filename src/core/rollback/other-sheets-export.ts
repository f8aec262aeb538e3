// The export of an other sheet (v4.0: Uniones, Metadata) before its rollback removes or overwrites cells: the file
// written from the sheet's read at the start, and, in full mode, a file for each block the write-back finds
// changed since that read (the app keeps writing), written before that block is overwritten; after a crash, a file
// for what the app wrote since the dead execution's file.
import type { CellValue, DrivePort, SpreadsheetPort } from '../ports';
import type { BackupRows } from './backup-source';
import { contentKey, type RowBlock } from './blocks';
import type { ExportRef } from './checkpoint';
import { jsonCell, writeExportFile } from './export';
import type { OtherSheetsContext } from './other-sheets';

export interface OtherSheetCell {
  row: number;
  /** The cell's header (columns move when the migration's columns go; a header does not). */
  column: string;
  value: CellValue;
}

export function isBlank(value: CellValue): boolean {
  return value === '' || value === null || value === undefined;
}

export class OtherSheetExport {
  /** What the export files hold, by row and header: the last value exported for each cell. */
  private readonly held = new Map<string, string>();
  /** The files written for cells found changed during the write-back or since a file of a dead execution, in order. */
  readonly late: ExportRef[] = [];

  constructor(
    private readonly drive: DrivePort,
    private readonly spreadsheet: SpreadsheetPort,
    private readonly context: OtherSheetsContext,
    private readonly sheet: string,
  ) {}

  /**
   * The sheet's export as read at the start (null when it holds nothing to export). A file of that name already
   * there was written by an execution that died after it, from the sheet as it read it then: the cells read now
   * that the file lacks (the app wrote them since) go to a file of this execution's own, listed as late.
   */
  write(cells: OtherSheetCell[], suffix = ''): ExportRef | null {
    for (const cell of cells) this.held.set(`${cell.row}|${cell.column}`, contentKey(cell.value, ''));
    if (cells.length === 0) return null;
    const name = `${this.context.exportName} - ${this.sheet}${suffix}`;
    const { ref, created } = this.writeFile(name, cells);
    if (!created) {
      const missing = this.missingFrom(ref, cells);
      if (missing.length > 0)
        this.late.push(this.writeFile(`${name} - after restart ${this.context.nowIso}`, missing).ref);
    }
    return ref;
  }

  private writeFile(name: string, cells: OtherSheetCell[]) {
    const { context, spreadsheet } = this;
    return writeExportFile(this.drive, context.folderId, name, {
      spreadsheet_id: spreadsheet.id,
      spreadsheet_name: spreadsheet.name,
      sheet: this.sheet,
      migration_run_id: context.migrationRunId,
      rollback_run_id: context.rollbackRunId,
      mode: context.mode,
      key_column: '',
      exported_at: context.nowIso,
      cells: cells.map((cell) => ({
        row: cell.row,
        key: '',
        column: cell.column,
        value: jsonCell(cell.value),
      })),
    });
  }

  /** The cells an export file written earlier does not hold as they are now (all of them if it cannot be read). */
  private missingFrom(ref: ExportRef, cells: OtherSheetCell[]): OtherSheetCell[] {
    const entry = (row: number, column: string, value: unknown) => JSON.stringify([row, column, value]);
    let held = new Set<string>();
    try {
      const file = JSON.parse(this.drive.readText(ref.file_id)) as {
        cells?: { row: number; column: string; value: unknown }[];
      };
      held = new Set((file.cells ?? []).map((cell) => entry(cell.row, cell.column, cell.value)));
    } catch {
      // unreadable: every cell is exported again
    }
    return cells.filter((cell) => !held.has(entry(cell.row, cell.column, jsonCell(cell.value))));
  }

  /**
   * The write-back's check before a block is overwritten (restoreBlock's beforeWrite): the block's cells that
   * differ from the backup and are not held as they are now (written since the sheet was read) are exported
   * first, in a file named after the block. `headers`: the sheet's headers as the write-back sees its columns.
   */
  beforeWrite(block: RowBlock, headers: string[]) {
    return (current: BackupRows, old: BackupRows, backupWidth: number): void => {
      const cells: OtherSheetCell[] = [];
      current.values.forEach((line, r) => {
        line.forEach((value, c) => {
          const formula = current.formulas[r]?.[c] || '';
          if (isBlank(value) && !formula) return;
          const inBackup = r < old.values.length && c < backupWidth;
          const was = inBackup
            ? contentKey(old.values[r][c], old.formulas[r]?.[c] || '')
            : contentKey('', '');
          if (contentKey(value, formula) === was) return;
          const row = block.row + r;
          const column = headers[c] ?? '';
          if (this.held.get(`${row}|${column}`) === contentKey(value, '')) return;
          cells.push({ row, column, value });
        });
      });
      const before = this.late.length;
      const ref = this.write(cells, ` - rows ${block.row}-${block.row + block.rows - 1}`);
      if (ref) this.late.splice(before, 0, ref);
    };
  }
}
