import { DIGEST_BLOCK_ROWS } from '../digest';
import type { Grid, SheetPort } from '../ports';
import { MAX_CELLS_PER_READ } from '../slice/read-pace';

// Reads a sheet's data rows in chunks of whole digest blocks, two round trips per chunk (values of every column,
// formulas of the v2.1 columns), never more than MAX_CELLS_PER_READ cells per call.

export interface Chunk {
  /** 0-based index of the first data row (a multiple of DIGEST_BLOCK_ROWS). */
  first: number;
  /** Values of columns 1..width. */
  values: Grid;
  /** Formulas of columns 1..v21Width ('' where none). */
  formulas: string[][];
}

/** Rows per chunk for a width: whole digest blocks, at least one block. */
export function chunkRows(width: number, maxCells = MAX_CELLS_PER_READ): number {
  const blocks = Math.floor(Math.min(maxCells, MAX_CELLS_PER_READ) / Math.max(1, width) / DIGEST_BLOCK_ROWS);
  return Math.max(1, blocks) * DIGEST_BLOCK_ROWS;
}

export interface ChunkRequest {
  headerRow: number;
  /** 0-based data row to start at; a multiple of DIGEST_BLOCK_ROWS. */
  first: number;
  rows: number;
  width: number;
  v21Width: number;
}

export function readChunk(sheet: SheetPort, request: ChunkRequest): Chunk {
  const { headerRow, first, rows, width, v21Width } = request;
  if (first % DIGEST_BLOCK_ROWS !== 0)
    throw new Error(`readChunk: row index ${first} is not on a block boundary`);
  const values = sheet.readValues(headerRow + 1 + first, 1, rows, width);
  const formulas = v21Width > 0 ? sheet.readFormulas(headerRow + 1 + first, 1, rows, v21Width) : [];
  return { first, values, formulas };
}

/** The first chunk also carries the header row, saving a round trip: values from the header row down. */
export function readFirstChunk(
  sheet: SheetPort,
  request: ChunkRequest,
): { header: Grid[number]; chunk: Chunk } {
  const { headerRow, rows, width, v21Width } = request;
  const withHeader = sheet.readValues(headerRow, 1, rows + 1, width);
  const formulas = v21Width > 0 && rows > 0 ? sheet.readFormulas(headerRow + 1, 1, rows, v21Width) : [];
  return { header: withHeader[0], chunk: { first: 0, values: withHeader.slice(1), formulas } };
}

/**
 * A sheet expected to fit one read: its data range read whole gives its extent together with the header and the
 * first chunk (values 1 round trip plus the data range handle, formulas 1), where the extent alone costs 2.
 * Rows are padded to `width` like a block read past the last column.
 */
export function readWholeFirstChunk(
  sheet: SheetPort & { readDataRange(): Grid },
  request: { headerRow: number; v21Width: number; maxCells: number },
  /** The extent, when the caller knows it: the grid is read over it, without asking for the data range. */
  known?: { lastRow: number; lastColumn: number },
): { extent: { lastRow: number; lastColumn: number }; header: Grid[number]; chunk: Chunk } {
  const { headerRow, v21Width, maxCells } = request;
  const grid =
    known && known.lastRow > 0 && known.lastColumn > 0
      ? sheet.readValues(1, 1, known.lastRow, known.lastColumn)
      : sheet.readDataRange();
  const empty = grid.length === 1 && grid[0].length === 1 && grid[0][0] === '';
  const extent = empty ? { lastRow: 0, lastColumn: 0 } : { lastRow: grid.length, lastColumn: grid[0].length };
  const width = Math.max(extent.lastColumn, v21Width, 1);
  const dataRows = Math.max(0, extent.lastRow - headerRow);
  const rows = Math.min(chunkRows(width, maxCells), dataRows);
  const padded = (row: Grid[number] | undefined): Grid[number] => {
    const cells = row ? row.slice(0, width) : [];
    while (cells.length < width) cells.push('');
    return cells;
  };
  const values = empty ? [] : grid.slice(headerRow, headerRow + rows).map(padded);
  const formulas = v21Width > 0 && rows > 0 ? sheet.readFormulas(headerRow + 1, 1, rows, v21Width) : [];
  return {
    extent,
    header: padded(empty ? undefined : grid[headerRow - 1]),
    chunk: { first: 0, values, formulas },
  };
}

/** Reads the same rows of the backup's v2.1 columns, for blocks whose digest differs. */
export function readBackupRows(
  backup: SheetPort,
  headerRow: number,
  first: number,
  rows: number,
  v21Columns: number,
): { values: Grid; formulas: string[][] } {
  return {
    values: backup.readValues(headerRow + 1 + first, 1, rows, v21Columns),
    formulas: backup.readFormulas(headerRow + 1 + first, 1, rows, v21Columns),
  };
}
