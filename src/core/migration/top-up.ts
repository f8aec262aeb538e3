// Rows others append while a run goes on (the app adds spools): the fill covered the rows the plan saw; just before
// the verification reads the sheet, the rows appended since get their new columns filled the same way (blank cells
// only, so nothing anyone wrote there is overwritten). Rows appended after that are the verification's to list.
import { topUpFigures } from './compute';
import type { RunContext } from './context';
import { assertRowsKept } from './structure-watch';
import { blankRuns, fillColumns } from './versions';

/** The sheet's last row now: one round trip. */
function lastRowNow(ctx: RunContext): number {
  const sheet = ctx.sheet;
  return sheet.lastRow ? sheet.lastRow() : (sheet.extent ? sheet.extent() : sheet.dimensions()).lastRow;
}

/**
 * Fills the new columns of rows appended since the last fill (constant fills and computed figures in blank cells
 * only) and records how far the fill now reaches. Returns that row.
 */
export function topUpAppendedRows(ctx: RunContext): number {
  const plan = ctx.plan;
  const through = ctx.checkpoint.filled_through ?? plan.header_row + plan.data_rows;
  const lastRow = lastRowNow(ctx);
  assertRowsKept(ctx, lastRow);
  if (lastRow <= through) {
    if (ctx.checkpoint.filled_through === undefined) {
      ctx.checkpoint.filled_through = through;
      ctx.touch();
    }
    return through;
  }
  const first = through + 1;
  const rows = lastRow - through;
  for (const fill of fillColumns(ctx)) {
    const values = ctx.sheet.readValues(first, fill.column, rows, 1);
    for (const [start, length] of blankRuns(values)) {
      ctx.sheet.fill(first + start, fill.column, length, 1, fill.value);
    }
  }
  topUpFigures(ctx, first, rows);
  ctx.checkpoint.filled_through = lastRow;
  ctx.touch();
  ctx.logger.info(`Filled the new columns of ${rows} row(s) appended during the run.`);
  return lastRow;
}
