import { ServiceError, messages } from '../errors';
import type { Execution } from '../execution';
import type { SheetData, SpreadsheetData } from '../model/spreadsheet-data';
import type { Cell } from '../model/values';
import { checkEdit } from '../model/protections';
import type { Area } from './a1';

/** What every Spreadsheet/Sheet/Range handle carries. */
export interface SheetContext {
  exec: Execution;
  ss: SpreadsheetData;
  sheet: SheetData;
}

export function assertEditable(ss: SpreadsheetData): void {
  if (!ss.editable) throw new ServiceError(messages.noEditAccess);
}

/** The script's user may write `area` (null: change the sheet's structure): edit access and protections. */
export function assertCanWrite(ctx: SheetContext, area: Area | null): void {
  assertEditable(ctx.ss);
  checkEdit(ctx.ss, ctx.sheet, area, ctx.exec.world.user.email);
}

/** A stored value as the code under test receives it: '' for empty, Dates of the vm's realm. */
export function vmCell(exec: Execution): (v: Cell | undefined) => unknown {
  const VmDate = exec.realm.Date;
  // a stored Cell that is an object is a Date (of the host realm): no per-cell toString on the hot path
  return (v) => (v === undefined ? '' : typeof v === 'object' ? new VmDate(v.getTime()) : v);
}

export function vmAlloc(exec: Execution): <U>(n: number) => U[] {
  const VmArray = exec.realm.Array;
  return <U>(n: number) => new VmArray(n) as U[];
}

export function integer(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new ServiceError(`The parameters (${typeof v}) don't match the method signature for ${what}.`);
  }
  return v;
}
