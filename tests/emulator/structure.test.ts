import { table, worldWith } from './support/bundle';

// Sheet structure and developer metadata.
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertColumnsAfter(Integer,Integer)
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
// Column metadata is anchored to its column and moves when columns are inserted or deleted before it:
// https://developers.google.com/sheets/api/guides/metadata#metadata_locations

const code = `
  function run(id, src) {
    var ss = SpreadsheetApp.openById(id);
    return (new Function('ss', 'sh', src))(ss, ss.getSheetByName('A'));
  }
  function seen(id) {
    var ss = SpreadsheetApp.openById(id);
    var renamed = ss.getSheetByName('B');
    return [ss.getSheetByName('A') !== null, renamed !== null, renamed ? renamed.getLastRow() : 0];
  }
`;

function setup(extra: object = {}) {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [{ name: 'A', values: table(3, 4), formulas: [[], [null, null, null, '=C2*2']], ...extra }],
  });
  const run = (src: string) => world.run('run', [ss.id, src], { via: 'menu' });
  return { world, ss, run, a: () => ss.sheet('A') };
}

test('insertColumnsAfter shifts data, formulas and column metadata to the right', () => {
  const { run, a } = setup();
  run('sh.getRange("D:D").addDeveloperMetadata("col", "last"); sh.insertColumnsAfter(2, 3);');
  expect(a().maxColumns).toBe(29);
  expect(a().row(1)).toEqual(['H1', 'H2', '', '', '', 'H3', 'H4']);
  expect(a().formulas()[1][6]).toBe('=C2*2');
  expect(a().columnMetadata()).toEqual([{ key: 'col', value: 'last', column: 7 }]);
});

test('insertColumnsBefore / insertColumns / insertColumnAfter insert at the documented position', () => {
  const { run, a } = setup();
  run('sh.insertColumnsBefore(1, 1); sh.insertColumns(3); sh.insertColumnAfter(6);');
  expect(a().row(1)).toEqual(['', 'H1', '', 'H2', 'H3', 'H4']);
  expect(a().maxColumns).toBe(29);
});

test('deleteColumns shifts data and metadata left and drops metadata of deleted columns', () => {
  const { run, a } = setup();
  run(
    'sh.getRange("B:B").addDeveloperMetadata("b"); sh.getRange("D:D").addDeveloperMetadata("d"); sh.deleteColumns(2, 2);',
  );
  expect(a().row(1)).toEqual(['H1', 'H4']);
  expect(a().formulas()[1]).toEqual(['', '=C2*2']);
  expect(a().columnMetadata()).toEqual([{ key: 'd', value: null, column: 2 }]);
  expect(run('sh.deleteColumn(30);')).toMatchObject({
    ok: false,
    error: { message: 'Those columns are out of bounds.' },
  });
});

test('insertRowsAfter and deleteRows shift rows', () => {
  const { run, a } = setup();
  run('sh.insertRowsAfter(1, 2); sh.deleteRows(5, 1);');
  expect(
    a()
      .values()
      .map((r) => r[0]),
  ).toEqual(['H1', '', '', 'r2c1', 'r4c1']);
  expect(a().maxRows).toBe(1001);
});

test('frozen rows and hidden sheets', () => {
  const { world, ss, run } = setup({ frozenRows: 1 });
  expect(run('var n = sh.getFrozenRows(); sh.setFrozenRows(2); return n;')).toMatchObject({ value: 1 });
  expect(ss.sheet('A').frozenRows).toBe(2);
  expect(run('sh.hideSheet();')).toMatchObject({ ok: false, error: { message: /hide all the sheets/ } });
  run('ss.insertSheet("B"); sh.hideSheet();');
  expect(
    run('return [sh.isSheetHidden(), ss.getSheets().length, ss.getSheetByName("missing")];'),
  ).toMatchObject({ value: [true, 2, null] });
  expect(world.spreadsheet(ss.id).sheetNames()).toEqual(['A', 'B']);
});

test('sheets: ids, parent, insertSheet name clash', () => {
  const { run } = setup();
  expect(
    run(
      'return [sh.getSheetId(), sh.getParent().getId() === ss.getId(), ss.insertSheet("X").getSheetId() !== 0];',
    ),
  ).toMatchObject({
    value: [0, true, true],
  });
  expect(run('ss.insertSheet("A");')).toMatchObject({
    ok: false,
    error: { message: 'A sheet with the name "A" already exists. Please enter another name.' },
  });
});

test('developer metadata at spreadsheet, sheet and column level; finder by key', () => {
  const { run, ss } = setup();
  run(
    'ss.addDeveloperMetadata("schema_version", "2.1"); sh.addDeveloperMetadata("role", "data"); sh.getRange(1, 2, sh.getMaxRows(), 1).addDeveloperMetadata("col", "H2");',
  );
  expect(ss.metadata('schema_version')).toBe('2.1');
  const found = run(`
    var all = ss.createDeveloperMetadataFinder().withKey('col').find();
    var loc = all[0].getLocation();
    return [all.length, loc.getLocationType(), loc.getColumn().getColumn(), sh.getDeveloperMetadata()[0].getValue(),
            ss.getDeveloperMetadata().map(function (m) { return m.getKey() + '=' + m.getValue(); })];`);
  expect(found).toMatchObject({ value: [1, 'COLUMN', 2, 'data', ['schema_version=2.1']] });
  run('ss.createDeveloperMetadataFinder().withKey("schema_version").find()[0].setValue("3.0");');
  expect(ss.metadata('schema_version')).toBe('3.0');
  run('ss.getDeveloperMetadata()[0].remove();');
  expect(ss.metadata('schema_version')).toBeNull();
});

test('developer metadata on a range that is not a whole column is refused', () => {
  const { run } = setup();
  expect(run('sh.getRange("A1:B2").addDeveloperMetadata("x");')).toMatchObject({
    ok: false,
    error: { message: /arbitrary ranges is not currently supported/ },
  });
});

// A person deleting rows or renaming the sheet while a script runs: the model's direct edits do what
// Sheet.deleteRows (https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRows(Integer,Integer))
// and Sheet.setName (https://developers.google.com/apps-script/reference/spreadsheet/sheet#setName(String)) do, and
// the script sees the result: the rows below moved up, the sheet found by its new name only.
test('model edits: deleteRows moves the rows below up; rename leaves no sheet by the old name', () => {
  const { world, ss, a } = setup();
  a().deleteRows(2, 1);
  expect(a().values()).toEqual([
    ['H1', 'H2', 'H3', 'H4'],
    ['r3c1', 'r3c2', 'r3c3', 'r3c4'],
    ['r4c1', 'r4c2', 'r4c3', 'r4c4'],
  ]);
  a().rename('B');
  const r = world.run('run', [ss.id, 'return null;'], { via: 'menu' });
  expect(r.ok && r.value).toBeNull();
  const seen = world.run('seen', [ss.id], { via: 'menu' });
  expect(seen.ok && seen.value).toEqual([false, true, 3]);
  expect(() => ss.sheet('B').rename('B')).toThrow('a sheet named "B" already exists');
});
