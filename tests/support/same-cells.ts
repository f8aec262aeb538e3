// toEqual for whole sheets: jest's recursive equality takes seconds over a million cells (4 s for a 20,000-row
// sheet of 66 columns), so the cells are compared in a loop and jest's toEqual is used only where they differ:
// a failure names the first differing row and shows that row's diff, as toEqual would.

// Read once: a global looked up in jest's vm context goes through its global interceptor, at every cell.
const is = Object.is;

const isDate = (v: unknown) =>
  typeof v === 'object' && v !== null && typeof (v as Date).getTime === 'function';

/** One cell equal to another the way toEqual sees it: Object.is, a Date (of any realm) by its time. */
function sameCell(a: unknown, b: unknown): boolean {
  if (is(a, b)) return true;
  if (isDate(a) && isDate(b)) return (a as Date).getTime() === (b as Date).getTime();
  return false;
}

/** The first row (0-based) where the two grids differ (a cell, or a row's length), or -1. */
export function firstDifferentRow(actual: readonly unknown[][], expected: readonly unknown[][]): number {
  const rows = Math.max(actual.length, expected.length);
  for (let r = 0; r < rows; r += 1) {
    const a = actual[r];
    const b = expected[r];
    if (!a || !b || a.length !== b.length) return r;
    for (let c = 0; c < a.length; c += 1) if (!sameCell(a[c], b[c])) return r;
  }
  return -1;
}

/** expect(actual).toEqual(expected) for two grids of cells (values or formulas), fast on large sheets. */
export function expectSameCells(actual: readonly unknown[][], expected: readonly unknown[][]): void {
  const r = firstDifferentRow(actual, expected);
  if (r < 0) return;
  expect({ rows: actual.length, row: r + 1, cells: actual[r] }).toEqual({
    rows: expected.length,
    row: r + 1,
    cells: expected[r],
  });
  // equal to jest at the row found (a cell type toEqual sees as equal and sameCell does not): the whole grid decides
  expect(actual).toEqual(expected);
}
