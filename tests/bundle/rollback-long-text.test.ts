// A full rollback writes text back so that Sheets keeps it as text without passing the 50,000-character cell
// limit: the quote prefix only where Sheets would otherwise parse the text. A text that needs the prefix but has
// no room for it is reported precisely (cell, length, what to do) and the rollback ends instead of looping; a
// rollback that stopped midway is finished by the call its message asks for.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import {
  SHEET,
  columnOf,
  originalOf,
  valuesBesideFormulas,
  type MigratedWorld,
} from '../support/rollback-bundle';

interface Report {
  mode: string;
  success: boolean;
  errors: string[];
  verification: { passed: boolean };
}

const NOTAS = 19;
const PROSE = 'Spool revisado en terreno; soldadura conforme. '.repeat(1100).slice(0, 50_000);
const DIGITS = '7'.repeat(50_000);

/** The sample sheet with `cells` seeded as typed (text kept as text), migrated by the bundle. */
function migratedWith(cells: { row: number; column: number; value: string }[]): MigratedWorld {
  const world = new World();
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 30 }));
  const sheet = ss.sheet(SHEET);
  for (const cell of cells) sheet.setValues(cell.row, cell.column, [[cell.value]]);
  const original = originalOf(ss);
  const as = { activeSpreadsheet: ss.id };
  expect(world.call('startMigration', [{}], as)).toMatchObject({ state: 'done' });
  return { world, ss, original, as };
}

const FULL = { mode: 'full', confirm: true };

describe('a full rollback writing back long and number-like text', () => {
  it('puts a 50,000-character text back exactly, and number-, date- and apostrophe-like text as text', () => {
    const seeded = [
      { row: 5, column: NOTAS, value: PROSE },
      { row: 6, column: NOTAS, value: '00123' },
      { row: 7, column: NOTAS, value: "'entre comillas" },
      { row: 8, column: NOTAS, value: 'TRUE' },
      { row: 9, column: NOTAS, value: '=no es una fórmula' },
    ];
    const { world, ss, original, as } = migratedWith(seeded);
    const sheet = ss.sheet(SHEET);
    sheet.setValues(5, NOTAS, [['corregido'], [''], ['x'], [''], ['y']]);
    sheet.setValues(3, columnOf(ss, 'Ocupado_Por'), [['MR(93)']]);
    const report = world.call('rollbackMigration', [FULL], as) as Report;
    expect(report).toMatchObject({ success: true, errors: [], verification: { passed: true } });
    const values = sheet.values();
    expect(seeded.map((cell) => values[cell.row - 1][cell.column - 1])).toEqual(seeded.map((c) => c.value));
    expect(values[4][NOTAS - 1]).toHaveLength(50_000);
    expect(valuesBesideFormulas(values, sheet.formulas())).toEqual(
      valuesBesideFormulas(original.values, original.formulas),
    );
    const exported = world.drive
      .files()
      .filter((file) => file.name.includes('rollback export'))
      .flatMap(
        (file) => (JSON.parse(file.content ?? '{}') as { cells: { row: number; value: unknown }[] }).cells,
      );
    expect(exported).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 5, column: 'Notas', value: 'corregido' })]),
    );
  });

  it('reports a 50,000-character number-like text it cannot write as text, restores the rest, and ends', () => {
    const { world, ss, original, as } = migratedWith([{ row: 5, column: NOTAS, value: DIGITS }]);
    const sheet = ss.sheet(SHEET);
    sheet.setValues(5, NOTAS, [['corregido']]);
    sheet.setValues(6, NOTAS, [['otra nota']]);
    const first = world.run('rollbackMigration', [FULL], as);
    expect(first.ok).toBe(true);
    const report = (first.ok ? first.value : null) as Report;
    expect(report.success).toBe(false);
    expect(report.errors[0]).toMatch(
      /^1 cell of the backup "ZEUES \(v3\.0 backup [^"]+\)" could not be written back: S5 \(50,000 characters\)\. .*number, date, boolean or formula.*50,000.*left those cells as they were.*Copy each cell from the backup/,
    );
    expect(report.errors.join(' ')).not.toMatch(/again/);
    // Everything else is the backup's; the cell keeps what the app wrote, which the export holds.
    const values = sheet.values();
    expect(values[4][NOTAS - 1]).toBe('corregido');
    expect(values[5][NOTAS - 1]).toBe(original.values[5][NOTAS - 1]);
    const expected = valuesBesideFormulas(original.values, original.formulas);
    expected[4][NOTAS - 1] = 'corregido';
    expect(valuesBesideFormulas(values, sheet.formulas())).toEqual(expected);
    expect(world.call('getMigrationStatus', [], as)).toMatchObject({ state: 'rolled_back' });
    // Calling again does not loop or fail: the finished rollback's report comes back, nothing is redone.
    const snapshot = JSON.stringify(world.snapshot({ times: false }));
    expect(world.call('rollbackMigration', [FULL], as)).toEqual(report);
    expect(JSON.stringify(world.snapshot({ times: false }))).toBe(snapshot);
  });

  it('stopped during restore_cells, is finished by the call its message asks for', () => {
    let checked = false;
    for (let n = 1; n < 120 && !checked; n += 1) {
      const { world, ss, original, as } = migratedWith([{ row: 5, column: NOTAS, value: PROSE }]);
      ss.sheet(SHEET).setValues(5, NOTAS, [['corregido']]);
      const dead = world.run('rollbackMigration', [FULL], { ...as, failAt: { call: n, catchable: true } });
      const state = world.documentProperties(ss.id)['rollback.state'];
      if (dead.ok || !state || (JSON.parse(state) as { phase: string }).phase !== 'restore_cells') continue;
      checked = true;
      expect(dead.error.message).toMatch(
        /The full rollback stopped during "restore_cells": .*call rollbackMigration\(\{mode: "full", confirm: true\}\) again to finish it\./,
      );
      const again = world.run('rollbackMigration', [FULL], as);
      expect(again.ok ? again.value : again.error).toMatchObject({ success: true, errors: [] });
      const sheet = ss.sheet(SHEET);
      expect(valuesBesideFormulas(sheet.values(), sheet.formulas())).toEqual(
        valuesBesideFormulas(original.values, original.formulas),
      );
    }
    expect(checked).toBe(true);
  });
});
