// create_backup: a Drive copy of the whole spreadsheet, then the copy's target sheet compared with the original,
// cell by cell through block digests, before anything is changed. Resumable: the copy is recognised by its
// recorded name, and the comparison keeps a cursor.
import type { Baseline } from '../baseline';
import { DIGEST_BLOCK_ROWS, blockDigests } from '../digest';
import type { Grid, SheetPort } from '../ports';
import { BASELINE_KEY, type CompareCursor, encode, step } from './checkpoint';
import type { RunContext } from './context';
import type { StepOutcome } from './steps';

/** Cells per read call; a chunk reads values and formulas of the original and of the copy. */
export const COMPARE_CELLS_PER_READ = 1_000_000;

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
      `The backup "${backup.name}" has no sheet "${ctx.plan.sheet_name}". Start over with ` +
        'startMigration({force: true}) to make a new backup.',
    );
  }
  return copy;
}

function mismatch(ctx: RunContext, what: string): Error {
  return new Error(
    `The backup "${ctx.checkpoint.backup.name}" does not match sheet "${ctx.plan.sheet_name}": ${what}. Nothing ` +
      'was changed in the sheet. If someone edited the sheet meanwhile, start over with startMigration({force: true}).',
  );
}

export function createBackup(ctx: RunContext): StepOutcome {
  makeCopy(ctx);
  const plan = ctx.plan;
  const width = plan.last_column;
  const rows = plan.data_rows;
  const cursor = ctx.checkpoint.compare ?? { next: 0, digests: [], v21_digests: [] };
  const progress = { done: cursor.next, total: rows };
  step(ctx.checkpoint, 'create_backup').progress = progress;
  if (cursor.next < rows || (rows === 0 && !ctx.checkpoint.compare)) {
    const copy = copySheet(ctx);
    if (cursor.next === 0 && ctx.planValues && copy.readDataRange && ctx.sheet.readDataRangeFormulas) {
      compareWhole(ctx, copy, cursor, ctx.planValues);
      progress.done = cursor.next;
    } else if (cursor.next === 0) {
      const extent = copy.extent ? copy.extent() : copy.dimensions();
      if (extent.lastRow !== plan.last_row || extent.lastColumn !== plan.last_column) {
        throw mismatch(
          ctx,
          `the copy has ${extent.lastRow} rows x ${extent.lastColumn} columns, the sheet had ${plan.last_row} x ${plan.last_column}`,
        );
      }
    }
    const chunk = compareChunkRows(width);
    while (cursor.next < rows || !ctx.checkpoint.compare) {
      if (ctx.budget.spent(ctx.timer.expectedMs)) {
        ctx.checkpoint.compare = cursor;
        return 'paused';
      }
      ctx.timer.start();
      compareChunk(ctx, copy, cursor, Math.min(chunk, rows - cursor.next));
      ctx.timer.stop();
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
  };
  delete ctx.checkpoint.compare;
  ctx.stage(BASELINE_KEY, encode(BASELINE_KEY, baseline));
  return 'done';
}

interface Rows {
  values: Grid;
  formulas: string[][];
}

/** Reads `count` data rows of both sheets (the header row too on the first chunk) and compares them. */
function compareChunk(ctx: RunContext, copy: SheetPort, cursor: CompareCursor, count: number): void {
  const plan = ctx.plan;
  const width = plan.last_column;
  const withHeader = cursor.next === 0;
  const firstRow = plan.header_row + 1 + cursor.next - (withHeader ? 1 : 0);
  const readRows = count + (withHeader ? 1 : 0);
  const original = {
    values: ctx.sheet.readValues(firstRow, 1, readRows, width),
    formulas: ctx.sheet.readFormulas(firstRow, 1, readRows, width),
  };
  const copied = {
    values: copy.readValues(firstRow, 1, readRows, width),
    formulas: copy.readFormulas(firstRow, 1, readRows, width),
  };
  compareRows(ctx, cursor, original, copied);
}

/** `original` and `copied` start with the header row when cursor.next is 0; digests cover the data rows. */
function compareRows(ctx: RunContext, cursor: CompareCursor, original: Rows, copied: Rows): void {
  const plan = ctx.plan;
  const width = plan.last_column;
  const skip = cursor.next === 0 ? 1 : 0;
  if (skip === 1) {
    const a = blockDigests(original.values.slice(0, 1), original.formulas.slice(0, 1), width, 0);
    const b = blockDigests(copied.values.slice(0, 1), copied.formulas.slice(0, 1), width, 0);
    if (a[0] !== b[0]) throw mismatch(ctx, 'the header row differs');
  }
  const values = original.values.slice(skip);
  const formulas = original.formulas.slice(skip);
  const mine = blockDigests(values, formulas, width, cursor.next);
  const theirs = blockDigests(copied.values.slice(skip), copied.formulas.slice(skip), width, cursor.next);
  mine.forEach((digest, i) => {
    if (digest !== theirs[i]) {
      const from = plan.header_row + 1 + cursor.next + i * DIGEST_BLOCK_ROWS;
      throw mismatch(ctx, `rows ${from} to ${Math.min(from + DIGEST_BLOCK_ROWS - 1, plan.last_row)} differ`);
    }
  });
  cursor.digests.push(...mine);
  if (plan.v21_columns !== width) {
    cursor.v21_digests.push(...blockDigests(values, formulas, plan.v21_columns, cursor.next));
  }
  cursor.next += values.length;
}

/** A small sheet: the plan's values, and both data ranges read whole (their sizes are the dimensions compared). */
function compareWhole(ctx: RunContext, copy: SheetPort, cursor: CompareCursor, values: Grid): void {
  const plan = ctx.plan;
  const formulas = (ctx.sheet.readDataRangeFormulas as () => string[][])();
  const copied = (copy.readDataRange as () => Grid)();
  const copiedWidth = copied.length > 0 ? copied[0].length : 0;
  if (copied.length !== plan.last_row || copiedWidth !== plan.last_column) {
    throw mismatch(
      ctx,
      `the copy has ${copied.length} rows x ${copiedWidth} columns, the sheet had ${plan.last_row} x ${plan.last_column}`,
    );
  }
  const copiedFormulas = (copy.readDataRangeFormulas as () => string[][])();
  const from = plan.header_row - 1;
  compareRows(
    ctx,
    cursor,
    { values: values.slice(from), formulas: formulas.slice(from) },
    {
      values: copied.slice(from),
      formulas: copiedFormulas.slice(from),
    },
  );
  ctx.checkpoint.compare = cursor;
}
