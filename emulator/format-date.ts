import { ServiceError } from './errors';

// Java SimpleDateFormat patterns, as Utilities.formatDate takes them, rendered with Intl in a time zone.
// https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
// https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 1 = Monday ... 7 = Sunday
  offsetMinutes: number;
  zoneName: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    let zone = timeZone;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      zone = 'UTC'; // Java falls back to GMT for an unknown zone id
    }
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function dateParts(ms: number, timeZone: string): Parts {
  const raw: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) raw[p.type] = p.value;
  const year = Number(raw.year);
  const month = Number(raw.month);
  const day = Number(raw.day);
  const hour = Number(raw.hour) % 24;
  const minute = Number(raw.minute);
  const second = Number(raw.second);
  const wholeMs = ms - (((ms % 1000) + 1000) % 1000);
  const offsetMinutes = Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - wholeMs) / 60000);
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    ms: ((ms % 1000) + 1000) % 1000,
    weekday,
    offsetMinutes,
    zoneName: raw.timeZoneName ?? 'GMT',
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function offset(minutes: number, colon: boolean, zForZero: boolean): string {
  if (zForZero && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function field(letter: string, count: number, p: Parts): string {
  switch (letter) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[p.month - 1];
      if (count === 3) return MONTHS[p.month - 1].slice(0, 3);
      return pad(p.month, count);
    case 'd':
      return pad(p.day, count);
    case 'E':
      return count >= 4 ? DAYS[p.weekday - 1] : DAYS[p.weekday - 1].slice(0, 3);
    case 'u':
      return pad(p.weekday, count);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, count);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case 'K':
      return pad(p.hour % 12, count);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(p.ms, Math.max(count, 3)).slice(0, Math.max(count, 3));
    case 'z':
      return p.zoneName;
    case 'Z':
      return offset(p.offsetMinutes, false, false);
    case 'X':
      if (count === 1) return offset(p.offsetMinutes, false, true).slice(0, 3);
      return offset(p.offsetMinutes, count >= 3, true);
    default:
      throw new ServiceError(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const p = dateParts(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") {
          break;
        } else {
          out += pattern[j++];
        }
      }
      i = j + 1;
      continue;
    }
    if (/[a-zA-Z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      out += field(c, n, p);
      i += n;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
