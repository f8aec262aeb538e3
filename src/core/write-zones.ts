// Where a run may write (its zones: the new columns, their header cells, a sheet it creates) and the rectangles it
// did write, as recorded in its checkpoint and baseline. The write guard (migration/confined.ts) records them; the
// checks prove from them that the run wrote nothing else.
import type { OtherSheetPlan } from './baseline';
import { columnLetter } from './column-map';

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
