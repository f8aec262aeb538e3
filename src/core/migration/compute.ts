// The fill of computed columns (v4.0's union figures): the source sheet aggregated once per execution from block
// reads, then block by block the key column and the computed columns read and the figures written into the
// blank cells only, a cursor in the checkpoint. The app may already have written a figure there (its columns'
// headers exist from add_v3_columns on): what it wrote stays. Writing the same figures again after a crash is
// harmless, so the writes need no intent recorded before them.
import { messagesFor } from '../messages';
import { buildColumnMap, resolveColumn } from '../column-map';
import { computeFigures, figuresFor, type Figures } from '../computed';
import type { NewColumn } from '../migrations/migration-spec';
import type { CellValue, Grid, SheetPort } from '../ports';
import { stepOf } from './checkpoint';
import { isBlank } from './versions';
import type { RunContext } from './context';
import type { PhaseOutcome } from '../slice/phases';

export const COMPUTE_CHUNK_ROWS = 100_000;
const MIN_COMPUTE_CHUNK_ROWS = 1000;
/** Past this many separate runs of blank rows in a block, the block's rows are written in one call per column run. */
const MAX_WRITES_PER_BLOCK = 20;

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

/**
 * Writes each row's figures into the computed cells that are blank now (`current`: the rows as just read, from
 * column `from` on); a cell someone wrote stays. Rows whose computed cells are all blank are written run by run;
 * when a row is partly written or the runs are many, one write per column run spans the rows that need a
 * figure, each written cell carrying back what was just read there.
 */
