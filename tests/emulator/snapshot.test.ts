import { World } from '../../emulator';
import { bundle, table } from './support/bundle';

// world.snapshot(): a JSON-comparable description of the world, so a world after injected failures can be
// compared with a clean run's. Ids are deterministic: two worlds built the same way hand out the same ids.

const code = `
  function migrate(id, folder) {
    var ss = SpreadsheetApp.openById(id);
    DriveApp.getFileById(id).makeCopy('backup', DriveApp.getFolderById(folder));
    var sh = ss.getSheetByName('A');
    sh.insertColumnsAfter(3, 1);
    sh.getRange(1, 4).setValue('version');
    ss.addDeveloperMetadata('schema_version', '3.0');
    PropertiesService.getDocumentProperties().setProperty('migration.state', 'done');
  }
`;

function build() {
  const world = new World({ distDir: bundle({ 'Code.js': code }) });
  const folder = world.drive.createFolder('Backups');
  const ss = world.createSpreadsheet({
    name: 'S',
    sheets: [{ name: 'A', values: [...table(2, 3), [new Date(0), 1, true]] }],
  });
  return { world, folder, ss };
}

test('two worlds built and run the same way have equal snapshots and ids', () => {
  const a = build();
  const b = build();
  a.world.call('migrate', [a.ss.id, a.folder.id], { activeSpreadsheet: a.ss.id });
  b.world.call('migrate', [b.ss.id, b.folder.id], { activeSpreadsheet: b.ss.id });
  expect(a.ss.id).toBe(b.ss.id);
  expect(JSON.parse(JSON.stringify(a.world.snapshot()))).toEqual(
    JSON.parse(JSON.stringify(b.world.snapshot())),
  );
});

test('the snapshot describes sheets, metadata, Drive, properties and triggers', () => {
  const { world, folder, ss } = build();
  world.call('migrate', [ss.id, folder.id], { activeSpreadsheet: ss.id });
  const snap = world.snapshot({ times: false });
  expect(snap.spreadsheets).toHaveLength(2);
  expect(snap.spreadsheets[0].sheets[0].values[0]).toEqual(['H1', 'H2', 'H3', 'version']);
  expect(snap.spreadsheets[0].sheets[0].values[3]).toEqual([
    { date: '1970-01-01T00:00:00.000Z' },
    1,
    true,
    '',
  ]);
  expect(snap.spreadsheets[1].sheets[0].values[0]).toEqual(['H1', 'H2', 'H3']);
  expect(snap.spreadsheets[0].metadata).toEqual([
    { key: 'schema_version', value: '3.0', visibility: 'DOCUMENT', location: { type: 'SPREADSHEET' } },
  ]);
  expect(snap.drive.map((d) => [d.name, d.parents])).toEqual([
    ['My Drive', []],
    ['Backups', ['root']],
    ['S', ['root']],
    ['backup', [folder.id]],
  ]);
  expect(snap.properties.documents).toEqual({ [ss.id]: { 'migration.state': 'done' } });
  expect(snap.triggers).toEqual([]);
  expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
});

test('a failed run leaves a different snapshot than a clean one', () => {
  const clean = build();
  const crashed = build();
  clean.world.call('migrate', [clean.ss.id, clean.folder.id], { activeSpreadsheet: clean.ss.id });
  const r = crashed.world.run('migrate', [crashed.ss.id, crashed.folder.id], {
    activeSpreadsheet: crashed.ss.id,
    failAt: { call: 6 },
  });
  expect(r.ok).toBe(false);
  expect(crashed.world.snapshot({ times: false })).not.toEqual(clean.world.snapshot({ times: false }));
});
