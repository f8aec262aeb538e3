// Value pools and the seeded random source behind the sample workbook. Everything here is precomputed once so
// that generating a 150,000-row sheet is mostly picking from arrays.

export type Random = () => number;

// Bound once: a global lookup per call is very slow inside a vm context (jest, gas-local), where globals go
// through the context's interceptors.
const { floor, imul } = Math;
export const { min, round } = Math;
export { floor };

/** mulberry32: a tiny, fast, seedable PRNG (deterministic across platforms). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[floor(random() * items.length)];
}

export function pad(n: number, width: number): string {
  return `${n}`.padStart(width, '0'); // a template, not String(n): see `floor` above
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FIRST_DAY = Date.UTC(2024, 5, 3);
const DAY_MS = 86400000;
export const DAY_COUNT = 900;

/** Day n after 2024-06-03 in each form found in the sheet: DD-MM-YYYY, and the legacy forms. */
export interface DateForms {
  standard: string[];
  legacy: string[][];
  dates: Date[];
}

export function dateForms(): DateForms {
  const standard: string[] = [];
  const legacy: string[][] = [[], [], [], []];
  const dates: Date[] = [];
  for (let n = 0; n < DAY_COUNT; n++) {
    const date = new Date(FIRST_DAY + n * DAY_MS);
    const d = date.getUTCDate();
    const m = date.getUTCMonth() + 1;
    const y = date.getUTCFullYear();
    dates.push(date);
    standard.push(`${pad(d, 2)}-${pad(m, 2)}-${y}`);
    legacy[0].push(`${d}/${m}/${y}`);
    legacy[1].push(`${d}/${m}/${String(y).slice(2)}`);
    legacy[2].push(`${y}-${pad(m, 2)}-${pad(d, 2)}`);
    legacy[3].push(`${pad(d, 2)}-${MONTHS[m - 1]}-${y}`);
  }
  return { standard, legacy, dates };
}

export interface Worker {
  id: number;
  nombre: string;
  apellido: string;
  activo: boolean;
  roles: string[];
  /** INICIALES(ID), e.g. MR(93). */
  code: string;
}

const NOMBRES = [
  'Juan',
  'María',
  'José',
  'Ana',
  'Luis',
  'Camila',
  'Pedro',
  'Sofía',
  'Andrés',
  'Valentina',
  'Héctor',
  'Ramón',
  'Íñigo',
  'Matías',
  'Constanza',
];
const APELLIDOS = [
  'Pérez',
  'González',
  'Muñoz',
  'Rojas',
  'Díaz',
  'Soto',
  'Contreras',
  'Silva',
  'Martínez',
  'Sepúlveda',
  'Morales',
  'Núñez',
  'Ramírez',
  'Fuentes',
];
export const ROLES = ['ARMADOR', 'SOLDADOR', 'METROLOGIA', 'PINTOR', 'SUPERVISOR', 'BODEGA'];

function initial(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .charAt(0)
    .toUpperCase();
}

export function workers(random: Random, count: number): Worker[] {
  const list: Worker[] = [];
  for (let i = 0; i < count; i++) {
    const id = 10 + i * 3 + floor(random() * 3);
    const nombre = pick(random, NOMBRES);
    const apellido = pick(random, APELLIDOS);
    const roles = [ROLES[i % 2]];
    if (random() < 0.3) roles.push(pick(random, ROLES.slice(2)));
    list.push({
      id,
      nombre,
      apellido,
      activo: random() < 0.85,
      roles,
      code: `${initial(nombre)}${initial(apellido)}(${id})`,
    });
  }
  return list;
}

export const CLIENTES = [
  'Minera Escondida',
  'Codelco División Andina',
  'Anglo American Sur',
  'Minera Los Pelambres',
  'ENAP Refinerías',
  'Celulosa Arauco',
];
export const STATUS_NV = ['ABIERTA', 'ABIERTA', 'ABIERTA', 'CERRADA'];
export const STATUS_SPOOL = ['PENDIENTE', 'EN PROCESO', 'EN PROCESO', 'TERMINADO', 'DESPACHADO'];
export const UBICACIONES = ['Taller 1', 'Taller 2', 'Patio Norte', 'Pintura externa', 'Bodega', 'Despacho'];
export const PRIORIDADES = ['Alta', 'Media', 'Media', 'Baja'];
export const REVISIONES = ['0', '1', '2', 'A', 'B'];
export const NOTAS = [
  'Revisar soldadura en terreno',
  'Cliente pidió adelantar',
  'Falta material: codo 90°',
  'Reparación según informe RX',
  'Embalaje especial',
];
export const TIPOS_ARMADO = ['Brida-Brida', 'Brida-Tubo', 'Tubo-Tubo', 'Soporte'];
export const TIPOS_NDT = ['RX', 'UT', 'PT', 'MT', 'N/A'];
export const TIPOS_PH = ['Hidrostática', 'Neumática', 'N/A'];
export const TIPOS_REVESTIMIENTO = ['Galvanizado', 'HDPE', 'Caucho', 'Sin revestimiento'];
export const TIPOS_PINTURA = ['Epóxica', 'Poliuretano', 'Esmalte', 'Sin pintura'];
export const TIPOS_EMBALAJE = ['Pallet', 'Cajón', 'Atado', 'Granel'];
export const OK_NDT = ['si', 'si', 'si', 'no', 'Rep'];
export const TALLERES_PINTURA = ['Pinturas Andes', 'Recubrimientos del Sur', 'Taller propio'];
export const DIAMETROS = [0.75, 1, 1.5, 2, 3, 4, 6, 8, 10, 12, 16, 24];
export const FREE_FORM_TAGS = ['3-ECU-049', 'Spool 01', 'SP-A12', '3-ECU-050', 'Spool 02', 'MK 1335 sin tag'];
