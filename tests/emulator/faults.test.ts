import { table, worldWith } from './support/bundle';

// Fault injection: any execution can die between two service calls (timeout, quota, closed tab).
// failAt.call counts like stats.roundTrips (handle getters and Utilities/Logger are not counted).

const code = `
  function write(id) {
    var sh = SpreadsheetApp.openById(id).getSheetByName('A');   // round trip 1 (+ a handle getter)
    sh.getRange(1, 1).setValue('one');                          // round trip 2
    PropertiesService.getScriptProperties().setProperty('k', 'v'); // 3 (getScriptProperties), 4 (setProperty)
    sh.getRange(2, 1).setValue('two');                          // 5
    return 'done';
  }
  function swallow(id) {
    try { write(id); } catch (e) { return 'caught ' + e.message; }
    return 'finished';
  }
`;

function setup() {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: table(3, 2) }] });
  return { world, ss };
}

test('the Nth round trip throws; effects of earlier calls stay, later ones never happen', () => {
  const { world, ss } = setup();
  const r = world.run('write', [ss.id], { failAt: { call: 4, message: 'Service unavailable: Properties' } });
  expect(r).toMatchObject({ ok: false, error: { message: 'Service unavailable: Properties' } });
  expect(r.stats.roundTrips).toBe(4);
  expect(ss.sheet('A').row(1)[0]).toBe('one');
  expect(world.scriptProperties()).toEqual({});
  expect(ss.sheet('A').values()[1][0]).toBe('r2c1');
});

test('an injected crash ends the execution even when the code catches the error', () => {
  const { world, ss } = setup();
  const r = world.run('swallow', [ss.id], { failAt: { call: 2 } });
  expect(r).toMatchObject({
    ok: false,
    error: { message: 'Injected failure at service call 2 (Range.setValue)' },
  });
  expect(ss.sheet('A').row(1)[0]).toBe('H1');
});

test('a catchable injected error can be handled by the code', () => {
  const { world, ss } = setup();
  const r = world.run('swallow', [ss.id], { failAt: { call: 2, message: 'boom', catchable: true } });
  expect(r).toMatchObject({ ok: true, value: 'caught boom' });
});

test('without failAt the same execution completes', () => {
  const { world, ss } = setup();
  expect(world.run('write', [ss.id])).toMatchObject({ ok: true, value: 'done' });
  expect(world.run('write', [ss.id]).stats.roundTrips).toBe(5);
});

// A damaged copy (World.damageCopies) simulates a fault: Drive documents no such behaviour. File.makeCopy
// (https://developers.google.com/apps-script/reference/drive/file#makeCopy(String,Folder)) gives an exact copy;
// the fault lets a test give the add-on a copy that is not, so that its backup check can be seen to catch one.
test('damageCopies: each copy made from then on goes through the damage (numbered), never the original', () => {
  const world = worldWith(`
    function copy(id) { return DriveApp.getFileById(id).makeCopy('backup').getId(); }
  `);
  const ss = world.createSpreadsheet({ name: 'S', sheets: [{ name: 'A', values: table(3, 2) }] });
  world.damageCopies((copy, nth) => copy.sheet('A').setValues(2, 1, [[`damaged ${nth}`]]));
  const first = world.call('copy', [ss.id], { via: 'menu' }) as string;
  const second = world.call('copy', [ss.id], { via: 'menu' }) as string;
  world.damageCopies(null);
  const third = world.call('copy', [ss.id], { via: 'menu' }) as string;
  expect(world.spreadsheet(first).sheet('A').values()[1][0]).toBe('damaged 1');
  expect(world.spreadsheet(second).sheet('A').values()[1][0]).toBe('damaged 2');
  expect(world.spreadsheet(third).sheet('A').values()[1][0]).toBe('r2c1');
  expect(ss.sheet('A').values()[1][0]).toBe('r2c1');
});
