// Write confinement: every cell a run writes goes through one guarded port, which refuses anything outside the
// columns the migration adds (their header cells included) and records the bounding boxes of what it wrote. Others
// keep writing the existing cells while a run goes on; confining the run's own writes is what lets the checks
// tell their edits from damage: a v2.1 cell that differs from the backup cannot have been written by the run.
import { columnLetter } from '../column-map';
import type { CellValue, Grid, SheetPort, SpreadsheetPort } from '../ports';
import type { OtherSheetPlan } from './sheets';
import type { RunPlan } from './types';

/** Where a run may write on one sheet: columns first..last (1-based, inclusive), every row or the header row only. */
export interface WriteZone {
  sheet: string;
  firstColumn: number;
  /** null: every column (a sheet the run creates). */
  lastColumn: number | null;
  headerOnly: boolean;
}

/** [first row, first column, last row, last column], 1-based and inclusive. */
export type Box = [number, number, number, number];
/** Per sheet, rectangles covering every cell the run wrote. */
export type WrittenBoxes = Record<string, Box[]>;

/** Most rectangles kept per sheet: past it they are merged into their bounding box (each stays small to store). */
export const MAX_BOXES_PER_SHEET = 8;

function lastHeader(headers: string[]): number {
  return headers.reduce((last, text, i) => (text.trim() !== '' ? i + 1 : last), 0);
}

/** What the zones follow from: the target sheet, its columns before the run and after, the other sheets' plans. */
export interface ZoneFacts {
  sheet_name: string;
  v21_columns: number;
  /** New columns of the target sheet (already present ones included): they follow the v2.1 columns. */
  new_columns: number;
  others?: OtherSheetPlan[];
}

/** The zones of a run: the target sheet's new columns, and on each other sheet what the run adds there. */
export function zonesOf(facts: ZoneFacts): WriteZone[] {
  const zones: WriteZone[] = [];
  if (facts.new_columns > 0) {
    zones.push({
      sheet: facts.sheet_name,
      firstColumn: facts.v21_columns + 1,
      lastColumn: facts.v21_columns + facts.new_columns,
      headerOnly: false,
    });
  }
  for (const other of facts.others ?? []) {
    if (!other.existed) {
      zones.push({ sheet: other.sheet, firstColumn: 1, lastColumn: null, headerOnly: false });
      continue;
    }
    if (other.ensure_missing.length > 0) {
      const first = lastHeader(other.headers) + 1;
      zones.push({
        sheet: other.sheet,
        firstColumn: first,
        lastColumn: first + other.ensure_missing.length - 1,
        headerOnly: true,
      });
    }
    if (other.to_add.length > 0) {
      zones.push({
        sheet: other.sheet,
        firstColumn: other.insert_after + 1,
        lastColumn: other.insert_after + other.to_add.length,
        headerOnly: false,
      });
    }
  }
  return zones;
}

/** The zones of a run's plan. */
export function planZones(plan: RunPlan): WriteZone[] {
  return zonesOf({ ...plan, new_columns: plan.present.length + plan.to_add.length });
}

/**
 * Whether the recorded boxes of every sheet lie inside that sheet's zones: the proof that the run wrote nothing
 * but its new columns. Returns the first box outside, or null.
 */
export function firstBoxOutside(
  zones: WriteZone[],
  written: WrittenBoxes,
  headerRow: number,
): { sheet: string; range: string } | null {
  for (const [sheet, boxes] of Object.entries(written)) {
    const outside = boxes.find((box) => !boxesInside(zones, sheet, [box], headerRow));
    if (outside) return { sheet, range: a1(outside) };
  }
  return null;
}

function inside(zone: WriteZone, box: Box, headerRow: number): boolean {
  const [r1, c1, r2, c2] = box;
  if (r1 < headerRow || (zone.headerOnly && r2 !== headerRow)) return false;
  return c1 >= zone.firstColumn && (zone.lastColumn === null || c2 <= zone.lastColumn);
}

/** Whether every box lies inside one of the sheet's zones. */
export function boxesInside(zones: WriteZone[], sheet: string, boxes: Box[], headerRow: number): boolean {
  const own = zones.filter((zone) => zone.sheet === sheet);
  return boxes.every((box) => own.some((zone) => inside(zone, box, headerRow)));
}

export function a1(box: Box): string {
  const [r1, c1, r2, c2] = box;
  const start = `${columnLetter(c1)}${r1}`;
  return r1 === r2 && c1 === c2 ? start : `${start}:${columnLetter(c2)}${r2}`;
}

