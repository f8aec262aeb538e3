import { table, worldWith } from './support/bundle';

// DriveApp, File, Folder: https://developers.google.com/apps-script/reference/drive/drive-app
// File.makeCopy(name, destination): https://developers.google.com/apps-script/reference/drive/file#makeCopy(String,Folder)

const code = `
  function run(src, a, b) { return (new Function('a', 'b', src))(a, b); }
`;

function setup() {
  const world = worldWith(code);
  const backups = world.drive.createFolder('Backups');
  const ss = world.createSpreadsheet({
    name: 'ZEUES',
    sheets: [{ name: 'Operaciones', values: table(3, 3) }],
  });
  const run = (src: string, a?: unknown, b?: unknown) => world.run('run', [src, a, b], { via: 'menu' });
  return { world, ss, backups, run };
}

test('makeCopy of a spreadsheet into a folder creates an independent spreadsheet openable by id', () => {
  const { world, ss, backups, run } = setup();
  ss.sheet('Operaciones');
  const r = run(
    `var copy = DriveApp.getFileById(a).makeCopy('ZEUES backup', DriveApp.getFolderById(b));
     var opened = SpreadsheetApp.openById(copy.getId());
     opened.getSheetByName('Operaciones').getRange(1, 1).setValue('changed in copy');
     return [copy.getName(), copy.getMimeType(), copy.getParents().next().getId(), opened.getName(), copy.getUrl()];`,
    ss.id,
    backups.id,
  );
  expect(r.ok).toBe(true);
  const [name, mime, parent, openedName, url] = (r.ok ? r.value : []) as string[];
  expect([name, mime, parent, openedName]).toEqual([
    'ZEUES backup',
    'application/vnd.google-apps.spreadsheet',
    backups.id,
    'ZEUES backup',
  ]);
  expect(url).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/ss-\d+\/edit$/);
  expect(ss.sheet('Operaciones').row(1)[0]).toBe('H1');
  const copyId = world.spreadsheetIds().find((id) => id !== ss.id) as string;
  expect(world.spreadsheet(copyId).sheet('Operaciones').row(1)[0]).toBe('changed in copy');
  expect(world.spreadsheet(copyId).sheet('Operaciones').values()[1]).toEqual(['r2c1', 'r2c2', 'r2c3']);
  expect(world.drive.files().map((f) => f.name)).toEqual(['ZEUES', 'ZEUES backup']);
});

test('makeCopy without a folder copies next to the original, named "Copy of ..."', () => {
  const { world, ss, run } = setup();
  run('DriveApp.getFileById(a).makeCopy();', ss.id);
  expect(world.drive.files()[1]).toMatchObject({ name: 'Copy of ZEUES', parentIds: ['root'] });
});

test('an unknown id throws the platform message', () => {
  const { run } = setup();
  const message =
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
  expect(run('DriveApp.getFileById("nope");')).toMatchObject({ ok: false, error: { message } });
  expect(run('DriveApp.getFolderById("nope");')).toMatchObject({ ok: false, error: { message } });
  expect(run('SpreadsheetApp.openById("nope");').ok).toBe(false);
});

test('a folder the user may not write to refuses new files and copies', () => {
  const { world, ss, backups, run } = setup();
  world.drive.setWritable(backups.id, false);
  expect(
    run('DriveApp.getFileById(a).makeCopy("x", DriveApp.getFolderById(b));', ss.id, backups.id),
  ).toMatchObject({
    ok: false,
    error: { message: 'Access denied: DriveApp.' },
  });
  expect(run('DriveApp.getFolderById(b).createFile("x.txt", "y");', ss.id, backups.id).ok).toBe(false);
  expect(world.drive.files()).toHaveLength(1);
});

test('text files: createFile, getBlob().getDataAsString, setContent, trash', () => {
  const { world, backups, run } = setup();
  const r = run(
    `var f = DriveApp.getFolderById(b).createFile('export.csv', 'row,key,old', 'text/csv');
     var before = f.getBlob().getDataAsString();
     f.setContent('changed');
     f.setTrashed(true);
     return [before, f.getBlob().getDataAsString(), f.isTrashed(), f.getMimeType(), f.getDateCreated().toISOString()];`,
    null,
    backups.id,
  );
  expect(r).toMatchObject({
    ok: true,
    value: ['row,key,old', 'changed', true, 'text/csv', '2026-11-24T12:00:00.000Z'],
  });
  expect(world.drive.files()[1]).toMatchObject({
    name: 'export.csv',
    trashed: true,
    content: 'changed',
    parentIds: [backups.id],
  });
});

test('folders: iterators over files and sub-folders skip trashed items', () => {
  const { backups, run } = setup();
  const r = run(
    `var f = DriveApp.getFolderById(b);
     f.createFile('a.txt', '1'); f.createFile('b.txt', '2').setTrashed(true); f.createFolder('sub');
     var names = []; var it = f.getFiles(); while (it.hasNext()) names.push(it.next().getName());
     var byName = f.getFilesByName('a.txt').hasNext();
     var subs = f.getFolders().next().getName();
     var root = DriveApp.getRootFolder().getFoldersByName('Backups').next().getId();
     return [names, byName, subs, root === b];`,
    null,
    backups.id,
  );
  expect(r).toMatchObject({ ok: true, value: [['a.txt'], true, 'sub', true] });
});

// Folder.isTrashed / setTrashed: https://developers.google.com/apps-script/reference/drive/folder#isTrashed()
// and https://developers.google.com/apps-script/reference/drive/folder#setTrashed(Boolean)
test('folders: isTrashed says whether a folder is in the trash; setTrashed moves it in and out', () => {
  const { world, backups, run } = setup();
  const r = run(
    `var f = DriveApp.getFolderById(b);
     var before = f.isTrashed(); f.setTrashed(true);
     var after = DriveApp.getFolderById(b).isTrashed();
     var listed = DriveApp.getRootFolder().getFoldersByName('Backups').hasNext();
     return [before, after, listed];`,
    null,
    backups.id,
  );
  expect(r).toMatchObject({ ok: true, value: [false, true, false] });
  expect(world.drive.folders().find((folder) => folder.id === backups.id)?.trashed).toBe(true);
  world.drive.setTrashed(backups.id, false);
  expect(run('return DriveApp.getFolderById(b).isTrashed();', null, backups.id)).toMatchObject({
    ok: true,
    value: false,
  });
});
