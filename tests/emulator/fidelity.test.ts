import { table, worldWith } from './support/bundle';

// Behaviours the migration depends on most, each checked against its published source.

const code = `
  function run(id, src) { var ss = id && SpreadsheetApp.openById(id); return (new Function('ss', src))(ss); }
  function lockAndProps() {
    var lock = LockService.getDocumentLock();
    var props = PropertiesService.getDocumentProperties();
    return [lock === null, props === null, lock ? lock.tryLock(1000) : null];
  }
  function schedule() { return ScriptApp.newTrigger('lockAndProps').timeBased().after(0).create().getUniqueId(); }
`;

const CELL_LIMIT =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

// Sheet.getLastRow/getLastColumn: "the position of the last row/column that has content"; an empty sheet
// has none (0). getDataRange: "the dimensions in which data is present", at least A1:
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getlastrow
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getdatarange
test('an empty sheet: getLastRow and getLastColumn are 0, getDataRange is A1 and reads one empty cell', () => {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: [] }] });
  const r = world.run('run', [
    ss.id,
    'var sh = ss.getSheetByName("A"); var d = sh.getDataRange();' +
      'return [sh.getLastRow(), sh.getLastColumn(), d.getA1Notation(), d.getValues()];',
  ]);
  expect(r).toMatchObject({ ok: true, value: [0, 0, 'A1', [['']]] });
});

test('columns inserted past the data widen the grid but not getLastColumn or getDataRange', () => {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [{ name: 'A', values: table(2, 3), maxRows: 10, maxColumns: 3 }],
  });
  const r = world.run('run', [
    ss.id,
    'var sh = ss.getSheetByName("A"); sh.insertColumnsAfter(3, 3);' +
      'return [sh.getMaxColumns(), sh.getLastColumn(), sh.getLastRow(), sh.getDataRange().getA1Notation(),' +
      ' sh.getRange(1, 4, 1, 3).getValues()];',
  ]);
  expect(r).toMatchObject({ ok: true, value: [6, 3, 3, 'A1:C3', [['', '', '']]] });
});

// insertColumnsAfter(afterPosition, howMany) on the last grid column adds columns at the end of the grid;
// the new empty cells count against the 10,000,000-cell limit (https://support.google.com/drive/answer/37603).
test('insertColumnsAfter the last grid column widens the grid, counted against the cell limit', () => {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [{ name: 'A', values: table(2, 68), maxRows: 147_000, maxColumns: 68 }],
  });
  expect(ss.totalCells()).toBe(9_996_000);
  const over = world.run('run', [ss.id, 'ss.getSheetByName("A").insertColumnsAfter(68, 3);']);
  expect(over).toMatchObject({ ok: false, error: { message: CELL_LIMIT } });
  expect(ss.sheet('A').maxColumns).toBe(68);
  const small = worldWith(code);
  const fits = small.createSpreadsheet({
    name: 'S',
    sheets: [{ name: 'A', values: table(2, 68), maxRows: 3, maxColumns: 68 }],
  });
  const r = small.run('run', [
    fits.id,
    'var sh = ss.getSheetByName("A"); sh.insertColumnsAfter(68, 3);' +
      'sh.getRange(1, 69, 1, 3).setValues([["x", "y", "z"]]); return [sh.getMaxColumns(), sh.getLastColumn()];',
  ]);
  expect(r).toMatchObject({ ok: true, value: [71, 71] });
  expect(fits.sheet('A').row(1).slice(66)).toEqual(['H67', 'H68', 'x', 'y', 'z']);
});