function describeZones(zones: WriteZone[]): string {
  if (zones.length === 0) return 'it adds no columns there';
  return zones
    .map((zone) =>
      zone.lastColumn === null
        ? 'the sheet it creates'
        : `${zone.headerOnly ? 'the header cells of ' : ''}columns ${columnLetter(zone.firstColumn)}` +
          `${zone.lastColumn !== zone.firstColumn ? `-${columnLetter(zone.lastColumn)}` : ''}`,
    )
    .join(' and ');
}

function union(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** Two boxes whose union is a rectangle: one holds the other, or they share a side's span and touch or overlap. */
function mergeable(a: Box, b: Box): boolean {
  const sameColumns = a[1] === b[1] && a[3] === b[3];
  const sameRows = a[0] === b[0] && a[2] === b[2];
  const holds = (x: Box, y: Box) => x[0] <= y[0] && x[1] <= y[1] && x[2] >= y[2] && x[3] >= y[3];
  return (
    holds(a, b) ||
    holds(b, a) ||
    (sameColumns && a[0] <= b[2] + 1 && b[0] <= a[2] + 1) ||
    (sameRows && a[1] <= b[3] + 1 && b[1] <= a[3] + 1)
  );
}

/** Whether the boxes already cover every cell of `box`. */
export function covered(boxes: Box[], box: Box): boolean {
  return boxes.some((b) => b[0] <= box[0] && b[1] <= box[1] && b[2] >= box[2] && b[3] >= box[3]);
}

/** `boxes` with `box` added, merged into as few rectangles as exactly cover them (bounded by MAX_BOXES_PER_SHEET). */
export function addBox(boxes: Box[], box: Box): Box[] {
  let merged = box;
  let rest = boxes.slice();
  for (let changed = true; changed;) {
    changed = false;
    const at = rest.findIndex((other) => mergeable(other, merged));
    if (at >= 0) {
      merged = union(rest[at], merged);
      rest = rest.filter((_, i) => i !== at);
      changed = true;
    }
  }
  const next = [...rest, merged];
  if (next.length <= MAX_BOXES_PER_SHEET) return next;
  // Kept small: the two nearest boxes (by their bounding box's size) become one.
  let best: [number, number] = [0, 1];
  let bestCells = Infinity;
  for (let i = 0; i < next.length; i += 1) {
    for (let j = i + 1; j < next.length; j += 1) {
      const u = union(next[i], next[j]);
      const cells = (u[2] - u[0] + 1) * (u[3] - u[1] + 1);
      if (cells < bestCells) {
        bestCells = cells;
        best = [i, j];
      }
    }
  }
  const joined = union(next[best[0]], next[best[1]]);
  return addBox(
    next.filter((_, i) => i !== best[0] && i !== best[1]),
    joined,
  );
}

export class WriteRefused extends Error {}

/**
 * The guard one run's writes go through; `record` keeps the boxes before each write (the run stores them in its
 * checkpoint), so a write an execution dies in is on record too.
 */
export class WriteGuard {
  /** Sheets whose structure was checked in this execution, before its first write there. */
  private readonly watched = new Set<string>();

  constructor(
    private readonly zones: WriteZone[],
    private readonly headerRow: number,
    private readonly record: (sheet: string, box: Box) => void,
    /** Throws when someone else changed the sheet's structure since the plan (see structure-watch.ts). */
    private readonly watch: (sheet: SheetPort) => void = () => undefined,
  ) {}

  /** Before the first write of this execution to a sheet: its structure is still the planned one. */
  beforeWrite(port: SheetPort): void {
    if (this.watched.has(port.name)) return;
    this.watch(port);
    this.watched.add(port.name);
  }

  check(sheet: string, box: Box): void {
    if (boxesInside(this.zones, sheet, [box], this.headerRow)) return;
    const own = this.zones.filter((zone) => zone.sheet === sheet);
    throw new WriteRefused(
      `The migration refused its own write to ${sheet}!${a1(box)}: a run writes only the columns it adds ` +
        `(${describeZones(own)}), so the cells others keep editing are never overwritten. Nothing was written ` +
        'there. Roll back from the backup if the sheet looks wrong, and report this message.',
    );
  }

  /** Records the box before the write (the caller makes the record durable first when it is new). */
  intend(sheet: string, box: Box): void {
    this.record(sheet, box);
  }

  /** Inserting at or after the first new column moves no column that existed before the run. */
  checkInsertColumns(sheet: string, afterColumn: number): void {
    const firsts = this.zones.filter((zone) => zone.sheet === sheet).map((zone) => zone.firstColumn);
    if (firsts.length > 0 && afterColumn >= Math.min(...firsts) - 1) return;
    throw new WriteRefused(
      `The migration refused to insert columns after column ${columnLetter(afterColumn)} of ${sheet}: that would ` +
        'move columns that existed before the run. Nothing was changed. Report this message.',
    );
  }

  refuse(sheet: string, what: string): never {
    throw new WriteRefused(
      `The migration refused to ${what} in ${sheet}: a run adds columns only. Nothing was changed. Report this ` +
        'message.',
    );
  }

  sheet(port: SheetPort): SheetPort {
    return new ConfinedSheet(port, this);
  }
}

function boxOf(row: number, column: number, rows: number, columns: number): Box {
  return [row, column, row + rows - 1, column + columns - 1];
}

class ConfinedSheet implements SheetPort {
  readonly name: string;
  extent?: SheetPort['extent'];
  lastRow?: SheetPort['lastRow'];
  maxColumns?: SheetPort['maxColumns'];
  readDataRange?: SheetPort['readDataRange'];
  readDataRangeFormulas?: SheetPort['readDataRangeFormulas'];

  constructor(
    private readonly port: SheetPort,
    private readonly guard: WriteGuard,
  ) {
    this.name = port.name;
    if (port.extent) this.extent = () => (port.extent as () => { lastRow: number; lastColumn: number })();
    if (port.lastRow) this.lastRow = () => (port.lastRow as () => number)();
    if (port.maxColumns) this.maxColumns = () => (port.maxColumns as () => number)();
    if (port.readDataRange) this.readDataRange = () => (port.readDataRange as () => Grid)();
    if (port.readDataRangeFormulas)
      this.readDataRangeFormulas = () => (port.readDataRangeFormulas as () => string[][])();
  }

  dimensions() {
    return this.port.dimensions();
  }
  readValues(row: number, column: number, rows: number, columns: number): Grid {
    return this.port.readValues(row, column, rows, columns);
  }
  readFormulas(row: number, column: number, rows: number, columns: number): string[][] {
    return this.port.readFormulas(row, column, rows, columns);
  }

  private guarded(box: Box, write: () => void): void {
    this.guard.beforeWrite(this.port);
    this.guard.check(this.name, box);
    this.guard.intend(this.name, box);
    write();
  }

  writeValues(row: number, column: number, values: Grid): void {
    if (values.length === 0 || values[0].length === 0) return;
    this.guarded(boxOf(row, column, values.length, values[0].length), () =>
      this.port.writeValues(row, column, values),
    );
  }
  writeFormulas(row: number, column: number, formulas: string[][]): void {
    if (formulas.length === 0 || formulas[0].length === 0) return;
    this.guarded(boxOf(row, column, formulas.length, formulas[0].length), () =>
      this.port.writeFormulas(row, column, formulas),
    );
  }
  fill(row: number, column: number, rows: number, columns: number, value: CellValue): void {
    this.guarded(boxOf(row, column, rows, columns), () => this.port.fill(row, column, rows, columns, value));
  }
  clear(row: number, column: number, rows: number, columns: number): void {
    this.guarded(boxOf(row, column, rows, columns), () => this.port.clear(row, column, rows, columns));
  }
  insertColumnsAfter(afterColumn: number, count: number): void {
    this.guard.beforeWrite(this.port);
    this.guard.checkInsertColumns(this.name, afterColumn);
    this.port.insertColumnsAfter(afterColumn, count);
  }
  deleteColumns(): void {
    this.guard.refuse(this.name, 'delete columns');
  }
  insertRowsAfter(): void {
    this.guard.refuse(this.name, 'insert rows');
  }
  deleteRows(): void {
    this.guard.refuse(this.name, 'delete rows');
  }
}

/**
 * The spreadsheet as a run sees it: every sheet it hands out is confined. Only the sheets the plan creates may be
 * inserted; none may be deleted. Everything else (protections, metadata, sizes) passes through.
 */
export function confinedSpreadsheet(
  spreadsheet: SpreadsheetPort,
  guard: WriteGuard,
  creates: string[],
): SpreadsheetPort {
  const sheet = (name: string): SheetPort | null => {
    const found = spreadsheet.sheet(name);
    return found ? guard.sheet(found) : null;
  };
  const insertSheet = (name: string): SheetPort => {
    if (!creates.includes(name) || !spreadsheet.insertSheet)
      guard.refuse(name, 'add a sheet it did not plan');
    return guard.sheet((spreadsheet.insertSheet as (name: string) => SheetPort).call(spreadsheet, name));
  };
  const deleteSheet = (name: string): void => guard.refuse(name, 'delete the sheet');
  return new Proxy(spreadsheet, {
    get(target, property, receiver) {
      if (property === 'sheet') return sheet;
      if (property === 'insertSheet') return target.insertSheet ? insertSheet : undefined;
      if (property === 'deleteSheet') return deleteSheet;
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => (member as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
}
