import { table, worldWith } from './support/bundle';

// Class Range: https://developers.google.com/apps-script/reference/spreadsheet/range
// Each test runs a tiny script through the emulator and checks what the code and the sheet see.

const code = `
  function sheet(id) { return SpreadsheetApp.openById(id).getSheetByName('A'); }
  function run(id, src) { var sh = sheet(id); return (new Function('sh', src))(sh); }
`;

function setup(values: unknown[][] = table(3, 3), extra: object = {}) {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values, ...extra }] });
  const run = (src: string) => world.run('run', [ss.id, src], { via: 'menu' });
  return { world, ss, run, a: () => ss.sheet('A') };
}

test('getValues returns the block; getValue the top-left cell', () => {
  const { run } = setup();
  expect(run('return sh.getRange(1, 1, 2, 2).getValues();')).toMatchObject({
    value: [
      ['H1', 'H2'],
      ['r2c1', 'r2c2'],
    ],
  });
  expect(run('return sh.getRange("B2").getValue();')).toMatchObject({ value: 'r2c2' });
  expect(run('return sh.getRange(2, 5, 1, 2).getValues();')).toMatchObject({ value: [['', '']] });
});

test('setValues with the wrong number of rows or columns throws the platform message and changes nothing', () => {
  const { run, a } = setup();
  expect(run('sh.getRange(1, 1, 2, 2).setValues([["x", "y"]]);')).toMatchObject({
    ok: false,
    error: {
      message:
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    },
  });
  expect(run('sh.getRange(1, 1, 1, 2).setValues([["x", "y", "z"]]);')).toMatchObject({
    ok: false,
    error: {
      message:
        'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    },
  });
  expect(a().row(1)).toEqual(['H1', 'H2', 'H3']);
});

test('setValue fills every cell of the range', () => {
  const { run, a } = setup();
  run('sh.getRange(2, 2, 3, 2).setValue(0);');
  expect(
    a()
      .values()
      .map((r) => r.slice(1)),
  ).toEqual([
    ['H2', 'H3'],
    [0, 0],
    [0, 0],
    [0, 0],
  ]);
});

test('strings that read as numbers or booleans are stored as such; an apostrophe keeps text', () => {
  const { run } = setup();
  expect(
    run(
      'sh.getRange(1, 1, 1, 4).setValues([["007", "TRUE", "\'007", "12-11-2026"]]); return sh.getRange(1, 1, 1, 4).getValues();',
    ),
  ).toMatchObject({
    value: [[7, true, '007', '12-11-2026']],
  });
});

test('Dates round-trip as Dates and are shown with the default date-time format in the sheet time zone', () => {
  const when = new Date('2026-11-24T15:30:00.000Z');
  const { run, ss } = setup([['when'], [when]]);
  expect(ss.timeZone).toBe('America/Santiago');
  const r = run(
    'var v = sh.getRange(2, 1).getValue(); return [Object.prototype.toString.call(v), v instanceof Date, v.toISOString(), sh.getRange(2, 1).getDisplayValue()];',
  );
  expect(r).toMatchObject({
    value: ['[object Date]', true, '2026-11-24T15:30:00.000Z', '11/24/2026 12:30:00'],
  });
  const write = run(
    'sh.getRange(3, 1).setValue(new Date(Date.UTC(2026, 0, 2, 3))); return sh.getRange(3, 1).getDisplayValues();',
  );
  expect(write).toMatchObject({ value: [['1/2/2026']] });
});

test('formulas: set and read back; a value write clears the formula; a "=" string via setValue is a formula', () => {
  const { run, a } = setup(
    [
      ['n', 'double'],
      [2, 4],
    ],
    {
      formulas: [
        [null, null],
        [null, '=A2*2'],
      ],
    },
  );
  expect(run('return [sh.getRange("B2").getFormula(), sh.getRange("B2").getValue()];')).toMatchObject({
    value: ['=A2*2', 4],
  });
  run('sh.getRange("C2").setValue("=A2+1"); sh.getRange(3, 2).setFormulas([["=A3*2"]]);');
  expect(a().formulas()).toEqual([
    ['', '', ''],
    ['', '=A2*2', '=A2+1'],
    ['', '=A3*2', ''],
  ]);
  run('sh.getRange("B2").setValue(5);');
  expect(a().formulas()[1][1]).toBe('');
  expect(a().values()[1][1]).toBe(5);
});

// Formulas are not evaluated here; writing a cell's own formula back keeps the value it had, which is what
// Sheets' recalculation gives for a non-volatile formula (https://support.google.com/docs/answer/58515).
test('a formula written over the same formula keeps its value; another formula has none until recalculated', () => {
  const { run, a } = setup(
    [
      ['n', 'double'],
      [2, 4],
    ],
    {
      formulas: [
        [null, null],
        [null, '=A2*2'],
      ],
    },
  );
  run('sh.getRange("B2").setFormula("=A2*2");');
  expect(a().values()[1][1]).toBe(4);
  run('sh.getRange("B2").setFormula("=A2*3");');
  expect(a().formulas()[1][1]).toBe('=A2*3');
  expect(a().values()[1][1]).toBe('');
});

test('getDisplayValues formats numbers and booleans as the sheet shows them', () => {
  const { run } = setup([[1, 2.5, true, 'x', 1 / 3]]);
  expect(run('return sh.getRange(1, 1, 1, 5).getDisplayValues();')).toMatchObject({
    value: [['1', '2.5', 'TRUE', 'x', '0.3333333333']],
  });
});

test('clear and clearContent empty the range', () => {
  const { run, a } = setup();
  run('sh.getRange(2, 1, 3, 3).clear();');
  expect(a().lastRow).toBe(1);
  run('sh.getRange("A1:B1").clearContent();');
  expect(a().values()).toEqual([['', '', 'H3']]);
});

test('range geometry: getNumRows, getNumColumns, getRow, getColumn, getA1Notation, A1 forms', () => {
  const { run } = setup();
  expect(
    run(
      'var r = sh.getRange(2, 3, 4, 5); return [r.getNumRows(), r.getNumColumns(), r.getRow(), r.getColumn(), r.getA1Notation(), r.getLastRow(), r.getLastColumn()];',
    ),
  ).toMatchObject({ value: [4, 5, 2, 3, 'C2:G5', 5, 7] });
  expect(
    run('var r = sh.getRange("B:C"); return [r.getRow(), r.getNumRows(), r.getColumn(), r.getNumColumns()];'),
  ).toMatchObject({
    value: [1, 1000, 2, 2],
  });
  expect(
    run('var r = sh.getRange("A2:C"); return [r.getRow(), r.getNumRows(), r.getNumColumns()];'),
  ).toMatchObject({ value: [2, 999, 3] });
  expect(
    run('return SpreadsheetApp.openById(sh.getParent().getId()).getRange("A!B2").getValue();'),
  ).toMatchObject({ value: 'r2c2' });
});

test('ranges outside the grid or with bad coordinates throw the platform messages', () => {
  const { run } = setup();
  expect(run('sh.getRange(1001, 1);')).toMatchObject({
    error: { message: 'The coordinates of the range are outside the dimensions of the sheet.' },
  });
  expect(run('sh.getRange(0, 1);')).toMatchObject({
    error: { message: 'The starting row of the range is too small.' },
  });
  expect(run('sh.getRange(1, 0);')).toMatchObject({
    error: { message: 'The starting column of the range is too small.' },
  });
  expect(run('sh.getRange(1, 1, 0, 1);')).toMatchObject({
    error: { message: 'The number of rows in the range must be at least 1.' },
  });
  expect(run('sh.getRange("nonsense!!");')).toMatchObject({ error: { message: 'Range not found' } });
});

test('getDataRange, getLastRow and getLastColumn follow the last cell with content', () => {
  const { run } = setup(table(3, 3), { maxRows: 50, maxColumns: 10 });
  expect(
    run(
      'return [sh.getLastRow(), sh.getLastColumn(), sh.getMaxRows(), sh.getMaxColumns(), sh.getDataRange().getA1Notation()];',
    ),
  ).toMatchObject({
    value: [4, 3, 50, 10, 'A1:C4'],
  });
  expect(
    run('sh.getRange(9, 7).setValue("far"); return [sh.getLastRow(), sh.getLastColumn()];'),
  ).toMatchObject({ value: [9, 7] });
});

test('a read-only spreadsheet refuses writes', () => {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'S',
    editable: false,
    sheets: [{ name: 'A', values: table(1, 1) }],
  });
  const r = world.run('run', [ss.id, 'sh.getRange(1, 1).setValue("x");']);
  expect(r).toMatchObject({
    ok: false,
    error: { message: 'You do not have permission to edit this spreadsheet.' },
  });
  expect(ss.sheet('A').row(1)[0]).toBe('H1');
});