export function writeFiguresIntoBlanks(
  sheet: SheetPort,
  firstRow: number,
  positions: number[],
  from: number,
  current: Grid,
  figures: CellValue[][],
): void {
  const blank = current.map((row) => positions.map((column) => isBlank(row[column - from])));
  const needed = blank.map((cells) => cells.some(Boolean));
  const first = needed.indexOf(true);
  if (first < 0) return;
  const last = needed.lastIndexOf(true);
  const runs: [number, number][] = [];
  let mixed = false;
  for (let i = first; i <= last; i++) {
    if (!needed[i]) continue;
    if (!blank[i].every(Boolean)) mixed = true;
    const open = runs[runs.length - 1];
    if (open && open[0] + open[1] === i) open[1]++;
    else runs.push([i, 1]);
  }
  const columnRuns = runsOf(positions);
  const cellOf = (i: number, c: number): CellValue =>
    blank[i][c] ? figures[i][c] : current[i][positions[c] - from];
  const write = (start: number, length: number) => {
    for (const [column, indexes] of columnRuns) {
      const block = Array.from({ length }, (_, r) => indexes.map((c) => cellOf(start + r, c)));
      sheet.writeValues(firstRow + start, column, block);
    }
  };
  if (mixed || runs.length > MAX_WRITES_PER_BLOCK) write(first, last - first + 1);
  else for (const [start, length] of runs) write(start, length);
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

function keyColumnOf(ctx: RunContext): number {
  const keyColumn = resolveColumn(buildColumnMap(ctx.plan.v21_headers, ctx.spec), ctx.spec.keyColumn.header);
  if (keyColumn === null) {
    throw new Error(
      messagesFor(ctx.services.session)('compute_key_missing', { key: ctx.spec.keyColumn.header }),
    );
  }
  return keyColumn;
}

/**
 * Every data row's computed figures (in the order of the spec's computed columns), for columns inserted in this
 * execution whose headers are not written yet: add_v3_columns writes them with the headers, so nobody can have
 * written a figure first. Null when the spec computes nothing.
 */
export function freshFigures(ctx: RunContext): CellValue[][] | null {
  const columns = ctx.spec.newColumns.filter((column) => column.computed);
  if (columns.length === 0 || ctx.plan.data_rows === 0) return null;
  const keyColumn = keyColumnOf(ctx);
  const figures = runFigures(ctx, columns);
  const keys = ctx.sheet.readValues(ctx.plan.header_row + 1, keyColumn, ctx.plan.data_rows, 1);
  return keys.map((row) => figuresFor(figures, row[0], columns.length));
}

export function computeColumns(ctx: RunContext): PhaseOutcome {
  return ctx.figuresFilled ? computedRows(ctx, 'filled') : computedRows(ctx, 'blank_only');
}

/**
 * Columns inserted in this execution whose headers are not written yet (add_v3_columns on a large sheet): their
 * cells are blank and nobody can write them, so the figures go in without reading them first, as many blocks as
 * fit now. Sets figuresFilled when every row has its figures.
 */
export function computeBeforeHeaders(ctx: RunContext): void {
  if (computedRows(ctx, 'known_blank') === 'done') ctx.figuresFilled = true;
}

/** The run's computed columns: the spec's, their sheet columns, and the span from the first to the last. */
function placementOf(ctx: RunContext) {
  const plan = ctx.plan;
  const columns = ctx.spec.newColumns.filter((column) => column.computed);
  const all = [...plan.present, ...plan.to_add];
  const positions = columns.map((column) => plan.v21_columns + 1 + all.indexOf(column.header));
  const from = positions.length > 0 ? Math.min(...positions) : 0;
  const width = positions.length > 0 ? Math.max(...positions) - from + 1 : 0;
  return { columns, positions, from, width };
}

/**
 * Rows `first` to `first + count - 1`: the key column read and each row's figures written into its blank computed
 * cells, the computed cells read first unless they are known blank (their headers not written yet).
 */
function writeRowsFigures(
  ctx: RunContext,
  keyColumn: number,
  figures: Figures,
  first: number,
  count: number,
  knownBlank: boolean,
): void {
  const { columns, positions, from, width } = placementOf(ctx);
  const keys = ctx.sheet.readValues(first, keyColumn, count, 1);
  const current = knownBlank
    ? keys.map(() => new Array<CellValue>(width).fill(''))
    : ctx.sheet.readValues(first, from, count, width);
  const figuresOut = keys.map((row) => figuresFor(figures, row[0], columns.length));
  writeFiguresIntoBlanks(ctx.sheet, first, positions, from, current, figuresOut);
}

/**
 * Rows appended during the run (the top-up before the verification): their figures into blank cells only, from
 * the source as it is now. Nothing when the spec computes nothing or the key column is not in the sheet.
 */
export function topUpFigures(ctx: RunContext, first: number, count: number): void {
  const { columns } = placementOf(ctx);
  if (columns.length === 0) return;
  const keyColumn = resolveColumn(buildColumnMap(ctx.plan.v21_headers, ctx.spec), ctx.spec.keyColumn.header);
  if (keyColumn === null) return;
  writeRowsFigures(ctx, keyColumn, runFigures(ctx, columns), first, count, false);
}

/**
 * The computed columns' fill, block by block from the checkpoint's cursor: 'blank_only' reads the columns and
 * writes blank cells only (their headers exist, so the app may have written some); 'known_blank' writes
 * without reading; 'filled' has nothing left to write.
 */
function computedRows(ctx: RunContext, how: 'blank_only' | 'known_blank' | 'filled'): PhaseOutcome {
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
  if (how === 'filled') {
    record.progress = { done: total, total };
    return 'done';
  }
  const keyColumn = keyColumnOf(ctx);
  const source = sourceOf(columns);
  const figures = runFigures(ctx, columns);
  const first = plan.header_row + 1;
  const readsSpan = how === 'blank_only';
  const { width } = placementOf(ctx);
  record.progress = { done: cursor.next * columns.length, total };
  while (cursor.next < rows) {
    const count = ctx.reads.rows(
      {
        cellsPerRow: readsSpan ? 1 + width : 1,
        reads: readsSpan ? 2 : 1,
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
    writeRowsFigures(ctx, keyColumn, figures, first + cursor.next, count, !readsSpan);
    cursor.next += count;
    record.progress = { done: cursor.next * columns.length, total };
    ctx.checkpoint.computed = cursor;
    ctx.touch();
  }
  ctx.logger.info(`Computed ${columns.map((c) => c.header).join(', ')} for ${rows} rows from ${source}.`);
  return 'done';
}
