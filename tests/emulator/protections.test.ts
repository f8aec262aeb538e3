import { PROTECTED_EDIT } from '../../emulator';
import { worldWith } from './support/bundle';

// Protected sheets and ranges, as the Protection reference describes them:
// https://developers.google.com/apps-script/reference/spreadsheet/protection
// - Sheet.protect(): until the script changes the editor list, "the permissions mirror those of the spreadsheet
//   itself, which effectively means that the sheet remains unprotected"; "If the sheet is already protected,
//   this method returns an object representing its existing protection settings."
//   (https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect)
// - canEdit(): "The spreadsheet owner is always able to edit protected ranges and sheets."
// - removeEditors(): "Neither the owner of the spreadsheet nor the current user can be removed."
// - setDomainEdit(): "Throws an exception if the spreadsheet does not belong to a Google Workspace domain (that
//   is, if it is owned by a gmail.com account)" (the message is assumed).
// - setWarningOnly(true): "every user can edit data in the area, except editing prompts a warning".
// - A refused edit: "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to
//   remove protection if you need to edit." (the Sheets API's message, quoted in
//   theoephraim/node-google-spreadsheet#20; Apps Script's wording assumed the same).
// Protected ranges follow inserted columns and rows as in the Sheets editor (assumed for scripts).

const APP = 'app@zeues.example';

const code = `
  function run(id, src) { var ss = SpreadsheetApp.openById(id); return (new Function('ss', src))(ss); }
  function freeze(id) {
    var sheet = SpreadsheetApp.openById(id).getSheetByName('Ops');
    var p = sheet.protect().setDescription('migration freeze');
    var me = Session.getEffectiveUser();
    p.addEditor(me);
    p.removeEditors(p.getEditors());
    if (p.canDomainEdit()) p.setDomainEdit(false);
    return p.getEditors().map(function (u) { return u.getEmail(); });
  }
  function unfreeze(id) {
    var ps = SpreadsheetApp.openById(id).getProtections(SpreadsheetApp.ProtectionType.SHEET);
    var n = 0;
    for (var i = 0; i < ps.length; i++) {
      if (ps[i].getDescription() === 'migration freeze' && ps[i].canEdit()) { ps[i].remove(); n++; }
    }
    return n;
  }
`;

function setup(spec: { owner?: string } = {}) {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'ZEUES',
    editors: [APP],
    ...spec,
    sheets: [
      {
        name: 'Ops',
        values: [
          ['TAG', 'Estado'],
          ['S-1', 'libre'],
        ],
      },
      { name: 'Metadata', values: [['evento']] },
    ],
  });
  const run = (src: string) => world.run('run', [ss.id, src]);
  return { world, ss, app: world.as(APP), run };
}

test('a sheet protected with the owner as only editor refuses other users; the owner writes; remove() ends it', () => {
  const { world, ss, app, run } = setup();
  const editors = world.call('freeze', [ss.id]);
  expect(editors).toEqual(['owner@example.com']);
  expect(ss.protections()).toEqual([
    {
      type: 'SHEET',
      sheet: 'Ops',
      range: null,
      description: 'migration freeze',
      editors: ['owner@example.com'],
      warningOnly: false,
    },
  ]);
  expect(() => app.setValues(ss.id, 'Ops!B2', [['MR(93)']])).toThrow(PROTECTED_EDIT);
  expect(() => app.appendRow(ss.id, 'Ops', ['S-2', 'libre'])).toThrow(PROTECTED_EDIT);
  expect(world.otherWrites.map((w) => w.error)).toEqual([PROTECTED_EDIT, PROTECTED_EDIT]);
  // other sheets stay writable
  app.appendRow(ss.id, 'Metadata', ['scan']);
  // the owner's script writes pass, structure changes too
  expect(
    run('var s = ss.getSheetByName("Ops"); s.getRange("B2").setValue("x"); s.insertColumnsAfter(2, 1);').ok,
  ).toBe(true);
  expect(world.call('unfreeze', [ss.id])).toBe(1);
  expect(ss.protections()).toEqual([]);
  app.setValues(ss.id, 'Ops!B2', [['MR(93)']]);
  expect(ss.sheet('Ops').values()[1][1]).toBe('MR(93)');
});

test('a fresh protection mirrors the spreadsheet sharing: it protects nothing until its editors change', () => {
  const { ss, app, run } = setup();
  const r = run(
    'var p = ss.getSheetByName("Ops").protect(); return p.getEditors().map(function (u) { return u.getEmail(); });',
  );
  expect(r.ok && r.value).toEqual(['owner@example.com', APP]);
  expect(ss.protections()[0].editors).toBeNull();
  app.setValues(ss.id, 'Ops!B2', [['MR(93)']]);
  expect(ss.sheet('Ops').values()[1][1]).toBe('MR(93)');
});

test('protect() on a protected sheet returns its existing protection; getProtections filters by type', () => {
  const { run } = setup();
  const r = run(`
    var sh = ss.getSheetByName("Ops");
    sh.protect().setDescription("first");
    var again = sh.protect().getDescription();
    sh.getRange("A1:B1").protect().setDescription("header");
    var T = SpreadsheetApp.ProtectionType;
    return [again, sh.getProtections(T.SHEET).length, sh.getProtections(T.RANGE).length,
            ss.getProtections(T.RANGE)[0].getRange().getA1Notation(),
            ss.getProtections(T.SHEET)[0].getProtectionType().toString(),
            ss.getSheetByName("Metadata").getProtections(T.SHEET).length];
  `);
  expect(r.ok && r.value).toEqual(['first', 1, 1, 'A1:B1', 'SHEET', 0]);
});

