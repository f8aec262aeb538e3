import { isDate } from '../digest';

/**
 * What the ZEUES v3.0 columns must hold (../shared data: `Ocupado_Por` is INICIALES(ID) such as `MR(93)`,
 * `Fecha_Ocupacion` is `DD-MM-YYYY HH:MM:SS` in America/Santiago, `version` an integer counter).
 */
export const VERSION_HEADER = 'version';
export const OCCUPIED_BY_HEADER = 'Ocupado_Por';
export const OCCUPIED_AT_HEADER = 'Fecha_Ocupacion';

export const WORKER_PATTERN = /^[A-Z]{1,3}\(\d+\)$/;
const TIMESTAMP_PATTERN = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

export function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function isWorker(value: unknown): boolean {
  return typeof value === 'string' && WORKER_PATTERN.test(value);
}

/** `DD-MM-YYYY HH:MM:SS` with a real calendar date and time, or a date-formatted cell (a Date). */
export function isOccupationTime(value: unknown): boolean {
  if (isDate(value)) return !Number.isNaN(value.getTime());
  if (typeof value !== 'string') return false;
  const match = TIMESTAMP_PATTERN.exec(value);
  if (!match) return false;
  const [day, month, year, hour, minute, second] = match.slice(1).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59
  );
}
