// The test-facing model of a sheet (emulator/models.ts): what tests read of the world without a service call.
import { World } from '../../emulator';

test("a sheet's block and formula block read like getRange(row, column, rows, columns), '' where empty", () => {
  const world = new World();
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [
      {
        name: 'A',
        values: [
          ['a', 'b', 'c'],
          [1, 2, null],
          [new Date(0), 'x', 3],
        ],
        formulas: [
          [null, null, null],
          [null, null, '=A2+B2'],
          [null, null, null],
        ],
      },
    ],
  });
  const sheet = ss.sheet('A');
  expect(sheet.block(2, 2, 2, 3)).toEqual([
    [2, '', ''],
    ['x', 3, ''],
  ]);
  expect(sheet.block(3, 1, 1, 1)[0][0]).toEqual(new Date(0));
  expect(sheet.formulaBlock(2, 3, 2, 1)).toEqual([['=A2+B2'], ['']]);
  expect(sheet.block(2, 1, 2, 3)).toEqual(sheet.values().slice(1));
});

test("a sheet's row is that row of values() up to the last column, and a row past the last is blank", () => {
  const world = new World();
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [
      {
        name: 'A',
        values: [
          ['h1', 'h2', ''],
          [1, '', 'z'],
          ['', '', ''],
        ],
      },
    ],
  });
  const sheet = ss.sheet('A');
  expect(sheet.row(1)).toEqual(sheet.values()[0]);
  expect(sheet.row(2)).toEqual([1, '', 'z']);
  expect(sheet.row(sheet.lastRow + 1)).toEqual(['', '', '']);
});

test("a created sheet keeps its own copy of the spec's cells and formulas; '' and null are no formula", () => {
  const world = new World();
  const values: unknown[][] = [
    ['h1', 'h2', 'h3'],
    [1, 2, 3],
  ];
  const formulas: (string | null)[][] = [
    [null, '', null],
    ['', '=A1', null],
  ];
  const sheet = world.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values, formulas }] }).sheet('A');
  values[1][0] = 'changed';
  formulas[1][1] = '=B9';
  expect(sheet.values()).toEqual([
    ['h1', 'h2', 'h3'],
    [1, 2, 3],
  ]);
  expect(sheet.formulaBlock(1, 1, 2, 3)).toEqual([
    ['', '', ''],
    ['', '=A1', ''],
  ]);
});
