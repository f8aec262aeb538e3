// Live sheets: the ZEUES app (another user of the spreadsheet) writes while a run goes on. Worlds whose sample
// workbook the app may edit, its writes, and what a test asks of each write once the run is over.
import { World, type SpreadsheetModel } from '../../../emulator';
import { zeuesWorkbook, type SampleOptions } from '../../../rehearse/sample-workbook';
import { forked } from '../../support/world-fork';

export const APP = 'app@zeues.example';
export const SHEET = 'Operaciones';
/** Columns of the sample's v2.1 layout the app writes. */
export const TAG_COLUMN = 7;
export const STATUS_COLUMN = 9;
export const NOTES_COLUMN = 19;

export interface LiveFixture {
  world: World;
  ss: SpreadsheetModel;
  as: { activeSpreadsheet: string };
}

const built = new Map<string, LiveFixture>();

/** The sample workbook shared with the app's account: built once per options, forked per test. */
export function liveFixture(sample: SampleOptions): LiveFixture {
  return forked(
    built,
    JSON.stringify(sample),
    () => {
      const world = new World();
      const ss = world.createSpreadsheet({ ...zeuesWorkbook(sample), editors: [APP] });
      return { world, ss, as: { activeSpreadsheet: ss.id } };
    },
    (template, world) => ({ world, ss: world.spreadsheet(template.ss.id), as: { ...template.as } }),
  );
}

/** One write of the app, and how to find it afterwards. */
export interface AppWrite {
  kind: 'value' | 'formula' | 'row';
  row: number;
  column: number;
  /** What the cell holds after the write: the value, the formula's text, or the appended row's key. */
  expected: string;
}

function a1(row: number, column: number): string {
  let letters = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${SHEET}!${letters}${row}`;
}

/**
 * The app's three kinds of write, as its backend makes them: a value into a v2.1 cell, a formula into another,
 * and a spool row appended with the v2.1 width. `n` makes each write's content and place its own.
 */
export function appWrites(f: LiveFixture, n: number, v21Columns: number): () => AppWrite[] {
  return () => {
    const app = f.world.as(APP);
    const dataRows = f.ss.sheet(SHEET).lastRow - 1;
    const valueRow = 2 + ((n * 7) % Math.min(dataRows, 200));
    const formulaRow = 2 + ((n * 11 + 3) % Math.min(dataRows, 200));
    const value = `EN PROCESO ${n}`;
    const formula = `=LEN("${n}")`;
    app.setValues(f.ss.id, a1(valueRow, STATUS_COLUMN), [[value]]);
    app.setFormulas(f.ss.id, a1(formulaRow, NOTES_COLUMN), [[formula]]);
    const tag = `APP-${n}`;
    const row = new Array<string | number>(v21Columns).fill('');
    row[0] = 900_000 + n;
    row[TAG_COLUMN - 1] = tag;
    row[STATUS_COLUMN - 1] = 'PENDIENTE';
    app.appendRow(f.ss.id, SHEET, row);
    const appended = f.ss.sheet(SHEET).lastRow;
    return [
      { kind: 'value', row: valueRow, column: STATUS_COLUMN, expected: value },
      { kind: 'formula', row: formulaRow, column: NOTES_COLUMN, expected: formula },
      { kind: 'row', row: appended, column: TAG_COLUMN, expected: tag },
    ];
  };
}

/** What a cell shows a test: its formula when it has one, else its value. */
export function cellNow(f: LiveFixture, row: number, column: number): string {
  const sheet = f.ss.sheet(SHEET);
  if (row > sheet.lastRow || column > sheet.lastColumn) return '';
  const formula = sheet.formulaBlock(row, column, 1, 1)[0][0];
  return formula !== '' ? formula : String(sheet.block(row, column, 1, 1)[0][0]);
}

/** The cells a rollback exported of `sheet`, from every export file of it (the sheet's, and one per block). */
export function exportedCells(
  world: World,
  sheet: string,
): { row: number; column: string; value: unknown }[] {
  return world.drive
    .files()
    .filter(
      (file) => file.name.includes('rollback export') && file.name.includes(` - ${sheet}`) && !file.trashed,
    )
    .flatMap(
      (file) =>
        (JSON.parse(file.content ?? '{}') as { cells?: { row: number; column: string; value: unknown }[] })
          .cells ?? [],
    );
}
