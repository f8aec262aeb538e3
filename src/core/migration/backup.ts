// create_backup: a Drive copy of the whole spreadsheet, then the copy's target sheet compared with the original,
// cell by cell through block digests, before anything is changed. Resumable: the copy is recognised by its
// recorded name, and the comparison keeps a cursor.
import { BASELINE_KEY } from '../state/keys';
import { START_OVER } from './types';
import type { Baseline } from '../baseline';
import { DIGEST_BLOCK_ROWS, blockDigests } from '../digest';
import type { Grid, SheetPort } from '../ports';
import { type CompareCursor, encode, stepOf } from './checkpoint';
import type { RunContext } from './context';
import type { StepOutcome } from './steps';
import { MAX_CELLS_PER_READ } from '../verify/block-reader';

/**
 * Cells per read call, the same as the verification's (MAX_CELLS_PER_READ: the largest reads Sheets handles
 * well); a chunk reads values and formulas of the original and of the copy.
 */
export const COMPARE_CELLS_PER_READ = MAX_CELLS_PER_READ;

export function compareChunkRows(columns: number): number {
  const blocks = Math.floor(COMPARE_CELLS_PER_READ / Math.max(1, columns) / DIGEST_BLOCK_ROWS);
  return Math.max(1, blocks) * DIGEST_BLOCK_ROWS;
}

function makeCopy(ctx: RunContext): void {
  const backup = ctx.checkpoint.backup;
  if (backup.file_id) return;
  const drive = ctx.services.drive;
  // A copy made by an execution that died before recording it carries the recorded name: adopt it.
  let file = ctx.createdThisExecution ? null : drive.findFileInFolder(backup.folder_id, backup.name);
  if (file) ctx.logger.info(`Backup "${backup.name}" found from an earlier attempt: not copying again.`);
  else {
    // The backup's name is in the checkpoint already when the run was recorded in this execution.
    if (!ctx.createdThisExecution) ctx.commit();
    file = drive.copyFile(ctx.plan.spreadsheet_id, backup.name, backup.folder_id);
    ctx.logger.info(`Backup "${backup.name}" created (${file.id}).`);
  }
  backup.file_id = file.id;
  backup.url = file.url;
  backup.created_at = file.createdAt;
  ctx.touch();
}

function copySheet(ctx: RunContext): SheetPort {
  const backup = ctx.checkpoint.backup;
  const copy = ctx.services.spreadsheets.open(backup.file_id as string).sheet(ctx.plan.sheet_name);
  if (!copy) {
    throw new Error(
      `The backup "${backup.name}" has no sheet "${ctx.plan.sheet_name}". Start over with ${START_OVER} ` +
        'to make a new backup.',
    );
  }
  return copy;
}

function mismatch(ctx: RunContext, what: string): Error {
  return new Error(
    `The backup "${ctx.checkpoint.backup.name}" does not match sheet "${ctx.plan.sheet_name}": ${what}. Nothing ` +
      `was changed in the sheet. If someone edited the sheet meanwhile, start over with ${START_OVER}.`,
  );
}

