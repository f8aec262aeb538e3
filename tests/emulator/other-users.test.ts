import { worldWith } from './support/bundle';

// Other users write while the add-on runs. Apps Script gives a script no isolation from other editors: a
// read returns the sheet as it is at that moment, so a write by someone else between two calls is seen by the
// next read (the only guard is a lock the other writer also takes:
// https://developers.google.com/apps-script/reference/lock/lock-service). The app's writes are taken as typed
// input, like Range.setValues (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object));
// that the ZEUES app writes user-entered values is assumed.

const APP = 'app@zeues.example';

const code = `
  function readTwice(id) {
    var sh = SpreadsheetApp.openById(id).getSheetByName('Ops');
    var before = sh.getRange('B2').getValue();
    var after = sh.getRange('B2').getValue();
    return [before, after, sh.getLastRow()];
  }
  function lastRow(id) { return SpreadsheetApp.openById(id).getSheetByName('Ops').getLastRow(); }
`;

function setup() {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'ZEUES',
    editors: [APP],
    sheets: [
      {
        name: 'Ops',
        values: [
          ['TAG', 'Estado'],
          ['S-1', 'libre'],
          ['S-2', 'libre'],
        ],
      },
    ],
  });
  return { world, ss, app: world.as(APP) };
}

test('between executions: another user writes values (as typed), formulas and appended rows', () => {
  const { world, ss, app } = setup();
  app.setValues(ss.id, 'Ops!B2:B3', [['MR(93)'], ['42']]);
  app.setFormulas(ss.id, 'Ops!C2', [['=LEN(B2)']]);
  app.appendRow(ss.id, 'Ops', ['S-3', 'ocupado']);
  const sheet = ss.sheet('Ops');
  expect(sheet.values()).toEqual([
    ['TAG', 'Estado', ''],
    ['S-1', 'MR(93)', ''],
    ['S-2', 42, ''],
    ['S-3', 'ocupado', ''],
  ]);
  expect(sheet.formulas()[1][2]).toBe('=LEN(B2)');
  expect(world.otherWrites.map((w) => [w.kind, w.range, w.cells, w.beforeCall])).toEqual([
    ['setValues', 'B2:B3', 2, null],
    ['setFormulas', 'C2', 1, null],
    ['appendRow', 'A4:B4', 2, null],
  ]);
  expect(world.otherWrites[0]).toMatchObject({ user: APP, sheet: 'Ops', at: '2026-11-24T12:00:00.000Z' });
  expect(world.totals.executions).toBe(0);
});

test('before call k of an execution: the script sees the write from that call on; it is counted apart', () => {
  const { world, ss, app } = setup();
  // calls: 1 openById, 2 getValue (B2), 3 getValue (B2), 4 getLastRow
  const r = world.run('readTwice', [ss.id], {
    beforeCall: {
      3: () => app.setValues(ss.id, 'Ops!B2', [['MR(93)']]),
      4: () => app.appendRow(ss.id, 'Ops', ['S-3', 'libre']),
    },
  });
  expect(r.ok && r.value).toEqual(['libre', 'MR(93)', 4]);
  expect(r.interleaved?.map((w) => [w.beforeCall, w.kind, w.range])).toEqual([
    [3, 'setValues', 'B2'],
    [4, 'appendRow', 'A4:B4'],
  ]);
  expect(r.stats.cellsWritten).toBe(0);
  expect(world.totals.cellsWritten).toBe(0);
  // the write happens at the execution's virtual time, after its first calls were charged
  expect(Date.parse(r.interleaved![0].at)).toBeGreaterThan(Date.parse('2026-11-24T12:00:00.000Z'));
});

test('a hook for a call the execution never reaches does nothing', () => {
  const { world, ss, app } = setup();
  const r = world.run('lastRow', [ss.id], {
    beforeCall: { 50: () => app.setValues(ss.id, 'Ops!B2', [['x']]) },
  });
  expect(r.ok && r.value).toBe(3);
  expect(r.interleaved).toEqual([]);
  expect(ss.sheet('Ops').values()[1][1]).toBe('libre');
});

test('mistakes in a test are clear errors that change nothing', () => {
  const { world, ss, app } = setup();
  expect(() => app.setValues(ss.id, 'B2', [['x']])).toThrow(
    "name the sheet in the range, e.g. 'Sheet!A2:C3'",
  );
  expect(() => app.setValues(ss.id, 'Nope!B2', [['x']])).toThrow('has no sheet "Nope" (has: Ops)');
  expect(() => app.setValues(ss.id, 'Ops!B2:B3', [['x']])).toThrow('Ops!B2:B3 is 2x1, the data 1x1');
  expect(() => world.as('stranger@example.com').setValues(ss.id, 'Ops!B2', [['x']])).toThrow(
    'stranger@example.com cannot edit "ZEUES": share it first',
  );
  expect(() =>
    world.run('lastRow', [ss.id], { beforeCall: { 1: () => app.appendRow(ss.id, 'Missing', ['x']) } }),
  ).toThrow('a beforeCall hook failed:');
  expect(ss.sheet('Ops').values()).toEqual([
    ['TAG', 'Estado'],
    ['S-1', 'libre'],
    ['S-2', 'libre'],
  ]);
  expect(world.otherWrites).toEqual([]);
});

test('an input over 50,000 characters is refused with the platform message and logged', () => {
  const { world, ss, app } = setup();
  expect(() => app.setValues(ss.id, 'Ops!B2', [['x'.repeat(50_001)]])).toThrow(
    'Your input contains more than the maximum of 50000 characters in a single cell.',
  );
  expect(world.otherWrites[0].error).toBe(
    'Your input contains more than the maximum of 50000 characters in a single cell.',
  );
  expect(ss.sheet('Ops').values()[1][1]).toBe('libre');
});
