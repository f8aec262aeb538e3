import type { CellValue, SheetDimensions, SheetPort } from '../ports';
import type { ReadPlanner } from '../slice/read-pace';
import { rowBlocks } from './blocks';
import type { BlockUnit } from './pacing';

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
  /** Too large to keep in memory: always read per request. */
  private readonly perRequest: boolean;

  constructor(
    readonly sheet: SheetPort,
    readonly dims: SheetDimensions,
    private readonly reads: ReadPlanner | null = null,
  ) {
    this.perRequest = dims.lastRow * dims.lastColumn > BACKUP_MEMORY_CELLS;
  }

  /**
   * Before a block is planned: reads a small backup whole when that fits the time left, and says what reading
   * the backup's rows still costs a block (nothing once it is in memory).
   */
  prepare(): BlockUnit {
    const width = this.dims.lastColumn;
    if (this.all || width === 0 || this.dims.lastRow === 0) return { cellsPerRow: 0, reads: 0 };
    if (!this.perRequest) {
      // Asked again before each block: once a read has measured a faster speed, the rest may fit in memory.
      const blocks = rowBlocks(1, this.dims.lastRow, width * 2).length;
      if (!this.reads || this.reads.fits(2 * blocks, 2 * this.dims.lastRow * width)) {
        this.load();
        return { cellsPerRow: 0, reads: 0 };
      }
    }
    return { cellsPerRow: 2 * width, reads: 2 };
  }

  private load(): void {
    const width = this.dims.lastColumn;
    const all: BackupRows = { values: [], formulas: [] };
    for (const block of rowBlocks(1, this.dims.lastRow, width * 2)) {
      all.values.push(...this.sheet.readValues(block.row, 1, block.rows, width));
      all.formulas.push(...this.sheet.readFormulas(block.row, 1, block.rows, width));
    }
    this.all = all;
  }

  /** Rows row..row+count-1 (1-based), every content column. */
  rows(row: number, count: number): BackupRows {
    const n = Math.min(count, this.dims.lastRow - row + 1);
    const width = this.dims.lastColumn;
    if (n <= 0 || width === 0) return { values: [], formulas: [] };
    if (!this.all && (this.perRequest || this.reads)) {
      return {
        values: this.sheet.readValues(row, 1, n, width),
        formulas: this.sheet.readFormulas(row, 1, n, width),
      };
    }
    if (!this.all) this.load();
    const all = this.all as BackupRows;
    return {
      values: all.values.slice(row - 1, row - 1 + n),
      formulas: all.formulas.slice(row - 1, row - 1 + n),
    };
  }
}
