// The reads that judge a backup copy (the rule is in backup.ts): the original before the copy (A, block digests),
// the copy after it (C), and the original again (B) only for the blocks where C and A differ.
import { DIGEST_BLOCK_ROWS, blockDigests } from '../digest';
import type { Grid, SheetPort } from '../ports';
import { MAX_CELLS_PER_READ, SHARE_OF_TIME_LEFT } from '../slice/read-pace';
import type { BackupCheck } from './checkpoint';
import type { RunContext } from './context';
import type { PhaseOutcome } from '../slice/phases';

/** A copy that cannot be proven to be the sheet as it was when copied: it is replaced, not trusted. */
export class CopyUnproven extends Error {}

/** The largest reads Sheets handles well, as the verification's; a chunk reads one sheet's values and formulas. */
export const COMPARE_CELLS_PER_READ = MAX_CELLS_PER_READ;

export function compareChunkRows(columns: number): number {
  const blocks = Math.floor(COMPARE_CELLS_PER_READ / Math.max(1, columns) / DIGEST_BLOCK_ROWS);
  return Math.max(1, blocks) * DIGEST_BLOCK_ROWS;
}

export function newCheck(attempt: number, rejected: string[] = []): BackupCheck {
  return {
    attempt,
    rejected,
    phase: 'original',
    next: 0,
    header_read: false,
    original: { header: null, digests: [] },
    baseline: [],
  };
}

interface Rows {
  values: Grid;
  formulas: string[][];
}

interface Digests {
  /** The header row's digest over the compared width, when the rows began with it. */
  header: string | null;
  /** Data blocks over the compared width (what A and C are judged on) and over the v2.1 columns (the baseline). */
  full: string[];
  v21: string[];
}

function digestsOf(ctx: RunContext, side: Rows, firstIndex: number, withHeader: boolean): Digests {
  const plan = ctx.plan;
  const width = plan.last_column;
  const skip = withHeader ? 1 : 0;
  const header = withHeader
    ? blockDigests(side.values.slice(0, 1), side.formulas.slice(0, 1), width, 0)[0]
    : null;
  const values = side.values.slice(skip);
  const formulas = side.formulas.slice(skip);
  const full = blockDigests(values, formulas, width, firstIndex);
  const v21 =
    plan.v21_columns === width ? full : blockDigests(values, formulas, plan.v21_columns, firstIndex);
  return { header, full, v21 };
}

/** `count` data rows from data row `first` (0-based), the header row before them when `withHeader`. */
function readSide(
  ctx: RunContext,
  sheet: SheetPort,
  first: number,
  count: number,
  withHeader: boolean,
): Rows {
  const plan = ctx.plan;
  const row = plan.header_row + 1 + first - (withHeader ? 1 : 0);
  const rows = count + (withHeader ? 1 : 0);
  return {
    values: sheet.readValues(row, 1, rows, plan.last_column),
    formulas: sheet.readFormulas(row, 1, rows, plan.last_column),
  };
}

/**
 * Rows of the next chunk of one side: whole digest blocks that fit the time left (0: pause). Once this execution
 * has read a chunk, a chunk smaller than the largest (and short of the rest) waits for the next execution when a
 * fresh one could read the largest: chunks cut to a shrinking share of the time left would otherwise cost more
 * round trips for the same rows (150,000 x 63: a sixth chunk of each side).
 */
function nextRows(ctx: RunContext, next: number, extraReads = 0): number {
  const width = ctx.plan.last_column;
  const remaining = ctx.plan.data_rows - next;
  const rows = ctx.reads.rows(
    {
      cellsPerRow: 2 * width * (1 + extraReads / 2),
      reads: 2 + extraReads,
      remaining,
      max: compareChunkRows(width),
      step: DIGEST_BLOCK_ROWS,
      extraCells: next === 0 ? 2 * width : 0,
    },
    (t) => t('read_values_formulas', { columns: width }),
  );
  const max = compareChunkRows(width);
  if (ctx.backupRead && rows < Math.min(remaining, max) && fullChunkFitsAnExecution(ctx, max, extraReads)) {
    return 0;
  }
  if (rows > 0) ctx.backupRead = true;
  return rows;
}

/** Whether a fresh execution could read a whole chunk of one side (then a smaller one now is a waste). */
function fullChunkFitsAnExecution(ctx: RunContext, rows: number, extraReads: number): boolean {
  const cells = rows * 2 * ctx.plan.last_column * (1 + extraReads / 2);
  const budgetMs = ctx.reads.deadlineMs - ctx.reads.startMs;
  return ctx.reads.pace.predictMs(2 + extraReads, cells) <= SHARE_OF_TIME_LEFT * budgetMs;
}

/**
 * Reads A, the original's digests, before the copy is made. The plan's read of this execution serves when it has
 * the whole sheet (a small sheet: no read beyond its formulas); a retry reads the sheet again, since the plan's
 * read is older than the copy that failed.
 */
