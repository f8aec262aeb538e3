// A full rollback cuts the grid back to the backup's size: rows the app appended below the backup's grid go with
// it, so they are exported first, whether appended before the rollback started or between its export and the
// restore (another execution). Nothing written since the migration is lost.
import { SHEET, columnOf, migratedWorld, valuesBesideFormulas } from '../support/rollback-bundle';

interface Cell {
  row: number;
  key: string;
  column: string;
  value: unknown;
}

const FULL = { mode: 'full', confirm: true };

function exportedCells(world: ReturnType<typeof migratedWorld>['world']): Cell[] {
  return world.drive
    .files()
    .filter((file) => file.name.includes('rollback export') && !file.trashed)
    .flatMap((file) => (JSON.parse(file.content ?? '{}') as { cells: Cell[] }).cells);
}

/** Two rows as the app appends them: a key, a client and an occupation. */
function appendSpools(f: ReturnType<typeof migratedWorld>, tags: string[]): number[] {
  const sheet = f.ss.sheet(SHEET);
  const headers = sheet.row(1);
  const rows: number[] = [];
  for (const tag of tags) {
    const line: unknown[] = headers.map(() => '');
    line[columnOf(f.ss, 'TAG_SPOOL') - 1] = tag;
    line[columnOf(f.ss, 'Cliente') - 1] = `Cliente ${tag}`;
    line[columnOf(f.ss, 'Ocupado_Por') - 1] = 'MR(93)';
    sheet.appendRow(line);
    rows.push(sheet.lastRow);
  }
  return rows;
}

function expectExported(cells: Cell[], rows: number[], tags: string[]): void {
  rows.forEach((row, i) => {
    expect(cells).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row, key: tags[i], column: 'TAG_SPOOL', value: tags[i] }),
        expect.objectContaining({ row, key: tags[i], column: 'Cliente', value: `Cliente ${tags[i]}` }),
        expect.objectContaining({ row, key: tags[i], column: 'Ocupado_Por', value: 'MR(93)' }),
      ]),
    );
  });
}

describe('a full rollback with rows appended below the backup grid', () => {
  it('appended before the rollback starts: exported, then the sheet is the backup again', () => {
    const f = migratedWorld(30);
    const tags = ['NEW-0001', 'NEW-0002'];
    const rows = appendSpools(f, tags);
    expect(rows[0]).toBeGreaterThan(f.original.maxRows);
    const report = f.world.call('rollbackMigration', [FULL], f.as);
    expect(report).toMatchObject({ success: true, errors: [] });
    expectExported(exportedCells(f.world), rows, tags);
    const sheet = f.ss.sheet(SHEET);
    expect(sheet.maxRows).toBe(f.original.maxRows);
    expect(valuesBesideFormulas(sheet.values(), sheet.formulas())).toEqual(
      valuesBesideFormulas(f.original.values, f.original.formulas),
    );
  });

  it('appended between the export and the restore (the rollback resumed later): exported before the cut', () => {
    let checked = 0;
    for (const phase of ['remove_columns', 'restore_grid']) {
      let found = false;
      for (let n = 1; n < 120 && !found; n += 1) {
        const f = migratedWorld(30);
        const dead = f.world.run('rollbackMigration', [FULL], { ...f.as, failAt: { call: n } });
        const state = f.world.documentProperties(f.ss.id)['rollback.state'];
        if (dead.ok || !state || (JSON.parse(state) as { phase: string }).phase !== phase) continue;
        found = true;
        const before = exportedCells(f.world);
        const tags = [`LATE-${phase}-1`, `LATE-${phase}-2`];
        const sheet = f.ss.sheet(SHEET);
        // After remove_columns the app's columns are gone: it appends what the sheet has.
        const rows =
          phase === 'remove_columns'
            ? appendSpools(f, tags)
            : tags.map((tag) => {
                const line: unknown[] = sheet.row(1).map(() => '');
                line[columnOf(f.ss, 'TAG_SPOOL') - 1] = tag;
                line[columnOf(f.ss, 'Cliente') - 1] = `Cliente ${tag}`;
                sheet.appendRow(line);
                return sheet.lastRow;
              });
        expect(before.some((cell) => cell.key.startsWith('LATE'))).toBe(false);
        const again = f.world.run('rollbackMigration', [FULL], f.as);
        expect(again.ok ? again.value : again.error).toMatchObject({ success: true, errors: [] });
        const cells = exportedCells(f.world);
        if (phase === 'remove_columns') expectExported(cells, rows, tags);
        else {
          rows.forEach((row, i) =>
            expect(cells).toEqual(
              expect.arrayContaining([
                expect.objectContaining({ row, key: tags[i], column: 'TAG_SPOOL', value: tags[i] }),
                expect.objectContaining({
                  row,
                  key: tags[i],
                  column: 'Cliente',
                  value: `Cliente ${tags[i]}`,
                }),
              ]),
            ),
          );
        }
        expect(sheet.maxRows).toBe(f.original.maxRows);
        expect(valuesBesideFormulas(sheet.values(), sheet.formulas())).toEqual(
          valuesBesideFormulas(f.original.values, f.original.formulas),
        );
        checked += 1;
      }
    }
    expect(checked).toBe(2);
  });

  it('a column added past the backup grid between the export and the restore: its cells exported before the cut', () => {
    let found = false;
    for (let n = 1; n < 120 && !found; n += 1) {
      const f = migratedWorld(30);
      const dead = f.world.run('rollbackMigration', [FULL], { ...f.as, failAt: { call: n } });
      const state = f.world.documentProperties(f.ss.id)['rollback.state'];
      if (dead.ok || !state || (JSON.parse(state) as { phase: string }).phase !== 'restore_grid') continue;
      found = true;
      const sheet = f.ss.sheet(SHEET);
      const extra = sheet.maxColumns + 1;
      sheet.insertColumnsAfter(sheet.maxColumns, 1);
      sheet.setValues(1, extra, [['Extra'], [''], [''], ['apuntado']]);
      const key = sheet.values()[3][columnOf(f.ss, 'TAG_SPOOL') - 1];
      const again = f.world.run('rollbackMigration', [FULL], f.as);
      expect(again.ok ? again.value : again.error).toMatchObject({ success: true, errors: [] });
      expect(exportedCells(f.world)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 1, column: 'Extra', value: 'Extra' }),
          expect.objectContaining({ row: 4, key, column: 'Extra', value: 'apuntado' }),
        ]),
      );
      expect(sheet.maxColumns).toBe(f.original.maxColumns);
    }
    expect(found).toBe(true);
  });
});
