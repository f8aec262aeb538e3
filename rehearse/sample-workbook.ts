// A deterministic ZEUES-shaped workbook: the `Operaciones` sheet with the real v2.1 headers and realistic values
// (tags with free forms and duplicates, DD-MM-YYYY texts with legacy forms, worker codes and names, '#N/A'
// residue, a `Precio Total` formula), plus the Metadata, Trabajadores and Roles companion sheets.
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
import * as pools from './sample-values';
import { DAY_COUNT, dateForms, floor, min, pad, pick, round, seededRandom, workers } from './sample-values';
import type { DateForms, Random, Worker } from './sample-values';

export interface SampleOptions {
  rows?: number;
  v21Columns?: number;
  seed?: number;
  name?: string;
  keyHeader?: 'TAG_SPOOL' | 'TAG';
}

const COMPANION_SPARE_ROWS = 10;

/** The fabrication stages in order; a spool at stage s has a date in the first s of these. */
const STAGE_DATES = [
  'Fecha_Ingenieria',
  'Fecha_Materiales',
  'Fecha_Armado',
  'Fecha_Soldadura',
  'Fecha_QC_Metrología',
  'Fecha_NDT',
  'Fecha_PH',
  'Fecha_Revestimiento',
  'Fecha_QC_Revestimiento',
  'Fecha_Envio_Pintura',
  'Fecha_Pintura',
  'Fecha_QC_Pintura',
  'Fecha_Liberación',
  'Fecha_GD',
];
const PRICE_HEADERS = ['Precio Fabricación', 'Precio Revestimiento', 'Precio Pintura', 'Precio Embalaje'];

interface Row {
  index: number;
  stage: number;
  startDay: number;
  nv: string;
  plano: number;
  spoolInPlano: number;
  tag: string;
  tagPrefix: string;
  oc: string;
  planoKronos: string;
  peso: number;
  area: number;
  prices: number[];
}

type Column = (row: Row) => CellValue;

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
  return {
    name: options.name ?? 'ZEUES',
    sheets: [operaciones, metadataSheet(random, crew, tags), trabajadoresSheet(crew), rolesSheet(crew)],
  };
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
  if (r < 0.02) return pick(random, pools.FREE_FORM_TAGS);
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