export function readOriginal(ctx: RunContext, check: BackupCheck): PhaseOutcome {
  const plan = ctx.plan;
  const original = check.original as NonNullable<BackupCheck['original']>;
  const wholeCells = plan.last_row * plan.last_column;
  if (check.next === 0 && check.attempt === 1 && ctx.planValues && ctx.reads.fits(1, wholeCells)) {
    const formulas = ctx.planFormulas ?? ctx.sheet.readFormulas(1, 1, plan.last_row, plan.last_column);
    const from = plan.header_row - 1;
    const side = { values: ctx.planValues.slice(from), formulas: formulas.slice(from) };
    const digests = digestsOf(ctx, side, 0, true);
    original.header = digests.header;
    original.digests = digests.full;
    check.next = plan.data_rows;
    check.header_read = true;
    return 'done';
  }
  while (check.next < plan.data_rows || !check.header_read) {
    const count = nextRows(ctx, check.next);
    if (count === 0 && plan.data_rows > 0) return 'paused';
    const withHeader = !check.header_read;
    const digests = digestsOf(
      ctx,
      readSide(ctx, ctx.sheet, check.next, count, withHeader),
      check.next,
      withHeader,
    );
    if (withHeader) original.header = digests.header;
    original.digests.push(...digests.full);
    check.next += count;
    check.header_read = true;
    ctx.touch();
  }
  return 'done';
}

/**
 * Reads C, the copy, over the plan's extent (not its own: a copy smaller than the sheet was fails these reads,
 * and data past the plan's extent, which only an edit after the plan can put there, is the verification's to
 * find), and judges it block by block. Throws CopyUnproven for a copy that cannot be proven faithful.
 */
export function checkCopy(ctx: RunContext, check: BackupCheck, copy: SheetPort): PhaseOutcome {
  const plan = ctx.plan;
  if (check.suspects && settleSuspects(ctx, check) === 'paused') return 'paused';
  while (check.next < plan.data_rows || !check.header_read) {
    // Without A (lost in a crash), every block of C is compared with B: room for those reads too.
    const count = nextRows(ctx, check.next, check.original ? 0 : 2);
    if (count === 0 && plan.data_rows > 0) return 'paused';
    const withHeader = !check.header_read;
    const copied = readCopy(() => readSide(ctx, copy, check.next, count, withHeader));
    const digests = digestsOf(ctx, copied, check.next, withHeader);
    const known = check.original;
    const blocks = digests.full
      .map((digest, index) => ({ index, digest }))
      .filter((block) => known?.digests[block.index] !== block.digest);
    const headerDiffers = withHeader && known?.header !== digests.header;
    check.suspects = {
      rows: count,
      ...(headerDiffers ? { header: digests.header as string } : {}),
      blocks,
      baseline: digests.v21,
    };
    ctx.touch();
    if (settleSuspects(ctx, check) === 'paused') return 'paused';
  }
  return 'done';
}

function readCopy(read: () => Rows): Rows {
  try {
    return read();
  } catch (error) {
    if (!/outside the dimensions/i.test((error as Error).message)) throw error;
    throw new CopyUnproven('the copy is smaller than the sheet');
  }
}

/**
 * The blocks of the chunk just read where C differs from A: each must equal B, the original read now (an edit
 * between A and the copy). One read of the span holding them all; the chunk is then accepted.
 */
function settleSuspects(ctx: RunContext, check: BackupCheck): PhaseOutcome {
  const suspects = check.suspects as NonNullable<BackupCheck['suspects']>;
  const { blocks } = suspects;
  const headerSuspect = suspects.header !== undefined;
  if (blocks.length > 0 || headerSuspect) {
    const firstBlock = headerSuspect || blocks.length === 0 ? 0 : blocks[0].index;
    const lastBlock = blocks.length > 0 ? blocks[blocks.length - 1].index : -1;
    const first = check.next + firstBlock * DIGEST_BLOCK_ROWS;
    const count = Math.max(
      0,
      Math.min((lastBlock + 1) * DIGEST_BLOCK_ROWS, suspects.rows) - firstBlock * DIGEST_BLOCK_ROWS,
    );
    const cells = 2 * (count + (headerSuspect ? 1 : 0)) * ctx.plan.last_column;
    if (!ctx.reads.unit(2, cells, (t) => t('read_sheet_again'))) return 'paused';
    const now = digestsOf(ctx, readSide(ctx, ctx.sheet, first, count, headerSuspect), first, headerSuspect);
    if (headerSuspect && now.header !== suspects.header) throw new CopyUnproven('the header row differs');
    for (const block of blocks) {
      if (now.full[block.index - firstBlock] !== block.digest) {
        const from = ctx.plan.header_row + 1 + check.next + block.index * DIGEST_BLOCK_ROWS;
        const to = Math.min(from + DIGEST_BLOCK_ROWS - 1, ctx.plan.last_row);
        throw new CopyUnproven(`rows ${from} to ${to} differ`);
      }
    }
  }
  check.baseline.push(...suspects.baseline);
  check.original?.digests.splice(0, Math.ceil(suspects.rows / DIGEST_BLOCK_ROWS));
  check.next += suspects.rows;
  check.header_read = true;
  delete check.suspects;
  ctx.touch();
  return 'done';
}
