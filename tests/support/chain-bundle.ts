// Worlds for the chain's bundle tests: the sample ZEUES workbook at a given schema, run through the BUILT bundle.
import { World } from '../../emulator';
import { zeuesWorkbook, type SampleOptions } from '../../rehearse/sample-workbook';
import type { CellValue, WorkbookModel } from '../../rehearse/workbook';
import { UNIONES_HEADERS } from '../../rehearse/zeues-schema';
import type { Fixture } from './migration-bundle';
import { forkWorld } from './world-fork';

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

/** A fork of the fixture's world (tests/support/world-fork.ts): the same untouched world again, not built again. */
export function forkOf(f: Fixture): Fixture {
  const world = forkWorld(f.world);
  return { world, ss: world.spreadsheet(f.ss.id), as: { ...f.as } };
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

/** The five figures v4.0 adds to Operaciones, in order. */
export const V40_FIGURES = [
  'Total_Uniones',
  'Uniones_ARM_Completadas',
  'Uniones_SOLD_Completadas',
  'Pulgadas_ARM',
  'Pulgadas_SOLD',
];

/** The sample at v3.1 (v3.0's columns, then Estado_Detalle). */
export function v31Workbook(sample: SampleOptions = { rows: 60 }, columns?: number): WorkbookModel {
  return withColumns(v30Workbook(sample, columns), 'Operaciones', [
    { header: 'Estado_Detalle', value: () => '' },
  ]);
}

/**
 * A Uniones sheet for the spools of Operaciones: `unionsOf(i)` unions for the i-th data row's spool (0 to 20),
 * with realistic fields; some armed (ARM_FECHA_FIN set), fewer welded, DN_UNION in inches (text on some rows).
 */
export function withUniones(workbook: WorkbookModel, unionsOf: (spool: number) => number): WorkbookModel {
  const operaciones = workbook.sheets.find((sheet) => sheet.name === 'Operaciones');
  if (!operaciones) throw new Error('no Operaciones sheet');
  const tagAt = operaciones.values[0].indexOf('TAG_SPOOL');
  const values: CellValue[][] = [UNIONES_HEADERS.slice()];
  const seen = new Set<string>();
  operaciones.values.slice(1).forEach((row, i) => {
    const tag = String(row[tagAt]);
    if (seen.has(tag)) return; // a duplicated tag's unions are listed once
    seen.add(tag);
    for (let n = 1; n <= unionsOf(i); n += 1) {
      const armed = (i + n) % 3 !== 0;
      const welded = armed && (i + n) % 4 === 0;
      const dn = [2, 3, 4, 6, 8, 1.5, 2.5][(i * 7 + n) % 7];
      values.push([
        `U-${values.length}`,
        `OT-${i}`,
        n,
        n === 2 ? ` ${tag} ` : tag, // stray spaces the app trims
        n === 3 ? String(dn) : dn,
        n % 2 ? 'BW' : 'SO',
        '21-01-2026',
        armed ? '22-01-2026' : '',
        armed ? 'MR(93)' : '',
        welded ? '23-01-2026' : '',
        welded ? '24-01-2026' : '',
        welded ? 'JP(12)' : '',
        '',
        '',
        '',
        '',
        0,
      ]);
    }
  });
  workbook.sheets.push({
    name: 'Uniones',
    values,
    maxRows: Math.max(1000, values.length + 10),
    maxColumns: 17,
  });
  return workbook;
}

/** The workbook with its Metadata event log grown to `events` rows (copies of its own events, each with its own id). */
export function withEvents(workbook: WorkbookModel, events: number): WorkbookModel {
  const metadata = workbook.sheets.find((sheet) => sheet.name === 'Metadata');
  if (!metadata) throw new Error('no Metadata sheet');
  const sample = metadata.values.slice(1);
  while (metadata.values.length < events + 1) {
    const n = metadata.values.length;
    metadata.values.push(sample[n % sample.length].map((cell, column) => (column === 0 ? `E-${n}` : cell)));
  }
  metadata.maxRows = Math.max(metadata.maxRows ?? 0, events + 11);
  return workbook;
}

/** An independent recomputation of v4.0's five figures for every Operaciones row, straight from the model. */
export function expectedFigures(workbook: WorkbookModel): number[][] {
  const operaciones = workbook.sheets.find((sheet) => sheet.name === 'Operaciones');
  const uniones = workbook.sheets.find((sheet) => sheet.name === 'Uniones');
  if (!operaciones) throw new Error('no Operaciones sheet');
  const tagAt = operaciones.values[0].indexOf('TAG_SPOOL');
  const byTag = new Map<string, CellValue[][]>();
  for (const union of uniones ? uniones.values.slice(1) : []) {
    const tag = String(union[3]).trim();
    byTag.set(tag, [...(byTag.get(tag) ?? []), union]);
  }
  return operaciones.values.slice(1).map((row) => {
    const mine = byTag.get(String(row[tagAt]).trim()) ?? [];
    const armed = mine.filter((union) => union[7] !== '');
    const welded = mine.filter((union) => union[10] !== '');
    const inches = (list: CellValue[][]) =>
      Math.round(list.reduce((sum, u) => sum + Number(u[4]), 0) * 1e6) / 1e6;
    return [mine.length, armed.length, welded.length, inches(armed), inches(welded)];
  });
}
