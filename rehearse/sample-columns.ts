// The value generator of each v2.1 column of the sample Operaciones sheet: one small function per column,
// drawing from the seeded random source and the row's fabrication stage.

import type { CellValue } from './workbook';
import * as pools from './sample-values';
import { DAY_COUNT, floor, min, pad, pick, round } from './sample-values';
import type { DateForms, Random, Worker } from './sample-values';
/** The fabrication stages in order; a spool at stage s has a date in the first s of these. */
export const STAGE_DATES = [
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
export const PRICE_HEADERS = [
  'Precio Fabricación',
  'Precio Revestimiento',
  'Precio Pintura',
  'Precio Embalaje',
];

export interface Row {
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

export type Column = (row: Row) => CellValue;

export function columnFor(header: string, random: Random, crew: Worker[], forms: DateForms): Column {
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
