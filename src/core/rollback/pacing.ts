import type { ReadName, ReadPlanner } from '../slice/read-pace';
import { rowBlocks, type RowBlock } from './blocks';

/** Fewest rows a block read takes (unless fewer are left): slow Sheets makes blocks smaller, never per row. */
export const MIN_BLOCK_ROWS = 100;

export interface BlockUnit {
  /** Cells one row costs over all the reads of a block (values and formulas of every sheet read). */
  cellsPerRow: number;
  reads: number;
}

/**
 * The next block from `row`: at most the fixed-size block rowBlocks gives for `capColumns`, fewer rows when the
 * read speed measured so far says they would not fit the time left, or null when none fit now (pause).
 */
export function nextBlock(
  reads: ReadPlanner,
  row: number,
  lastRow: number,
  capColumns: number,
  unit: BlockUnit,
  what: ReadName,
): RowBlock | null {
  const cap = rowBlocks(row, lastRow, capColumns)[0];
  if (!cap) return null;
  const rows = reads.rows(
    {
      cellsPerRow: unit.cellsPerRow,
      reads: unit.reads,
      remaining: cap.rows,
      max: cap.rows,
      step: Math.min(MIN_BLOCK_ROWS, cap.rows),
    },
    what,
  );
  return rows > 0 ? { row, rows } : null;
}
