// The sample's `Uniones` sheet: the weld unions of each spool of `Operaciones` (0 to 20, most spools 4 to 12), as
// Engineering fills it before the v4.0 release. All of a spool's unions are armed once its Fecha_Armado is set, and
// welded once its Fecha_Soldadura is; a spool still in progress has only its first ones done. DN_UNION is in inches,
// typed as text on a few rows, and some TAG_SPOOL cells carry the stray spaces the app trims.

import type { Random } from './sample-values';
import { floor, pick } from './sample-values';
import type { CellValue, SheetModel } from './workbook';
import { CELL_LIMIT } from './workbook';
import { UNIONES_HEADERS, UNIONES_SHEET } from './zeues-schema';

/** Columns the whole chain adds to Operaciones (v3.0: 3, v3.1: 1, v4.0: 5) and to Metadata (v4.0: 1). */
const CHAIN_OPERACIONES_COLUMNS = 9;
const CHAIN_METADATA_COLUMNS = 1;
/** Room left under the cell limit once the whole chain has run, so the sample never reaches it by its unions. */
const SPARE_CELLS = 500_000;
const SPARE_ROWS = 50;
const DIAMETERS = [1.5, 2, 2.5, 3, 4, 6, 8, 10];
const TYPES = ['BW', 'SO', 'SW', 'TH'];

/**
 * Uniones for the spools of `operaciones`, as many as fit under the 10,000,000-cell limit after the whole chain
 * (spools past that have none: a 150,000-row sample of 63 columns already passes the limit at v3.1).
 */
export function unionesSheet(random: Random, operaciones: SheetModel, others: SheetModel[]): SheetModel {
  const headers = operaciones.values[0].map(String);
  const at = (header: string) => headers.indexOf(header);
  const [tagAt, otAt, armedAt, weldedAt] = ['TAG_SPOOL', 'OT', 'Fecha_Armado', 'Fecha_Soldadura'].map(at);
  const rowsLeft = Math.max(0, floor(cellRoom(operaciones, others) / UNIONES_HEADERS.length));
  const values: CellValue[][] = [[...UNIONES_HEADERS]];
  const seen = new Set<string>();
  for (let i = 1; i < operaciones.values.length && values.length <= rowsLeft; i++) {
    const row = operaciones.values[i];
    const tag = String(row[tagAt]);
    if (seen.has(tag)) continue; // a duplicated tag's unions are listed once
    seen.add(tag);
    const count = unionCount(random);
    const armedUpTo = row[armedAt] ? count : floor(count * random() * 0.6);
    const weldedUpTo = row[weldedAt] ? armedUpTo : floor(armedUpTo * random() * 0.5);
    for (let n = 1; n <= count && values.length <= rowsLeft; n++) {
      values.push(
        union(random, values.length, tag, String(row[otAt] ?? ''), n, n <= armedUpTo, n <= weldedUpTo),
      );
    }
  }
  return {
    name: UNIONES_SHEET,
    values,
    maxRows: values.length + SPARE_ROWS,
    maxColumns: UNIONES_HEADERS.length,
    frozenRows: 1,
  };
}

function cellRoom(operaciones: SheetModel, others: SheetModel[]): number {
  const metadata = others.find((sheet) => sheet.name === 'Metadata');
  let cells = operaciones.maxRows * (operaciones.maxColumns + CHAIN_OPERACIONES_COLUMNS);
  for (const sheet of others) cells += sheet.maxRows * sheet.maxColumns;
  if (metadata) cells += metadata.maxRows * CHAIN_METADATA_COLUMNS;
  return CELL_LIMIT - SPARE_CELLS - cells - SPARE_ROWS * UNIONES_HEADERS.length;
}

/** 0 to 20 unions: a few spools without any, most with 4 to 12, some large ones. */
function unionCount(random: Random): number {
  const r = random();
  if (r < 0.05) return 0;
  if (r < 0.85) return 4 + floor(random() * 9);
  return 1 + floor(random() * 20);
}

function union(
  random: Random,
  id: number,
  tag: string,
  ot: string,
  n: number,
  armed: boolean,
  welded: boolean,
): CellValue[] {
  const dn = pick(random, DIAMETERS);
  const worker = () => `${pick(random, ['MR', 'JP', 'LC', 'AV', 'RS'])}(${10 + floor(random() * 90)})`;
  const day = 1 + floor(random() * 27);
  const date = (offset: number) => `${String(day + offset).padStart(2, '0')}-02-2026`;
  return [
    `U-${String(id).padStart(6, '0')}`,
    ot,
    n,
    random() < 0.02 ? ` ${tag} ` : tag,
    random() < 0.03 ? String(dn) : dn,
    pick(random, TYPES),
    armed ? date(0) : '',
    armed ? date(1) : '',
    armed ? worker() : '',
    welded ? date(1) : '',
    welded ? date(2) : '',
    welded ? worker() : '',
    '',
    '',
    '',
    '',
    0,
  ];
}
