// initialize_versions: every data row gets the spec's fill (version 0) in the new columns that have one. Columns
// inserted in this execution were filled by add_v3_columns before their headers existed. Otherwise (a partly
// migrated sheet, or a resume after a crash) only blank cells are written, chunk by chunk with a cursor, so a
// version the app has written is never overwritten. Blank-only writes are safe to repeat, so they need no
// checkpoint before them.
import type { CellValue } from '../ports';
import { stepOf } from './checkpoint';
import type { RunContext } from './context';
import type { PhaseOutcome } from '../slice/phases';

export const VERSION_CHUNK_ROWS = 100_000;
/** Fewest rows a chunk reads (unless fewer are left): never a call per row or per handful of rows. */
export const MIN_VERSION_CHUNK_ROWS = 1000;
/** Past this many separate runs of blank cells in a chunk, their rows are written in one call per run group. */
const MAX_WRITES_PER_CHUNK = 20;

export interface FillColumn {
  column: number;
  value: CellValue;
}

export function fillColumns(ctx: RunContext): FillColumn[] {
  const plan = ctx.plan;
  const all = [...plan.present, ...plan.to_add];
  return ctx.spec.newColumns
    .map((column) => ({ column: plan.v21_columns + 1 + all.indexOf(column.header), value: column.fill }))
    .filter(
      (fill, i) =>
        ctx.spec.newColumns[i].fill !== '' &&
        !ctx.spec.newColumns[i].computed &&
        fill.column > plan.v21_columns,
    );
}

export function isBlank(value: CellValue): boolean {
  return value === '' || value === null || value === undefined;
}

/** Runs of consecutive blank cells: [start, length] (0-based within the chunk). */
export function blankRuns(values: CellValue[][]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  values.forEach((row, i) => {
    if (isBlank(row[0])) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push([start, i - start]);
      start = -1;
    }
  });
  if (start >= 0) runs.push([start, values.length - start]);
  return runs;
}

export function initializeVersions(ctx: RunContext): PhaseOutcome {
  const plan = ctx.plan;
  const rows = plan.data_rows;
  const columns = fillColumns(ctx);
  const record = stepOf(ctx, 'fill_columns');
  const total = rows * columns.length;
  if (rows === 0 || columns.length === 0) {
    record.progress = { done: 0, total: 0 };
    return 'done';
  }
  const first = plan.header_row + 1;
  if (ctx.newColumnsFilled) {
    record.progress = { done: total, total };
    return 'done';
  }
  const cursor = ctx.checkpoint.versions ?? { next: 0, written: 0 };
  record.progress = { done: cursor.next * columns.length, total };
  while (cursor.next < rows) {
    // One read of each fill column per chunk, as many rows as fit the time left.
    const count = ctx.reads.rows(
      {
        cellsPerRow: columns.length,
        reads: columns.length,
        remaining: rows - cursor.next,
        max: VERSION_CHUNK_ROWS,
        step: MIN_VERSION_CHUNK_ROWS,
      },
      (t) => t('read_version_column'),
    );
    if (count === 0) {
      ctx.checkpoint.versions = cursor;
      ctx.touch();
      return 'paused';
    }
    for (const fill of columns) {
      const values = ctx.sheet.readValues(first + cursor.next, fill.column, count, 1);
      const runs = blankRuns(values);
      if (runs.length === 0) continue;
      if (runs.length <= MAX_WRITES_PER_CHUNK) {
        for (const [start, length] of runs)
          ctx.sheet.fill(first + cursor.next + start, fill.column, length, 1, fill.value);
      } else {
        // Scattered blanks: one write of the span that holds them, each non-blank cell written back as just read.
        const from = runs[0][0];
        const to = runs[runs.length - 1][0] + runs[runs.length - 1][1];
        ctx.sheet.writeValues(
          first + cursor.next + from,
          fill.column,
          values.slice(from, to).map((row) => [isBlank(row[0]) ? fill.value : row[0]]),
        );
      }
      cursor.written += runs.reduce((sum, run) => sum + run[1], 0);
    }
    cursor.next += count;
    record.progress = { done: cursor.next * columns.length, total };
    ctx.checkpoint.versions = cursor;
    ctx.touch();
  }
  ctx.logger.info(`Initialised ${cursor.written} blank cells of ${columns.length} column(s).`);
  return 'done';
}
