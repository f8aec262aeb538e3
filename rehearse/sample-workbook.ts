// A deterministic ZEUES-shaped workbook: the `Operaciones` sheet with the real v2.1 headers and realistic values
// (tags with free forms and duplicates, DD-MM-YYYY texts with legacy forms, worker codes and names, '#N/A'
// residue, a `Precio Total` formula), plus the Metadata, Trabajadores and Roles companion sheets and, on request,
// the Uniones sheet v4.0 computes its figures from.
// The result is exactly what the emulator's `world.createSpreadsheet()` takes.

import type { CellValue, SheetModel, WorkbookModel } from './workbook';
import { columnLetter } from './workbook';
import {
  COMPANION_HEADERS,
  KEY_HEADER,
  MAX_V21_COLUMNS,
  MIN_V21_COLUMNS,
  OPERACIONES_SHEET,
  V21_HEADERS,
} from './zeues-schema';
import {
  DAY_COUNT,
  FREE_FORM_TAGS,
  dateForms,
  floor,
  min,
  pad,
  pick,
  round,
  seededRandom,
  workers,
} from './sample-values';
import type { Random, Worker } from './sample-values';
import type { Row } from './sample-columns';
import { unionesSheet } from './sample-unions';
import { PRICE_HEADERS, STAGE_DATES, columnFor } from './sample-columns';

export interface SampleOptions {
  rows?: number;
  v21Columns?: number;
  seed?: number;
  name?: string;
  keyHeader?: 'TAG_SPOOL' | 'TAG';
  /** Add the Uniones sheet v4.0 computes its figures from (npm start's sample has it). */
  uniones?: boolean;
}

const COMPANION_SPARE_ROWS = 10;

