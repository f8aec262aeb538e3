/** Reads and writes go in row blocks of at most this many cells: few round trips, bounded memory. */
export const MAX_BLOCK_CELLS = 1_000_000;

export interface RowBlock {
  /** 1-based first row and number of rows. */
  row: number;
  rows: number;
}

export function rowBlocks(firstRow: number, lastRow: number, columns: number): RowBlock[] {
  const perBlock = Math.max(1, Math.floor(MAX_BLOCK_CELLS / Math.max(1, columns)));
  const blocks: RowBlock[] = [];
  for (let row = firstRow; row <= lastRow; row += perBlock) {
    blocks.push({ row, rows: Math.min(perBlock, lastRow - row + 1) });
  }
  return blocks;
}
