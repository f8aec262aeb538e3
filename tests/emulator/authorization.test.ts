import { table, worldWith } from './support/bundle';

// Authorization modes of editor add-ons: in AuthMode.NONE (onOpen before the add-on is used in the document)
// only menus and the active document's handle are available; services needing authorization throw.
// https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
// The error text is the platform's "You do not have permission to call X. Required permissions: <scope>".

const code = `
  function onOpen(e) {
    SpreadsheetApp.getUi().createAddonMenu().addItem('Start migration', 'startFromMenu').addToUi();
    return String(e && e.authMode) + ':' + (SpreadsheetApp.getActiveSpreadsheet() !== null);
  }
  function props() { return PropertiesService.getDocumentProperties().getProperty('x'); }
  function drive() { return DriveApp.getRootFolder().getName(); }
  function open(id) { return SpreadsheetApp.openById(id).getName(); }
  function trigger() { return ScriptApp.newTrigger('f').timeBased().after(1000).create().getUniqueId(); }
  function readActive() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).getValue(); }
`;

function setup() {
  const world = worldWith(code);
  const ss = world.createSpreadsheet({
    name: 'ZEUES',
    sheets: [{ name: 'Operaciones', values: table(2, 2) }],
  });
  return { world, ss };
}

test('onOpen in AuthMode.NONE can add the add-on menu and get the active spreadsheet', () => {
  const { world, ss } = setup();
  const r = world.open(ss.id);
  expect(r).toMatchObject({ ok: true, value: 'NONE:true' });
  expect(world.ui.menus).toEqual([
    { name: 'Add-on', addon: true, items: [{ caption: 'Start migration', functionName: 'startFromMenu' }] },
  ]);
});

test('in AuthMode.NONE properties, Drive, openById and triggers throw the authorization error', () => {
  const { world, ss } = setup();
  const opts = { authMode: 'NONE' as const, activeSpreadsheet: ss.id, via: 'menu' as const };
  expect(world.run('props', [], opts)).toMatchObject({
    ok: false,
    error: { message: 'You do not have permission to call PropertiesService.getDocumentProperties.' },
  });
  expect(world.run('drive', [], opts)).toMatchObject({
    ok: false,
    error: {
      message:
        'You do not have permission to call DriveApp.getRootFolder. Required permissions: https://www.googleapis.com/auth/drive',
    },
  });
  expect(world.run('open', [ss.id], opts)).toMatchObject({
    ok: false,
    error: {
      message:
        'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    },
  });
  expect(world.run('trigger', [], opts).ok).toBe(false);
  expect(world.run('readActive', [], opts)).toMatchObject({
    ok: false,
    error: { message: /You do not have permission to call Sheet/ },
  });
  expect(world.triggers()).toEqual([]);
});

test('AuthMode.LIMITED reaches the active document but not other files', () => {
  const { world, ss } = setup();
  const opts = { authMode: 'LIMITED' as const, activeSpreadsheet: ss.id };
  expect(world.run('readActive', [], opts)).toMatchObject({ ok: true, value: 'H1' });
  expect(world.run('props', [], opts)).toMatchObject({ ok: true, value: null });
  expect(world.run('drive', [], opts).ok).toBe(false);
  expect(world.run('open', [ss.id], opts).ok).toBe(false);
});

test('AuthMode.FULL (the default) reaches everything', () => {
  const { world, ss } = setup();
  expect(world.call('open', [ss.id])).toBe('ZEUES');
  expect(world.call('drive')).toBe('My Drive');
});
