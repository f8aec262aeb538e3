// add_v3_columns and verify_schema: the spec's missing columns inserted natively right after the last existing
// column, their headers written in one call; then the header row checked (read back unless this execution read
// and wrote it).
import { messagesFor } from '../messages';
import { startOverHow } from './types';
import { columnLetter, headerText, normaliseHeader } from '../column-map';
import type { CellValue } from '../ports';
import { computeBeforeHeaders, freshFigures } from './compute';
import type { RunContext } from './context';
import type { PhaseOutcome } from '../slice/phases';

function sameHeader(a: unknown, b: string): boolean {
  return normaliseHeader(a) === normaliseHeader(b);
}

function changedSincePlan(ctx: RunContext, what: string): Error {
  const t = messagesFor(ctx.services.session);
  return new Error(
    t('changed_since_plan', { sheet: ctx.plan.sheet_name, what, start_over: startOverHow(t) }),
  );
}

/**
 * In a later execution the sheet may have moved on: read the grid width and the header row again and work out
 * whether the insert already happened (an execution that died after inserting but before recording it).
 * Returns how many of the planned columns still need inserting (0 or all of them).
 */
function columnsStillMissing(ctx: RunContext): number {
  const plan = ctx.plan;
  const count = plan.to_add.length;
  const width = ctx.sheet.maxColumns ? ctx.sheet.maxColumns() : ctx.sheet.dimensions().maxColumns;
  const read = Math.min(width, plan.insert_after + count);
  const headers = ctx.sheet.readValues(plan.header_row, 1, 1, read)[0].map(headerText);
  ctx.knownHeaders = headers;
  plan.v21_headers.forEach((header, i) => {
    if (headers[i] !== header) {
      throw changedSincePlan(
        ctx,
        messagesFor(ctx.services.session)('changed_header', {
          column: columnLetter(i + 1),
          found: headers[i] ?? '',
          was: header,
        }),
      );
    }
  });
  const planned = plan.to_add.map((header, i) => headers[plan.insert_after + i] ?? '');
  if (planned.every((text, i) => sameHeader(text, plan.to_add[i]))) return 0;
  const inserted = width >= plan.max_columns + count && planned.every((text) => text.trim() === '');
  if (inserted) return -1;
  if (width !== plan.max_columns) {
    throw changedSincePlan(
      ctx,
      messagesFor(ctx.services.session)('changed_width', { width, expected: plan.max_columns }),
    );
  }
  return count;
}

/**
 * Most cells a header write may carry the fill of freshly inserted columns in: ten thousand rows of three
 * columns, well within one quick write. Past it, a fill call per column goes before the header write.
 */
export const FILLED_WITH_HEADERS_MAX_CELLS = 30_000;

/**
 * Columns inserted in this execution: every data row's constant fill goes in before their headers do. The app
 * finds columns by header, so until the headers are written nobody else can write to these columns, and the
 * fill cannot overwrite a value someone wrote there. A small sheet gets headers and fill in one write; a large
 * one a fill call per column, then the headers. Computed figures go in before the headers too: in the one
 * write, or block by block as far as time allows (compute_union_figures writes the rest into blank cells only).
 */
function writeFreshColumns(ctx: RunContext): void {
  const plan = ctx.plan;
  const fills = ctx.spec.newColumns.map((column) => (column.computed ? '' : column.fill));
  if (plan.data_rows * fills.length <= FILLED_WITH_HEADERS_MAX_CELLS) {
    const figures = freshFigures(ctx);
    const computed = ctx.spec.newColumns.flatMap((column, i) => (column.computed ? [i] : []));
    const rows = [
      plan.to_add.slice(),
      ...Array.from({ length: plan.data_rows }, (_, r) => {
        const row: CellValue[] = fills.slice();
        if (figures) computed.forEach((column, c) => (row[column] = figures[r][c]));
        return row;
      }),
    ];
    ctx.sheet.writeValues(plan.header_row, plan.insert_after + 1, rows);
    ctx.figuresFilled = figures !== null;
  } else {
    fills.forEach((fill, i) => {
      if (fill === '' || plan.data_rows === 0) return;
      ctx.sheet.fill(plan.header_row + 1, plan.insert_after + 1 + i, plan.data_rows, 1, fill);
    });
    computeBeforeHeaders(ctx);
    ctx.sheet.writeValues(plan.header_row, plan.insert_after + 1, [plan.to_add.slice()]);
  }
  ctx.newColumnsFilled = true;
}

export function addColumns(ctx: RunContext): PhaseOutcome {
  const plan = ctx.plan;
  const count = plan.to_add.length;
  if (count === 0) return 'done';
  // -1: inserted by an earlier execution but the headers were not written; 0: nothing left to do.
  const missing = ctx.createdThisExecution ? count : columnsStillMissing(ctx);
  if (missing === 0) {
    ctx.logger.info(`Columns ${plan.to_add.join(', ')} already in place.`);
    return 'done';
  }
  ctx.commit();
  const known = ctx.knownHeaders;
  ctx.knownHeaders = null;
  if (missing > 0) {
    ctx.sheet.insertColumnsAfter(plan.insert_after, count);
    ctx.insertedThisExecution = true;
  }
  if (missing > 0 && plan.present.length === 0) writeFreshColumns(ctx);
  else ctx.sheet.writeValues(plan.header_row, plan.insert_after + 1, [plan.to_add.slice()]);
  if (known) {
    // The row as it now is: the inserted columns hold the new headers, the columns after them moved right.
    const after = known.slice(plan.insert_after + (missing > 0 ? 0 : count));
    ctx.knownHeaders = [...known.slice(0, plan.insert_after), ...plan.to_add, ...after];
  }
  ctx.logger.info(`Inserted ${plan.to_add.join(', ')} after column ${columnLetter(plan.insert_after)}.`);
  return 'done';
}

/** The header row must hold the v2.1 headers unchanged followed by every new header, and nothing after. */
export function verifySchema(ctx: RunContext): PhaseOutcome {
  const plan = ctx.plan;
  const expected = [...plan.v21_headers, ...plan.present, ...plan.to_add];
  const gridWidth = plan.max_columns + plan.to_add.length;
  const read = Math.min(gridWidth, expected.length + 1);
  // The header row written in this execution is known: test_smoke's verification reads it back with the data.
  const known = ctx.knownHeaders && ctx.knownHeaders.length >= read ? ctx.knownHeaders.slice(0, read) : null;
  const headers = known ?? ctx.sheet.readValues(plan.header_row, 1, 1, read)[0].map(headerText);
  const problems: string[] = [];
  const t = messagesFor(ctx.services.session);
  expected.forEach((header, i) => {
    if (headers[i] !== header) {
      problems.push(
        t('header_found_expected', { column: columnLetter(i + 1), found: headers[i] ?? '', header }),
      );
    }
  });
  if (read > expected.length && headers[expected.length].trim() !== '') {
    problems.push(t('header_after_new', { column: columnLetter(read), found: headers[expected.length] }));
  }
  if (problems.length > 0) {
    throw new Error(
      t('header_row_not_schema', {
        sheet: plan.sheet_name,
        migration: ctx.spec.id,
        problems: problems.slice(0, 5).join('; '),
      }),
    );
  }
  return 'done';
}
