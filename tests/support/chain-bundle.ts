// Worlds for the chain's bundle tests: the sample ZEUES workbook at a given schema, run through the BUILT bundle.
import { World } from '../../emulator';
import { zeuesWorkbook, type SampleOptions } from '../../rehearse/sample-workbook';
import type { CellValue, WorkbookModel } from '../../rehearse/workbook';
import type { Fixture } from './migration-bundle';

export const V30_ADDED = ['Ocupado_Por', 'Fecha_Ocupacion', 'version'];
export const V31_ADDED = ['Estado_Detalle'];

/** Appends columns (header, then each data row's value) to a sheet of the workbook. */
export function withColumns(
  workbook: WorkbookModel,
  sheetName: string,
  columns: { header: string; value: (row: number) => CellValue }[],
): WorkbookModel {
  const sheet = workbook.sheets.find((candidate) => candidate.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  sheet.values = sheet.values.map((row, i) => [
    ...row,
    ...columns.map((column) => (i === 0 ? column.header : column.value(i))),
  ]);
  if (sheet.formulas) sheet.formulas = sheet.formulas.map((row) => [...row, ...columns.map(() => null)]);
  sheet.maxColumns = Math.max(sheet.maxColumns, sheet.values[0].length);
  return workbook;
}

/**
 * The sample's Operaciones cut to its first `columns` columns (the v2.1 signature is within the first 41): a
 * 150,000-row sheet of all 63 passes 10,000,000 cells once v3.1 adds its column.
 */
export function narrowed(workbook: WorkbookModel, columns: number): WorkbookModel {
  const sheet = workbook.sheets.find((candidate) => candidate.name === 'Operaciones');
  if (!sheet) throw new Error('no Operaciones sheet');
  sheet.values = sheet.values.map((row) => row.slice(0, columns));
  if (sheet.formulas) sheet.formulas = sheet.formulas.map((row) => row.slice(0, columns));
  sheet.maxColumns = columns;
  return workbook;
}

/** The sample workbook as the v3.0 migration leaves it (versions 0, occupation empty). */
export function v30Workbook(sample: SampleOptions = { rows: 60 }, columns?: number): WorkbookModel {
  const v21 = zeuesWorkbook(sample);
  return withColumns(columns ? narrowed(v21, columns) : v21, 'Operaciones', [
    { header: 'Ocupado_Por', value: () => '' },
    { header: 'Fecha_Ocupacion', value: () => '' },
    { header: 'version', value: () => 0 },
  ]);
}

/** A world holding `workbook`, with the sidebar's active spreadsheet set to it. */
export function worldOf(workbook: WorkbookModel, worldOptions = {}): Fixture {
  const world = new World(worldOptions);
  const ss = world.createSpreadsheet(workbook);
  return { world, ss, as: { activeSpreadsheet: ss.id } };
}

/** Every sheet's values and formulas, and the grid sizes: the state a full rollback must give back. */
export function sheetsOf(f: Fixture): Record<string, unknown> {
  return Object.fromEntries(
    f.ss.sheetNames().map((name) => {
      const sheet = f.ss.sheet(name);
      return [
        name,
        { values: sheet.values(), formulas: sheet.formulas(), size: [sheet.maxRows, sheet.maxColumns] },
      ];
    }),
  );
}