test('a protected range guards only its cells, and follows inserted columns', () => {
  const { ss, app, run } = setup();
  expect(
    run(`var p = ss.getSheetByName("Ops").getRange("B1:B2").protect();
         p.removeEditors(["${APP}"]); return p.canEdit();`),
  ).toMatchObject({ ok: true, value: true });
  app.setValues(ss.id, 'Ops!A2', [['S-9']]);
  expect(() => app.setValues(ss.id, 'Ops!A1:B1', [['TAG', 'Est']])).toThrow(PROTECTED_EDIT);
  expect(run('ss.getSheetByName("Ops").insertColumnsBefore(1, 2);').ok).toBe(true);
  expect(ss.protections()[0].range).toBe('D1:D2');
  app.setValues(ss.id, 'Ops!B2', [['free now']]);
  expect(() => app.setValues(ss.id, 'Ops!D2', [['x']])).toThrow(PROTECTED_EDIT);
});

test('warning-only protection lets everyone edit; unprotected ranges of a protected sheet stay open', () => {
  const { ss, app, run } = setup();
  run(`var sh = ss.getSheetByName("Ops"); var p = sh.protect(); p.removeEditors(["${APP}"]);
       p.setUnprotectedRanges([sh.getRange("B2:B10")]);`);
  app.setValues(ss.id, 'Ops!B2', [['open']]);
  expect(() => app.setValues(ss.id, 'Ops!A2', [['x']])).toThrow(PROTECTED_EDIT);
  run('ss.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].setWarningOnly(true);');
  app.setValues(ss.id, 'Ops!A2', [['warned']]);
  expect(ss.sheet('Ops').values()[1]).toEqual(['warned', 'open']);
});

test('neither the owner nor the current user can be removed; domain edit is refused on a consumer account', () => {
  const { run } = setup();
  const r = run(`var p = ss.getSheetByName("Ops").protect();
     p.removeEditors(["owner@example.com", "${APP}"]);
     var left = p.getEditors().map(function (u) { return u.getEmail(); });
     var domain = p.canDomainEdit();
     try { p.setDomainEdit(false); return [left, domain, 'no error']; } catch (e) { return [left, domain, e.message]; }`);
  expect(r.ok && r.value).toEqual([
    ['owner@example.com'],
    false,
    'This spreadsheet does not belong to a Google Workspace domain, so domain edit access cannot be set.',
  ]);
});

test('a script whose user is neither owner nor editor of a protection cannot write there, nor change it', () => {
  // the app's account owns the spreadsheet, shared with the script's user, and protected the sheet for itself
  const { world, ss } = setup({ owner: APP });
  ss.addEditor('owner@example.com');
  ss.protect('Ops', { editors: [APP], description: 'app only' });
  const r = world.run('run', [
    ss.id,
    `var p = ss.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
     var out = [p.canEdit()];
     try { p.remove(); out.push('removed'); } catch (e) { out.push(e.message); }
     try { ss.getSheetByName("Ops").getRange("B2").setValue("x"); out.push('written'); } catch (e) { out.push(e.message); }
     ss.getSheetByName("Metadata").getRange("A2").setValue("elsewhere is fine");
     return out;`,
  ]);
  expect(r.ok && r.value).toEqual([false, PROTECTED_EDIT, PROTECTED_EDIT]);
  expect(ss.protections()).toHaveLength(1);
  expect(ss.sheet('Ops').values()[1][1]).toBe('libre');
  expect(ss.sheet('Metadata').values()[1][0]).toBe('elsewhere is fine');
});

test('a write by another user refused during an execution is logged; the execution goes on', () => {
  const { world, ss, app } = setup();
  world.call('freeze', [ss.id]);
  const r = world.run(
    'run',
    [ss.id, 'var s = ss.getSheetByName("Ops"); s.getLastRow(); return s.getRange("B2").getValue();'],
    {
      beforeCall: { 3: () => app.setValues(ss.id, 'Ops!B2', [['MR(93)']]) },
    },
  );
  expect(r.ok && r.value).toBe('libre');
  expect(r.interleaved).toMatchObject([{ beforeCall: 3, user: APP, range: 'B2', error: PROTECTED_EDIT }]);
});

test('a copy of the spreadsheet keeps its protections and belongs to whoever copied it (assumed)', () => {
  const { world, ss } = setup({ owner: APP });
  ss.protect('Ops', { editors: [APP], range: 'A1:B1' });
  const copyId = world.call('run', [
    ss.id,
    'return DriveApp.getFileById(ss.getId()).makeCopy("backup").getId();',
  ]);
  const copy = world.spreadsheet(copyId as string);
  expect(copy.owner).toBe('owner@example.com');
  expect(copy.editors).toEqual([]);
  expect(copy.protections()).toMatchObject([{ type: 'RANGE', range: 'A1:B1', editors: [APP] }]);
});
