// expectSameCells (tests/support/same-cells.ts): fails exactly where toEqual would, naming the row.
import { expectSameCells, firstDifferentRow } from './same-cells';

const grid = () => [
  ['TAG', 'N', 'Fecha'],
  ['S-1', 1, new Date(Date.UTC(2026, 0, 21))],
  ['S-2', 0, ''],
];

test('equal grids pass, Dates by their time', () => {
  expect(firstDifferentRow(grid(), grid())).toBe(-1);
  expect(() => expectSameCells(grid(), grid())).not.toThrow();
});

test.each([
  ['a cell', (g: unknown[][]) => (g[2][0] = 'S-9'), 2],
  ['a number as its text', (g: unknown[][]) => (g[1][1] = '1'), 1],
  ['zero as minus zero', (g: unknown[][]) => (g[2][1] = -0), 2],
  ['a date by a millisecond', (g: unknown[][]) => (g[1][2] = new Date(Date.UTC(2026, 0, 21) + 1)), 1],
  ['a row longer', (g: unknown[][]) => g[0].push(''), 0],
  ['a row more', (g: unknown[][]) => g.push(['S-3', 2, '']), 3],
  ['a row fewer', (g: unknown[][]) => g.pop(), 2],
])('%s differs, at its row, with a message naming it', (_, change, row) => {
  const changed = grid();
  change(changed);
  expect(firstDifferentRow(changed, grid())).toBe(row);
  expect(() => expectSameCells(changed, grid())).toThrow(new RegExp(`"row": ${row + 1}`));
});