export function createBackup(ctx: RunContext): StepOutcome {
  if (!ctx.checkpoint.backup.file_id && ctx.budget.spent()) return 'paused';
  makeCopy(ctx);
  const plan = ctx.plan;
  const width = plan.last_column;
  const rows = plan.data_rows;
  const cursor = ctx.checkpoint.compare ?? { next: 0, digests: [], v21_digests: [] };
  const progress = { done: cursor.next, total: rows };
  stepOf(ctx, 'backup').progress = progress;
  if (cursor.next < rows || (rows === 0 && !ctx.checkpoint.compare)) {
    const copy = copySheet(ctx);
    const wholeCells = plan.last_row * plan.last_column;
    if (cursor.next === 0 && !cursor.pending && ctx.planValues && ctx.reads.fits(3, 3 * wholeCells)) {
      compareWhole(ctx, copy, cursor, ctx.planValues);
      progress.done = cursor.next;
    }
    while (cursor.next < rows || !ctx.checkpoint.compare) {
      // The original's side of a block, then the copy's: each side is one unit of reads, sized to the time left.
      const readRows = cursor.pending ? cursor.pending.rows : nextRows(ctx, cursor);
      const header = cursor.next === 0 ? 1 : 0;
      const sideCells = 2 * (readRows + header) * width;
      if (readRows === 0 && rows > 0) return pauseCompare(ctx, cursor);
      const what = `reading the backup's values and formulas of ${width} columns`;
      if (cursor.pending && !ctx.reads.unit(2, sideCells, what)) return pauseCompare(ctx, cursor);
      if (!cursor.pending) {
        cursor.pending = digestSide(ctx, readOriginal(ctx, cursor, readRows), cursor);
        ctx.checkpoint.compare = cursor;
        ctx.touch();
        if (!ctx.reads.unit(2, sideCells, what)) return pauseCompare(ctx, cursor);
      }
      compareCopy(ctx, copy, cursor);
      progress.done = cursor.next;
      ctx.checkpoint.compare = cursor;
      ctx.touch();
    }
    ctx.backupChecked = true;
  }
  const baseline: Baseline = {
    migration: ctx.spec.id,
    run_id: ctx.checkpoint.run_id,
    spreadsheet_id: plan.spreadsheet_id,
    sheet_name: plan.sheet_name,
    data_rows: rows,
    v21_columns: plan.v21_columns,
    v21_headers: plan.v21_headers,
    max_rows: plan.max_rows,
    max_columns: plan.max_columns,
    columns_added: plan.to_add,
    backup: {
      file_id: ctx.checkpoint.backup.file_id as string,
      name: ctx.checkpoint.backup.name,
      url: ctx.checkpoint.backup.url as string,
      folder_id: ctx.checkpoint.backup.folder_id,
      created_at: ctx.checkpoint.backup.created_at as string,
    },
    block_digests: width === plan.v21_columns ? cursor.digests : cursor.v21_digests,
    ...(plan.others ? { others: plan.others } : {}),
  };
  delete ctx.checkpoint.compare;
  ctx.stage(BASELINE_KEY, encode(BASELINE_KEY, baseline));
  return 'done';
}

interface Rows {
  values: Grid;
  formulas: string[][];
}

function pauseCompare(ctx: RunContext, cursor: CompareCursor): StepOutcome {
  ctx.checkpoint.compare = cursor;
  ctx.touch();
  return 'paused';
}

/** Rows of the next block, whole digest blocks that fit the time left (values and formulas of one sheet). */
function nextRows(ctx: RunContext, cursor: CompareCursor): number {
  const width = ctx.plan.last_column;
  return ctx.reads.rows(
    {
      cellsPerRow: 2 * width,
      reads: 2,
      remaining: ctx.plan.data_rows - cursor.next,
      max: compareChunkRows(width),
      step: DIGEST_BLOCK_ROWS,
      extraCells: cursor.next === 0 ? 2 * width : 0,
    },
    `reading the values and formulas of ${width} columns`,
  );
}

/** `count` data rows of a sheet from cursor.next, with the header row first when cursor.next is 0. */
function readSide(ctx: RunContext, sheet: SheetPort, cursor: CompareCursor, count: number): Rows {
  const plan = ctx.plan;
  const withHeader = cursor.next === 0;
  const firstRow = plan.header_row + 1 + cursor.next - (withHeader ? 1 : 0);
  return readRows(sheet, firstRow, count + (withHeader ? 1 : 0), plan.last_column);
}

function readRows(sheet: SheetPort, firstRow: number, rows: number, width: number): Rows {
  return {
    values: sheet.readValues(firstRow, 1, rows, width),
    formulas: sheet.readFormulas(firstRow, 1, rows, width),
  };
}

