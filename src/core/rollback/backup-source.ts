import type { CellValue, SheetDimensions, SheetPort } from '../ports';
import { rowBlocks } from './blocks';

/** Past this many cells the backup is read per request instead of kept in memory for the execution. */
export const BACKUP_MEMORY_CELLS = 1_500_000;

export interface BackupRows {
  /** Clipped to the backup's content: fewer rows (or none) past its last row. */
  values: CellValue[][];
  formulas: string[][];
}

/**
 * The backup's copy of the target sheet, read once per execution: export, restore and verification all compare
 * with it, and it never changes. A large backup is read block by block as asked instead.
 */
export class BackupSource {
  private all: BackupRows | null = null;

  constructor(
    readonly sheet: SheetPort,
    readonly dims: SheetDimensions,
  ) {}

  /** Rows row..row+count-1 (1-based), every content column. */
  rows(row: number, count: number): BackupRows {
    const n = Math.min(count, this.dims.lastRow - row + 1);
    const width = this.dims.lastColumn;
    if (n <= 0 || width === 0) return { values: [], formulas: [] };
    if (this.dims.lastRow * width > BACKUP_MEMORY_CELLS) {
      return {
        values: this.sheet.readValues(row, 1, n, width),
        formulas: this.sheet.readFormulas(row, 1, n, width),
      };
    }
    if (!this.all) {
      const all: BackupRows = { values: [], formulas: [] };
      for (const block of rowBlocks(1, this.dims.lastRow, width * 2)) {
        all.values.push(...this.sheet.readValues(block.row, 1, block.rows, width));
        all.formulas.push(...this.sheet.readFormulas(block.row, 1, block.rows, width));
      }
      this.all = all;
    }
    return {
      values: this.all.values.slice(row - 1, row - 1 + n),
      formulas: this.all.formulas.slice(row - 1, row - 1 + n),
    };
  }
}
