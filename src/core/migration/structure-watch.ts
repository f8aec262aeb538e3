// Someone else may change a sheet's structure while a run goes on: insert or delete a column in the middle, edit
// the header row, rename or delete the sheet, delete data rows. Before the first write of each execution to a
// sheet, its header row (and the target sheet's last row) is read again and compared with the plan: any such
// change stops the run before it writes anything more, with what happened and what to do.
import { columnLetter, headerText } from '../column-map';
import type { SheetPort } from '../ports';
import { messagesFor, type Translate } from '../messages';
import type { RunContext } from './context';

function textOf(ctx: RunContext): Translate {
  return messagesFor(ctx.services.session);
}

/** A change of structure someone else made during the run: the step fails with this message and `next`. */
export class StructureChanged extends Error {
  constructor(
    message: string,
    readonly next: string,
  ) {
    super(message);
  }
}

function lastHeader(headers: string[]): number {
  return headers.reduce((last, text, i) => (text.trim() !== '' ? i + 1 : last), 0);
}

function nextStep(ctx: RunContext): string {
  const changed = ctx.checkpoint.steps.some(
    (step) =>
      ctx.spec.steps.find((s) => s.name === step.name)?.does === 'add_columns' && step.status === 'done',
  );
  const t = textOf(ctx);
  const menu = t('menu_path');
  return (
    t('structure_next', { menu, resume: t('menu_resume') }) +
    ' ' +
    (changed
      ? t('structure_next_rollback', { menu, rollback: t('menu_rollback') })
      : t('structure_next_start_over', {
          start_over: t('start_over_how', { menu, panel: t('menu_open_panel') }),
        }))
  );
}

function changed(ctx: RunContext, sheet: string, what: string): StructureChanged {
  return new StructureChanged(textOf(ctx)('structure_changed', { sheet, what }), nextStep(ctx));
}

function gone(ctx: RunContext): string {
  return textOf(ctx)('structure_gone');
}

/** The sheet by its planned name, or the structure change that took it away. */
export function sheetOrStop(ctx: RunContext, find: () => SheetPort | null, name: string): SheetPort {
  const sheet = find();
  if (!sheet) throw changed(ctx, name, gone(ctx));
  return sheet;
}

/** The platform's error for a read or write past the grid: the sheet lost rows or columns since the plan. */
export const OUTSIDE_GRID = /coordinates of the range are outside the dimensions of the sheet/i;

/** The error a step failed with, as the run reports it: a read past a grid that shrank is a change of structure. */
export function asStructureChange(ctx: RunContext, error: Error): Error {
  if (error instanceof StructureChanged || !OUTSIDE_GRID.test(error.message)) return error;
  return changed(
    ctx,
    ctx.plan.sheet_name,
    textOf(ctx)('structure_smaller', { detail: error.message.replace(/\.$/, '') }),
  );
}

/** Rows deleted since the plan (the last row is above the plan's): the run must not fill rows that moved. */
export function assertRowsKept(ctx: RunContext, lastRow: number): void {
  const plan = ctx.plan;
  if (lastRow >= plan.last_row) return;
  throw changed(
    ctx,
    plan.sheet_name,
    textOf(ctx)('structure_rows_deleted', { now: lastRow - plan.header_row, before: plan.data_rows }),
  );
}

function compareHeaders(ctx: RunContext, sheet: string, now: string[], expected: string[]): void {
  expected.forEach((header, i) => {
    const found = now[i] ?? '';
    if (found !== header) {
      throw changed(
        ctx,
        sheet,
        textOf(ctx)('structure_header', {
          cell: `${columnLetter(i + 1)}${ctx.plan.header_row}`,
          found,
          was: header,
        }),
      );
    }
  });
}

/** The target sheet: its v2.1 headers in place, nothing new right after them before the insert, no row gone. */
function watchTarget(ctx: RunContext, sheet: SheetPort): void {
  const plan = ctx.plan;
  const inserted =
    ctx.insertedThisExecution ||
    ctx.checkpoint.steps.some(
      (step) =>
        ctx.spec.steps.find((s) => s.name === step.name)?.does === 'add_columns' && step.status === 'done',
    );
  const kept = plan.v21_columns + plan.present.length;
  const width = inserted ? kept + plan.to_add.length : Math.min(kept + 1, plan.max_columns);
  const now = sheet.readValues(plan.header_row, 1, 1, Math.max(width, 1))[0].map(headerText);
  compareHeaders(ctx, plan.sheet_name, now, [...plan.v21_headers, ...plan.present]);
  if (!inserted && width > kept && (now[kept] ?? '').trim() !== '') {
    throw changed(
      ctx,
      plan.sheet_name,
      textOf(ctx)('structure_new_column', { column: columnLetter(kept + 1), found: now[kept] }),
    );
  }
  assertRowsKept(ctx, sheet.lastRow ? sheet.lastRow() : sheet.dimensions().lastRow);
}

/** Another sheet the run writes: the headers it had when the run started are still there, in place. */
function watchOther(ctx: RunContext, sheet: SheetPort): void {
  const other = (ctx.plan.others ?? []).find((candidate) => candidate.sheet === sheet.name);
  if (!other || !other.existed) return;
  const width = lastHeader(other.headers);
  if (width === 0) return;
  const now = sheet.readValues(ctx.plan.header_row, 1, 1, width)[0].map(headerText);
  compareHeaders(ctx, sheet.name, now, other.headers.slice(0, width));
}

/** Called by the write guard before the first write of an execution to a sheet. */
export function watchStructure(ctx: RunContext, sheet: SheetPort): void {
  // a handle found earlier still reaches a sheet renamed since: ask for the names (no round trip of their own)
  if (!ctx.spreadsheet.sheetNames().includes(sheet.name)) throw changed(ctx, sheet.name, gone(ctx));
  if (sheet.name === ctx.plan.sheet_name) watchTarget(ctx, sheet);
  else watchOther(ctx, sheet);
}