/**
 * Reads the copy's side. The copy is read over the plan's extent, not asked for its own: a copy smaller than the
 * sheet was fails these reads (outside its grid), and data past the plan's extent, which only an edit of the sheet
 * after the plan can put there, is the verification's to find: it reads the migrated sheet's real extent.
 */
function readCopy(ctx: RunContext, read: () => Rows): Rows {
  try {
    return read();
  } catch (error) {
    const message = (error as Error).message;
    if (!/outside the dimensions/i.test(message)) throw error;
    throw mismatch(
      ctx,
      `the copy is smaller than the sheet's ${ctx.plan.last_row} rows x ${ctx.plan.last_column} columns`,
    );
  }
}

function readOriginal(ctx: RunContext, cursor: CompareCursor, count: number): Rows {
  return readSide(ctx, ctx.sheet, cursor, count);
}

/** Digests of one side: the header row's (first block only), and the data rows' block digests. */
function digestSide(
  ctx: RunContext,
  side: Rows,
  cursor: CompareCursor,
): NonNullable<CompareCursor['pending']> {
  const plan = ctx.plan;
  const width = plan.last_column;
  const skip = cursor.next === 0 ? 1 : 0;
  const header =
    skip === 1 ? blockDigests(side.values.slice(0, 1), side.formulas.slice(0, 1), width, 0)[0] : null;
  const values = side.values.slice(skip);
  const formulas = side.formulas.slice(skip);
  return {
    rows: values.length,
    header,
    digests: blockDigests(values, formulas, width, cursor.next),
    v21_digests:
      plan.v21_columns !== width ? blockDigests(values, formulas, plan.v21_columns, cursor.next) : [],
  };
}

/** Reads the copy's side of the pending block and compares its digests with the original's. */
function compareCopy(ctx: RunContext, copy: SheetPort, cursor: CompareCursor): void {
  const pending = cursor.pending as NonNullable<CompareCursor['pending']>;
  const theirs = digestSide(
    ctx,
    readCopy(ctx, () => readSide(ctx, copy, cursor, pending.rows)),
    cursor,
  );
  settle(ctx, cursor, pending, theirs);
}

/** Compares the two sides' digests and moves the cursor past the block. */
function settle(
  ctx: RunContext,
  cursor: CompareCursor,
  mine: NonNullable<CompareCursor['pending']>,
  theirs: NonNullable<CompareCursor['pending']>,
): void {
  const plan = ctx.plan;
  if (mine.header !== theirs.header) throw mismatch(ctx, 'the header row differs');
  if (mine.rows !== theirs.rows)
    throw mismatch(ctx, `the copy has ${theirs.rows} rows where the sheet has ${mine.rows}`);
  mine.digests.forEach((digest, i) => {
    if (digest !== theirs.digests[i]) {
      const from = plan.header_row + 1 + cursor.next + i * DIGEST_BLOCK_ROWS;
      throw mismatch(ctx, `rows ${from} to ${Math.min(from + DIGEST_BLOCK_ROWS - 1, plan.last_row)} differ`);
    }
  });
  cursor.digests.push(...mine.digests);
  cursor.v21_digests.push(...mine.v21_digests);
  cursor.next += mine.rows;
  delete cursor.pending;
}

/** A small sheet: the plan's values and the data range's formulas, against the copy read over the same extent. */
function compareWhole(ctx: RunContext, copy: SheetPort, cursor: CompareCursor, values: Grid): void {
  const plan = ctx.plan;
  const formulas = ctx.planFormulas ?? ctx.sheet.readFormulas(1, 1, plan.last_row, plan.last_column);
  const from = plan.header_row - 1;
  const copied = readCopy(ctx, () => readRows(copy, from + 1, plan.last_row - from, plan.last_column));
  const mine = digestSide(ctx, { values: values.slice(from), formulas: formulas.slice(from) }, cursor);
  const theirs = digestSide(ctx, copied, cursor);
  settle(ctx, cursor, mine, theirs);
  ctx.checkpoint.compare = cursor;
}