// Range.getValues: "Empty cells are represented by an empty string in the array"; date cells are Date objects:
// https://developers.google.com/apps-script/reference/spreadsheet/range#getvalues
test('getValues gives "" for empty cells and Date objects for date cells', () => {
  const world = worldWith(code);
  const when = new Date('2026-03-01T08:30:00.000Z');
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [
      {
        name: 'A',
        values: [
          ['a', null, when],
          ['', 3, ''],
        ],
      },
    ],
  });
  const r = world.run(
    'run',
    [
      ss.id,
      'var v = ss.getSheetByName("A").getRange(1, 1, 3, 3).getValues();' +
        'return [v, Object.prototype.toString.call(v[0][2]), v[0][2] instanceof Date];',
    ],
    { via: 'menu' },
  );
  expect(r.ok).toBe(true);
  const [values, tag, realm] = (r as { value: [unknown[][], string, boolean] }).value;
  expect(values[0][0]).toBe('a');
  expect(values[0][1]).toBe('');
  expect((values[0][2] as Date).toISOString()).toBe(when.toISOString());
  expect(values[1]).toEqual(['', 3, '']);
  expect(values[2]).toEqual(['', '', '']);
  expect([tag, realm]).toEqual(['[object Date]', true]);
});

// LockService.getDocumentLock / PropertiesService.getDocumentProperties return null outside a document
// context (https://developers.google.com/apps-script/reference/lock/lock-service#getdocumentlock). The
// emulator treats a time-driven trigger an add-on created from a document as running for that document (its
// getTriggerSourceId), so both are available there; a run with no document gets null.
test('document lock and properties: null with no document; available in a trigger created from a document', () => {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: table(1, 1) }] });
  expect(world.call('lockAndProps', [])).toEqual([true, true, null]);
  expect(world.call('lockAndProps', [], { activeSpreadsheet: ss.id })).toEqual([false, false, true]);
  world.call('schedule', [], { activeSpreadsheet: ss.id });
  world.lockHeldElsewhere(ss.id, true);
  const [r] = world.runDueTriggers();
  expect(r).toMatchObject({ ok: true, value: [false, false, false] });
});

// File.makeCopy(name, destination) "Creates a copy of the file in the destination directory" and returns the
// new File: https://developers.google.com/apps-script/reference/drive/file#makecopyname,-destination
test('makeCopy(name, folder) returns the new File, in that folder, openable as a spreadsheet', () => {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({ name: 'ZEUES', sheets: [{ name: 'A', values: table(2, 2) }] });
  const folder = world.drive.createFolder('Backups');
  const r = world.run('run', [
    '',
    `var f = DriveApp.getFileById(${JSON.stringify(ss.id)}).makeCopy('Backup', DriveApp.getFolderById(${JSON.stringify(folder.id)}));` +
      'var parents = f.getParents(); var p = parents.next().getId();' +
      'return [f.getId(), f.getName(), p, SpreadsheetApp.openById(f.getId()).getSheetByName("A").getRange("A2").getValue()];',
  ]);
  expect(r.ok).toBe(true);
  const [id, name, parent, a2] = (r as { value: [string, string, string, unknown] }).value;
  expect(id).not.toBe(ss.id);
  expect([name, parent, a2]).toEqual(['Backup', folder.id, 'r2c1']);
});

// Properties: 9 KB per value (https://developers.google.com/apps-script/guides/services/quotas), counted in
// UTF-8 bytes, as measured in https://tanaikech.github.io/2023/05/22/report-specification-of-properties-service-for-google-apps-script/
// (the emulator keeps the documented 9 KB, stricter than that measurement; see emulator/README.md).
test('a property value is limited to 9 KB of UTF-8 bytes, not characters; setProperties is all or nothing', () => {
  const world = worldWith(code);
  const quota = 'You have exceeded the property storage quota. Please remove some properties and try again.';
  const p = 'var p = PropertiesService.getScriptProperties();';
  expect(world.run('run', ['', `${p} p.setProperty('accents', 'é'.repeat(4608));`]).ok).toBe(true);
  expect(world.run('run', ['', `${p} p.setProperty('accents', 'é'.repeat(4609));`])).toMatchObject({
    ok: false,
    error: { message: quota },
  });
  expect(world.scriptProperties().accents).toHaveLength(4608);
  const partial = world.run('run', [
    '',
    `${p} p.setProperties({ small: 'ok', big: 'x'.repeat(9 * 1024 + 1) });`,
  ]);
  expect(partial).toMatchObject({ ok: false, error: { message: quota } });
  expect(Object.keys(world.scriptProperties())).toEqual(['accents']);
});