function columnFor(header: string, random: Random, crew: Worker[], forms: DateForms): Column {
  const dateText = (day: number): CellValue => {
    const d = min(day, DAY_COUNT - 1);
    const r = random();
    if (r < 0.03) return forms.legacy[floor(r * 133) % 4][d];
    return forms.standard[d];
  };
  const worker = (): string => {
    const w = pick(random, crew);
    return random() < 0.1 ? `${w.nombre} ${w.apellido}` : w.code;
  };
  const sometimes = (p: number, value: () => CellValue): CellValue => (random() < p ? value() : '');
  const stageAt = STAGE_DATES.indexOf(header);
  if (stageAt >= 0) {
    return (row) => (row.stage > stageAt ? dateText(row.startDay + stageAt * 3 + floor(random() * 3)) : '');
  }
  const priceAt = PRICE_HEADERS.indexOf(header);
  if (priceAt >= 0) return (row) => row.prices[priceAt] || '';
  const partly =
    (p: number, value: () => CellValue): Column =>
    () =>
      sometimes(p, value);
  const reached =
    (stage: number, value: () => CellValue): Column =>
    (row) =>
      row.stage > stage ? value() : '';
  const report = (prefix: string) => {
    const codes = codePool(`${prefix}-`, 5000, 4);
    return () => codes[floor(random() * codes.length)];
  };

  switch (header) {
    case 'id':
      return (row) => row.index;
    case 'NV':
      return (row) => row.nv;
    case 'OT':
      return (row) => {
        const r = random();
        if (r < 0.33) return '';
        if (r < 0.38) return 'NA';
        if (r < 0.7) return `SP-${10000 + row.plano}-${row.nv}`;
        return `KM-${row.nv}-${pad(row.spoolInPlano, 4)}`;
      };
    case 'CT':
      return () => pick(random, ['CT1', 'CT2', 'CT3']);
    case 'ITEM':
      return (row) => row.spoolInPlano;
    case 'SPLIT':
      return () => sometimes(0.08, () => pick(random, ['A', 'B', 'C']));
    case 'TAG_SPOOL':
      return (row) => row.tag;
    case 'STATUS_NV':
      return () => pick(random, pools.STATUS_NV);
    case 'Status_Spool':
      return (row) => pools.STATUS_SPOOL[min(4, floor(row.stage / 3))];
    case 'Ubicación':
      return () => pick(random, pools.UBICACIONES);
    case 'Cliente':
      return (row) => (random() < 0.01 ? '#N/A' : pools.CLIENTES[row.plano % pools.CLIENTES.length]);
    case 'OC':
      return (row) => row.oc;
    case 'Item_OC':
      return (row) => row.spoolInPlano * 10;
    case 'PLANO_KRONOS N°':
      return (row) => row.planoKronos;
    case 'Rev.':
      return () => pick(random, pools.REVISIONES);
    case 'Plano_Referencia':
      return (row) => (random() < 0.02 ? '#N/A' : `PR-${row.plano}-${pad(row.spoolInPlano, 2)}`);
    case 'Marca_Placa':
      return partly(0.6, report('MP'));
    case 'Prioridad':
      return () => pick(random, pools.PRIORIDADES);
    case 'Notas':
      return () => sometimes(0.06, () => pick(random, pools.NOTAS));
    case 'Fecha_Compromiso':
    case 'Fecha_Estimada_Entrega':
      // Typed by hand in the sheet, so a few became real dates.
      return (row) => {
        const day = min(row.startDay + 45 + floor(random() * 15), DAY_COUNT - 1);
        return random() < 0.02 ? forms.dates[day] : dateText(day);
      };
    case 'DIAM':
      return () => pick(random, pools.DIAMETROS);
    case 'PD_Soldadura':
      return () => round(random() * 400) / 10;
    case 'PD_Ranurado':
    case 'PD_Hilo':
      return () => sometimes(0.3, () => round(random() * 80) / 10);
    case 'Peso_Kg':
      return (row) => row.peso;
    case 'Area_m2':
      return (row) => row.area;
    case 'Tipo Armado':
      return () => pick(random, pools.TIPOS_ARMADO);
    case 'Tipo_NDT':
      return () => pick(random, pools.TIPOS_NDT);
    case 'Tipo_PH':
      return () => pick(random, pools.TIPOS_PH);
    case 'Tipo_Revestimiento':
      return () => pick(random, pools.TIPOS_REVESTIMIENTO);
    case 'Tipo_Pintura':
      return () => pick(random, pools.TIPOS_PINTURA);
    case 'Tipo_Embalaje':
      return () => pick(random, pools.TIPOS_EMBALAJE);
    case 'Armador':
      return reached(2, worker);
    case 'Soldador':
      return reached(3, worker);
    case 'OK NDT si/no/Rep':
      return reached(5, () => pick(random, pools.OK_NDT));
    case 'N°_nforme_PT':
      return reached(5, report('PT'));
    case 'N°_Informe_UT_ RX':
      return reached(5, report('RX'));
    case 'N°_Informe_PH':
      return reached(6, report('PH'));
    case 'GD_envio_Pintura':
      return reached(9, () => 30000 + floor(random() * 9000));
    case 'Taller_Pintura':
      return reached(10, () => pick(random, pools.TALLERES_PINTURA));
    case 'Informe_Pintura':
      return reached(10, report('IP'));
    case 'N°_Acta_Libración':
      return reached(12, report('AL'));
    case 'Packing_list':
      return reached(12, report('PL'));
    case 'Guia_Despacho':
      return reached(13, () => 40000 + floor(random() * 9000));
    case 'Precio Total':
      return (row) => round(row.prices.reduce((a, b) => a + b, 0) * 100) / 100;
    case 'FLAG':
      return () => random() < 0.07;
    case 'MatSys':
      return () => (random() < 0.05 ? '#N/A' : sometimes(0.7, () => `MS-${pad(floor(random() * 99999), 5)}`));
    default:
      throw new Error(`no sample values for the v2.1 header "${header}"`);
  }
}

// Codes such as 'PT-0042' are picked from a pool rather than built per cell: far less garbage on big sheets.
const codePools = new Map<string, string[]>();
function codePool(prefix: string, count: number, width: number): string[] {
  const key = `${prefix}|${count}|${width}`;
  let pool = codePools.get(key);
  if (!pool) {
    pool = Array.from({ length: count }, (_, i) => `${prefix}${pad(i, width)}`);
    codePools.set(key, pool);
  }
  return pool;
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
