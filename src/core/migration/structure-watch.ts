// Someone else may change a sheet's structure while a run goes on: insert or delete a column in the middle, edit
// the header row, rename or delete the sheet, delete data rows. Before the first write of each execution to a
// sheet, its header row (and the target sheet's last row) is read again and compared with the plan: any such
// change stops the run before it writes anything more, with what happened and what to do.
import { columnLetter, headerText } from '../column-map';
import type { SheetPort } from '../ports';
import type { RunContext } from './context';
import { START_OVER } from './types';

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
  return (
    'Nothing the run wrote is lost and nothing anyone else wrote was overwritten. Put the sheet back as it was ' +
    '(undo the change, or move the columns or rows back), then resume (Migration > Resume migration); ' +
    (changed
      ? 'or roll back from the backup (Migration > Roll back migration).'
      : `or start over with ${START_OVER}, which plans from the sheet as it is now.`)
  );
}

function changed(ctx: RunContext, sheet: string, what: string): StructureChanged {
  return new StructureChanged(
    `Sheet "${sheet}" changed while the migration was running: ${what}. The run stopped before writing anything ` +
      'more.',
    nextStep(ctx),
  );
}

const GONE = 'it was renamed or deleted (no sheet has that name now)';

/** The sheet by its planned name, or the structure change that took it away. */
export function sheetOrStop(ctx: RunContext, find: () => SheetPort | null, name: string): SheetPort {
  const sheet = find();
  if (!sheet) throw changed(ctx, name, GONE);
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
    `it is smaller than when the run started: columns or rows were deleted (${error.message.replace(/\.$/, '')})`,
  );
}

/** Rows deleted since the plan (the last row is above the plan's): the run must not fill rows that moved. */
export function assertRowsKept(ctx: RunContext, lastRow: number): void {
  const plan = ctx.plan;
  if (lastRow >= plan.last_row) return;
  throw changed(
    ctx,
    plan.sheet_name,
    `it has ${lastRow - plan.header_row} data rows, ${plan.data_rows} when the run started (rows were deleted)`,
  );
}

function compareHeaders(ctx: RunContext, sheet: string, now: string[], expected: string[]): void {
  expected.forEach((header, i) => {
    const found = now[i] ?? '';
    if (found !== header) {
      throw changed(
        ctx,
        sheet,
        `header cell ${columnLetter(i + 1)}${ctx.plan.header_row} is now "${found}", was "${header}" (a column ` +
          'was inserted, deleted or moved, or the header edited)',
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
      `column ${columnLetter(kept + 1)} now has the header "${now[kept]}", where the new columns go`,
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
  if (!ctx.spreadsheet.sheetNames().includes(sheet.name)) throw changed(ctx, sheet.name, GONE);
  if (sheet.name === ctx.plan.sheet_name) watchTarget(ctx, sheet);
  else watchOther(ctx, sheet);
}
