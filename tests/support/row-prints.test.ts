// rowPrints (tests/support/migration-bundle.ts): the fingerprints the 150,000-row test compares in place of
// copies of the sheet. A print must change with any cell of its row, and with a cell's type alone.
import { World } from '../../emulator';
import { firstChangedPrint, rowPrints } from './migration-bundle';

function sheetOf(values: unknown[][]) {
  const world = new World();
  return world.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: values as never }] }).sheet('A');
}

const rows = (): unknown[][] => [
  ['TAG', 'N', 'Fecha'],
  ['S-1', 1, new Date(Date.UTC(2026, 0, 21))],
  ['S-2', 2.5, ''],
  ['S-3', true, 'x'],
];

test('equal sheets print alike, row by row', () => {
  const prints = rowPrints(sheetOf(rows()), 3);
  expect(prints).toHaveLength(2 * 4);
  expect(firstChangedPrint(rowPrints(sheetOf(rows()), 3), prints)).toBe(-1);
});

test.each([
  ['a text', 2, 0, 'S-9', 2],
  ['a number', 2, 1, 2.25, 2],
  ['a number as its text', 1, 1, '1', 1],
  ['a boolean as its text', 3, 1, 'TRUE', 3],
  ['a date by one millisecond', 1, 2, new Date(Date.UTC(2026, 0, 21) + 1), 1],
  ['an empty cell filled', 2, 2, 0, 2],
])('%s changed is found at its row', (_, row, column, value, found) => {
  const changed = rows();
  changed[row][column] = value;
  expect(firstChangedPrint(rowPrints(sheetOf(changed), 3), rowPrints(sheetOf(rows()), 3))).toBe(found);
});

test('only the first `columns` columns count, and a shorter sheet differs where it ends', () => {
  const wider = rows().map((row, i) => [...row, i === 2 ? 'extra' : '']);
  expect(firstChangedPrint(rowPrints(sheetOf(wider), 3), rowPrints(sheetOf(rows()), 3))).toBe(-1);
  const padded = rows().map((row) => [...row, '']);
  expect(firstChangedPrint(rowPrints(sheetOf(wider), 4), rowPrints(sheetOf(padded), 4))).toBe(2);
  const shorter = rowPrints(sheetOf(rows().slice(0, 3)), 3);
  expect(firstChangedPrint(shorter, rowPrints(sheetOf(rows()), 3))).toBe(3);
});
