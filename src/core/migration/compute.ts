// The fill of computed columns (v4.0's union figures): the source sheet aggregated once per execution from block
// reads, then the key column read and the figures written block by block, a cursor in the checkpoint. Writing
// the same figures again after a crash is harmless, so the writes need no intent recorded before them.
import { messagesFor } from '../messages';
import { buildColumnMap, resolveColumn } from '../column-map';
import { computeFigures, figuresFor, type Figures } from '../computed';
import type { NewColumn } from '../migrations/migration-spec';
import type { CellValue } from '../ports';
import { stepOf } from './checkpoint';
import type { RunContext } from './context';
import type { StepOutcome } from './steps';

export const COMPUTE_CHUNK_ROWS = 100_000;
const MIN_COMPUTE_CHUNK_ROWS = 1000;

/** Contiguous runs of computed columns: [first column, indexes into the computed list]. */
function runsOf(positions: number[]): [number, number[]][] {
  const runs: [number, number[]][] = [];
  positions.forEach((column, i) => {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1].length === column) last[1].push(i);
    else runs.push([column, [i]]);
  });
  return runs;
}

function sourceOf(columns: NewColumn[]): string {
  return (columns[0].computed as { from_sheet: string }).from_sheet;
}

/** The run's computed columns' figures per key, from their source sheet read in blocks (the fill's and the top-up's). */
export function runFigures(ctx: RunContext, columns: NewColumn[]): Figures {
  const source = sourceOf(columns);
  const t = messagesFor(ctx.services.session);
  return computeFigures(ctx.spreadsheet.sheet(source), source, columns, ctx.plan.header_row, t);
}

export function computeColumns(ctx: RunContext): StepOutcome {
  const plan = ctx.plan;
  const columns = ctx.spec.newColumns.filter((column) => column.computed);
  if (columns.length === 0) return 'done';
  const record = stepOf(ctx, 'fill_columns');
  const rows = plan.data_rows;
  const cursor = ctx.checkpoint.computed ?? { next: 0 };
  const total = rows * columns.length;
  if (rows === 0) {
    record.progress = { done: 0, total: 0 };
    return 'done';
  }
  const all = [...plan.present, ...plan.to_add];
  const positions = columns.map((column) => plan.v21_columns + 1 + all.indexOf(column.header));
  const keyColumn = resolveColumn(buildColumnMap(plan.v21_headers, ctx.spec), ctx.spec.keyColumn.header);
  if (keyColumn === null) {
    throw new Error(
      messagesFor(ctx.services.session)('compute_key_missing', { key: ctx.spec.keyColumn.header }),
    );
  }
  const source = sourceOf(columns);
  const figures = runFigures(ctx, columns);
  const first = plan.header_row + 1;
  record.progress = { done: cursor.next * columns.length, total };
  while (cursor.next < rows) {
    const count = ctx.reads.rows(
      {
        cellsPerRow: 1,
        reads: 1,
        remaining: rows - cursor.next,
        max: COMPUTE_CHUNK_ROWS,
        step: MIN_COMPUTE_CHUNK_ROWS,
      },
      (t) => t('read_key_column'),
    );
    if (count === 0) {
      ctx.checkpoint.computed = cursor;
      ctx.touch();
      return 'paused';
    }
    const keys = ctx.sheet.readValues(first + cursor.next, keyColumn, count, 1);
    const rowsOut = keys.map((row) => figuresFor(figures, row[0], columns.length));
    for (const [column, indexes] of runsOf(positions)) {
      const block: CellValue[][] = rowsOut.map((row) => indexes.map((i) => row[i]));
      ctx.sheet.writeValues(first + cursor.next, column, block);
    }
    cursor.next += count;
    record.progress = { done: cursor.next * columns.length, total };
    ctx.checkpoint.computed = cursor;
    ctx.touch();
  }
  ctx.logger.info(`Computed ${columns.map((c) => c.header).join(', ')} for ${rows} rows from ${source}.`);
  return 'done';
}
