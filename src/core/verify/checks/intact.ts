import type { Baseline } from '../../baseline';
import { digestRows, sameCell, DIGEST_BLOCK_ROWS } from '../../digest';
import type { CellValue, SheetPort } from '../../ports';
import { readBackupRows, type Chunk } from '../block-reader';
import { isCounter } from '../rules';
import { addToSample, showCell } from '../sample';
import type { ReadPlanner } from '../../slice/read-pace';
import type { Layout, VerificationCursor, VerificationMode } from '../types';

export interface IntactContext {
  baseline: Baseline;
  layout: Layout;
  headerRow: number;
  mode: VerificationMode;
  /** The backup's target sheet, opened on first need; throws with a message when it cannot be read. */
  backupSheet: () => SheetPort;
  /** Whether `rows` rows of the backup's v2.1 columns may be read now (default: always). */
  backupReadFits?: (rows: number) => boolean;
}

/** Data rows (0-based, end exclusive) the backup and the sheet both have, within one baseline block. */
function blockRange(block: number, baseline: Baseline, layout: Layout): { start: number; end: number } {
  const start = block * DIGEST_BLOCK_ROWS;
  const end = Math.min(start + DIGEST_BLOCK_ROWS, baseline.data_rows, layout.data_rows);
  return { start, end };
}

/**
 * `v21_data_intact` for one chunk: digest each block of the v2.1 region and compare with the digests recorded
 * before the migration; only blocks that differ are read from the backup (one read of values and one of
 * formulas covering them) and compared cell by cell.
 */
export function compareChunk(
  tally: VerificationCursor['intact'],
  chunk: Chunk,
  context: IntactContext,
): void {
  const { baseline, layout } = context;
  const columns = baseline.v21_columns;
  const differing: number[] = [];
  const firstBlock = chunk.first / DIGEST_BLOCK_ROWS;
  const lastBlock = Math.ceil((chunk.first + chunk.values.length) / DIGEST_BLOCK_ROWS);
  for (let block = firstBlock; block < lastBlock && block < baseline.block_digests.length; block += 1) {
    const { start, end } = blockRange(block, baseline, layout);
    if (end <= start) continue;
    tally.rows_compared += end - start;
    const from = start - chunk.first;
    const digest = digestRows(
      chunk.values.slice(from, from + (end - start)),
      chunk.formulas.slice(from, from + (end - start)),
      columns,
    );
    // A block cut short (rows deleted) also differs: the missing rows are counted by the report.
    const fullEnd = Math.min(start + DIGEST_BLOCK_ROWS, baseline.data_rows);
    if (digest !== baseline.block_digests[block] || end < fullEnd) differing.push(block);
  }
  if (differing.length === 0) return;
  tally.blocks_differing += differing.length;
  if (tally.backup_error !== null) return;
  const span = {
    start: blockRange(differing[0], baseline, layout).start,
    end: blockRange(differing[differing.length - 1], baseline, layout).end,
  };
  if (context.backupReadFits && !context.backupReadFits(span.end - span.start)) {
    // Compared later, in smaller reads of both sheets (recheckRows), when there is time.
    const recheck = tally.recheck ?? [];
    for (const block of differing) {
      const { start, end } = blockRange(block, baseline, layout);
      recheck.push([start, end]);
    }
    tally.recheck = recheck;
    return;
  }

  let backup: SheetPort;
  try {
    backup = context.backupSheet();
  } catch (error) {
    tally.backup_error = (error as Error).message;
    return;
  }
  const { start, end } = span;
  const old = readBackupRows(backup, context.headerRow, start, end - start, columns);
  for (const block of differing) {
    const range = blockRange(block, baseline, layout);
    for (let index = range.start; index < range.end; index += 1) {
      compareRow(tally, context, chunk, index, old.values[index - start], old.formulas[index - start]);
    }
  }
}

/** Fewest rows a recheck reads at once (unless fewer are left). */
export const RECHECK_STEP_ROWS = 100;

/**
 * Compares the next rows of the first range in `tally.recheck` with the backup: the sheet's values (every
 * column, for the counter) and v2.1 formulas, and the backup's v2.1 values and formulas, as many rows as fit
 * the time left. Returns false when none fit now.
 */
export function recheckRows(
  tally: VerificationCursor['intact'],
  context: IntactContext,
  sheet: SheetPort,
  reads: ReadPlanner,
): boolean {
  const recheck = tally.recheck ?? [];
  const range = recheck[0];
  if (!range) return true;
  const { baseline, layout, headerRow } = context;
  const columns = baseline.v21_columns;
  const rows = reads.rows(
    {
      cellsPerRow: layout.width + 3 * columns,
      reads: 4,
      remaining: range[1] - range[0],
      max: DIGEST_BLOCK_ROWS,
      step: RECHECK_STEP_ROWS,
    },
    (t) => t('read_compare_changed_rows'),
  );
  if (rows === 0) return false;
  const start = range[0];
  if (tally.backup_error === null) {
    let backup: SheetPort | null = null;
    try {
      backup = context.backupSheet();
    } catch (error) {
      tally.backup_error = (error as Error).message;
    }
    if (backup) {
      const chunk: Chunk = {
        first: start,
        values: sheet.readValues(headerRow + 1 + start, 1, rows, layout.width),
        formulas: sheet.readFormulas(headerRow + 1 + start, 1, rows, columns),
      };
      const old = readBackupRows(backup, headerRow, start, rows, columns);
      for (let index = start; index < start + rows; index += 1) {
        compareRow(tally, context, chunk, index, old.values[index - start], old.formulas[index - start]);
      }
    }
  }
  range[0] += rows;
  if (range[0] >= range[1] || tally.backup_error !== null) recheck.shift();
  if (tally.backup_error !== null) recheck.length = 0;
  tally.recheck = recheck;
  return true;
}

function compareRow(
  tally: VerificationCursor['intact'],
  context: IntactContext,
  chunk: Chunk,
  index: number,
  oldValues: CellValue[] | undefined,
  oldFormulas: string[] | undefined,
): void {
  const { baseline, layout } = context;
  const values = chunk.values[index - chunk.first];
  const formulas = chunk.formulas[index - chunk.first] ?? [];
  const counter = layout.counter;
  const count = counter && counter.column !== null ? values[counter.column - 1] : undefined;
  const keyColumn = layout.key_column ?? null;
  const key = keyColumn !== null ? showCell(values[keyColumn - 1] ?? '') : undefined;
  const writtenByApp =
    context.mode === 'in_use' && counter !== null && isCounter(count, counter.start) && count > counter.start;
  for (let c = 0; c < baseline.v21_columns; c += 1) {
    const before = oldValues?.[c] ?? '';
    const beforeFormula = oldFormulas?.[c] ?? '';
    const now = values[c] ?? '';
    const nowFormula = formulas[c] ?? '';
    if (sameCell(before, beforeFormula, now, nowFormula)) continue;
    if (writtenByApp) {
      tally.changed_by_app += 1;
      continue;
    }
    addToSample(tally.differences, {
      row: context.headerRow + 1 + index,
      ...(key !== undefined ? { key } : {}),
      header: baseline.v21_headers[c] ?? `column ${c + 1}`,
      backup: showCell(before, beforeFormula),
      current: showCell(now, nowFormula),
    });
  }
}
