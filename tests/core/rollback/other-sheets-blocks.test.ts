// A full rollback's other sheets (v4.0's Metadata) at a size past one block read: the sheet, its formulas and
// the backup's copy are read in row blocks of at most MAX_BLOCK_CELLS cells, as the add-on reads any sheet, and
// the result is the one a single read gives: the added column removed, the appended events exported then removed,
// an edited event exported and written back from the backup.
import type { OtherSheetPlan } from '../../../src/core/baseline';
import type { CellValue } from '../../../src/core/ports';
import { MAX_BLOCK_CELLS } from '../../../src/core/rollback/blocks';
import { otherSheetNow, rollbackOtherSheet } from '../../../src/core/rollback/other-sheets';
import { FakeSheet, FakeWorld } from '../../support/rollback-fakes';
import { expectSameCells } from '../../support/same-cells';

const HEADERS = [
  'ID',
  'Fecha',
  'Evento',
  'TAG_SPOOL',
  'Trabajador',
  'Rol',
  'Estado',
  'Nota',
  'Origen',
  'Version',
];
/** Events at the migration: 10 columns x 110,000 rows is past one block of MAX_BLOCK_CELLS. */
const EVENTS = 110_000;
const APPENDED = 3;

function event(i: number): CellValue[] {
  return [
    `evt-${i}`,
    '01-12-2026 10:00:00',
    'INICIAR_ARM',
    `MK-${i % 900}`,
    'MR(93)',
    'Armador',
    'ok',
    '',
    'app',
    1,
  ];
}

function metadataSheet(rows: number, columns: number, events: (row: number) => CellValue[]): FakeSheet {
  const sheet = new FakeSheet('Metadata', rows, columns);
  for (let row = 1; row <= rows; row += 1) sheet.values[row - 1] = events(row).concat();
  return sheet;
}

test('reads past one block in blocks and rolls Metadata back as a single read would', () => {
  expect(HEADERS.length * (EVENTS + 1)).toBeGreaterThan(MAX_BLOCK_CELLS);
  const world = new FakeWorld();
  const ss = world.createSpreadsheet('ZEUES', 'root');
  const backup = world.createSpreadsheet('ZEUES (v4.0 backup)', 'root');
  const rows = EVENTS + 1;
  backup.sheets.push(metadataSheet(rows, 10, (row) => (row === 1 ? HEADERS : event(row - 1))));
  // now: N_UNION added at K, an event edited, and three events appended since (the grid grew with them)
  ss.sheets.push(
    metadataSheet(rows + APPENDED, 11, (row) =>
      row === 1 ? [...HEADERS, 'N_UNION'] : [...event(row - 1), row % 7 === 0 ? 'U-1' : ''],
    ),
  );
  const now = ss.sheet('Metadata');
  now.values[99_999][2] = 'COMPLETAR_ARM';
  const plan: OtherSheetPlan = {
    sheet: 'Metadata',
    existed: true,
    last_row: rows,
    last_column: 10,
    max_rows: rows,
    max_columns: 10,
    headers: HEADERS,
    ensure_missing: [],
    present: [],
    to_add: ['N_UNION'],
    insert_after: 10,
  };
  const services = world.services(ss.id);
  const spreadsheet = services.spreadsheets.active()!;
  const outcome = rollbackOtherSheet(
    services.drive,
    spreadsheet,
    plan,
    otherSheetNow(spreadsheet, 'Metadata'),
    {
      nowIso: '2026-11-24T12:00:00.000Z',
      mode: 'full',
      folderId: 'root',
      exportName: 'ZEUES - v4.0 rollback export',
      migrationRunId: 'v4.0-run',
      rollbackRunId: 'v4.0-rollback',
      headerRow: 1,
      appendOnly: ['Metadata'],
      backupSheet: (name) => services.spreadsheets.open(backup.id).sheet(name),
    },
  );

  expect(world.largestRead).toBeGreaterThan(0);
  expect(world.largestRead).toBeLessThanOrEqual(MAX_BLOCK_CELLS);
  expect(outcome).toMatchObject({
    removed_columns: ['N_UNION'],
    removed_rows: APPENDED,
    restored_rows: 1,
  });
  expect([now.maxRows, now.maxColumns]).toEqual([rows, 10]);
  expectSameCells(now.values, backup.sheet('Metadata').values);
  const exported = JSON.parse(world.files.get(outcome.exported?.file_id ?? '')?.content ?? 'null') as {
    cells: { row: number; column: string; value: CellValue }[];
  };
  const cells = exported.cells;
  for (let i = 1; i <= APPENDED; i += 1) {
    expect(cells).toContainEqual(
      expect.objectContaining({ row: rows + i, column: 'ID', value: `evt-${EVENTS + i}` }),
    );
  }
  expect(cells).toContainEqual({ row: 100_000, key: '', column: 'Evento', value: 'COMPLETAR_ARM' });
  expect(cells.filter((cell) => cell.column === 'N_UNION')).toHaveLength(
    Array.from({ length: rows + APPENDED - 1 }, (_, i) => i + 2).filter((row) => row % 7 === 0).length,
  );
});