export function zeuesWorkbook(options: SampleOptions = {}): WorkbookModel {
  const rows = options.rows ?? 2500;
  const columns = options.v21Columns ?? MAX_V21_COLUMNS;
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a positive integer, got ${rows}`);
  if (!Number.isInteger(columns) || columns < MIN_V21_COLUMNS || columns > MAX_V21_COLUMNS) {
    throw new Error(
      `v21Columns must be an integer from ${MIN_V21_COLUMNS} to ${MAX_V21_COLUMNS}, got ${columns}`,
    );
  }
  const random = seededRandom(options.seed ?? 2026);
  const crew = workers(random, 40);
  const operaciones = operacionesSheet(random, crew, rows, columns, options.keyHeader ?? KEY_HEADER);
  const tags = operaciones.values.slice(1, 400).map((row) => String(row[6]));
  const companions = [metadataSheet(random, crew, tags), trabajadoresSheet(crew), rolesSheet(crew)];
  const sheets = [operaciones, ...companions];
  if (options.uniones)
    sheets.push(unionesSheet(seededRandom((options.seed ?? 2026) + 1), operaciones, companions));
  return { name: options.name ?? 'ZEUES', sheets };
}

function operacionesSheet(
  random: Random,
  crew: Worker[],
  rowCount: number,
  columnCount: number,
  keyHeader: string,
): SheetModel {
  const headers = V21_HEADERS.slice(0, columnCount);
  headers[V21_HEADERS.indexOf(KEY_HEADER)] = keyHeader;
  const forms = dateForms();
  const generators = headers.map((header, i) => columnFor(V21_HEADERS[i], random, crew, forms));
  const totalAt = headers.indexOf('Precio Total');
  const priceLetters = PRICE_HEADERS.map((h) => columnLetter(V21_HEADERS.indexOf(h) + 1));

  const values: CellValue[][] = new Array(rowCount + 1);
  const formulas: (string | null)[][] | undefined = totalAt >= 0 ? new Array(rowCount + 1) : undefined;
  values[0] = headers;
  if (formulas) formulas[0] = new Array(columnCount).fill(null);

  const row: Row = {
    index: 0,
    stage: 0,
    startDay: 0,
    nv: '',
    plano: 0,
    spoolInPlano: 0,
    tag: '',
    tagPrefix: '',
    oc: '',
    planoKronos: '',
    peso: 0,
    area: 0,
    prices: [],
  };
  let planoLeft = 0;
  for (let i = 1; i <= rowCount; i++) {
    row.index = i;
    if (planoLeft <= 0) {
      planoLeft = 1 + floor(random() * 20);
      row.plano = 1000 + floor(random() * 900);
      row.nv = `NV${pad(500 + floor(random() * 700), 4)}`;
      row.spoolInPlano = 0;
      row.tagPrefix = `MK-${row.plano + 335}-${['CW', 'SW', 'FW'][row.plano % 3]}-${25000 + row.plano * 7}-`;
      row.oc = `4500${pad(row.plano * 37, 6)}`;
      row.planoKronos = `K-${row.plano + 335}-${25000 + row.plano * 7}`;
    }
    planoLeft--;
    row.spoolInPlano++;
    row.tag = tagFor(random, row, values);
    row.stage = floor(random() * (STAGE_DATES.length + 1));
    row.startDay = floor(random() * (DAY_COUNT - 60));
    row.peso = round((5 + random() * 400) * 100) / 100;
    row.area = round((0.2 + random() * 25) * 100) / 100;
    row.prices = prices(random, row);

    const cells: CellValue[] = new Array(columnCount);
    for (let c = 0; c < columnCount; c++) cells[c] = generators[c](row);
    values[i] = cells;
    if (formulas) {
      const rowFormulas: (string | null)[] = new Array(columnCount).fill(null);
      // A few rows hold a pasted value instead of the formula, as in the real sheet.
      if (random() < 0.95) rowFormulas[totalAt] = `=${priceLetters.map((l) => `${l}${i + 1}`).join('+')}`;
      formulas[i] = rowFormulas;
    }
  }
  const sheet: SheetModel = {
    name: OPERACIONES_SHEET,
    values,
    maxRows: rowCount + 1,
    maxColumns: columnCount,
    frozenRows: 1,
  };
  if (formulas) sheet.formulas = formulas;
  return sheet;
}

function tagFor(random: Random, row: Row, values: CellValue[][]): string {
  const r = random();
  if (r < 0.02) return pick(random, FREE_FORM_TAGS);
  if (r < 0.025 && row.index > 2) return String(values[1 + floor(random() * (row.index - 1))][6]);
  return row.tagPrefix + pad(row.spoolInPlano, 3);
}

function prices(random: Random, row: Row): number[] {
  const cents = (n: number) => round(n * 100) / 100;
  return [
    cents(row.peso * (2.8 + random())),
    random() < 0.3 ? 0 : cents(row.area * 12.5),
    random() < 0.2 ? 0 : cents(row.area * 8.75),
    15 + floor(random() * 65),
  ];
}

function companion(name: keyof typeof COMPANION_HEADERS, data: CellValue[][]): SheetModel {
  const headers = COMPANION_HEADERS[name];
  return {
    name,
    values: [[...headers], ...data],
    maxRows: data.length + 1 + COMPANION_SPARE_ROWS,
    maxColumns: headers.length,
    frozenRows: 1,
  };
}

const EVENTS: [string, string, string][] = [
  ['INICIAR_ARM', 'ARM', 'INICIAR'],
  ['COMPLETAR_ARM', 'ARM', 'COMPLETAR'],
  ['INICIAR_SOLD', 'SOLD', 'INICIAR'],
  ['COMPLETAR_SOLD', 'SOLD', 'COMPLETAR'],
  ['CANCELAR_SOLD', 'SOLD', 'CANCELAR'],
];

function metadataSheet(random: Random, crew: Worker[], tags: string[]): SheetModel {
  const forms = dateForms();
  const data: CellValue[][] = [];
  const count = min(300, tags.length * 2);
  for (let i = 0; i < count; i++) {
    const w = pick(random, crew);
    const [tipo, operacion, accion] = pick(random, EVENTS);
    const day = DAY_COUNT - 120 + floor((i * 100) / count);
    const time = `${pad(7 + floor(random() * 11), 2)}:${pad(floor(random() * 60), 2)}:${pad(floor(random() * 60), 2)}`;
    data.push([
      `evt-${pad(i + 1, 6)}`,
      `${forms.standard[day]} ${time}`,
      tipo,
      pick(random, tags),
      w.id,
      `${w.nombre} ${w.apellido}`,
      operacion,
      accion,
      forms.standard[day],
      JSON.stringify({ source: 'app', turno: random() < 0.5 ? 'día' : 'noche' }),
    ]);
  }
  return companion('Metadata', data);
}

function trabajadoresSheet(crew: Worker[]): SheetModel {
  return companion(
    'Trabajadores',
    crew.map((w) => [w.id, w.nombre, w.apellido, w.activo]),
  );
}

function rolesSheet(crew: Worker[]): SheetModel {
  return companion(
    'Roles',
    crew.flatMap((w) => w.roles.map((rol): CellValue[] => [w.id, rol, w.activo])),
  );
}
