import { translator } from '../../src/ui/i18n';
import {
  describeValue,
  differencesOf,
  localizeText,
  formatNumber,
  formatDuration,
  formatTime,
  percent,
  text,
} from '../../src/ui/format';

const t = translator('en');

describe('percent', () => {
  it('is the floor of done/total, clamped to 0..100', () => {
    expect(percent({ done: 4000, total: 20000 })).toBe(20);
    expect(percent({ done: 19999, total: 20000 })).toBe(99);
    expect(percent({ done: 25, total: 20 })).toBe(100);
    expect(percent({ done: 0, total: 0 })).toBe(100);
    expect(percent(undefined)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('says a time left as a person would: tens of seconds, whole minutes, hours and five minutes', () => {
    expect(formatDuration(0.2, t)).toBe('10 s');
    expect(formatDuration(42, t)).toBe('50 s');
    expect(formatDuration(125, t)).toBe('3 min');
    expect(formatDuration(3 * 3600 + 60 * 7, t)).toBe('3 h 5 min');
    expect(formatDuration(3 * 3600 + 60 * 58, t)).toBe('4 h');
    expect(formatDuration(26 * 3600 + 60 * 40, t)).toBe('27 h');
  });
});

describe('numbers and times in the locale', () => {
  it('groups digits and writes dates the locale’s way', () => {
    expect(formatNumber(24275, 'en-US')).toBe('24,275');
    expect(formatNumber(24275, 'es')).toBe('24.275');
    expect(formatNumber(null, 'es')).toBe('—');
  });

  it('rewrites ISO times and bare counts inside a server text, and leaves names and ids alone', () => {
    const out = localizeText(
      'Run v3.0-20261124T120001Z was rolled back (2026-11-24T12:00:18.468Z); 24275 of 10000000 cells; ZEUES (v3.0 backup 2026-11-24 12.00.01 UTC)',
      'en-US',
    );
    expect(out).toContain('Run v3.0-20261124T120001Z was rolled back (');
    expect(out).not.toContain('2026-11-24T12:00:18.468Z');
    expect(out).toContain('Nov 24, 2026');
    expect(out).toContain('24,275 of 10,000,000 cells');
    expect(out).toContain('ZEUES (v3.0 backup 2026-11-24 12.00.01 UTC)');
  });
});

describe('values shown as text', () => {
  it('shows a dash for missing values and unreadable times', () => {
    expect(text(undefined)).toBe('—');
    expect(text(null)).toBe('—');
    expect(text('')).toBe('—');
    expect(formatTime('not a time', 'en')).toBe('—');
    expect(formatTime(undefined, 'en')).toBe('—');
    expect(formatTime('2026-11-24T12:00:00.000Z', 'en')).toMatch(/2026/);
  });

  it('joins lists, writes objects as JSON and cuts long values', () => {
    expect(describeValue(['Ocupado_Por', 'version'])).toBe('Ocupado_Por, version');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue('x'.repeat(200), 20)).toHaveLength(20);
  });

  it('describes the first differences of a check, whatever the list is called', () => {
    const check = {
      passed: false,
      differences: [
        { row: 7, column: 'TAG_SPOOL', expected: 'A-1', actual: 'A-2' },
        'something else',
        { row: 9, column: 'OT', expected: 1, actual: 2 },
      ],
    };
    expect(differencesOf(check, t, 2)).toEqual(['row 7, TAG_SPOOL: A-1 → A-2', 'something else']);
    expect(differencesOf({ passed: true, mismatches: [] }, t)).toEqual([]);
    const header = {
      passed: false,
      differences: [{ row: 3, header: 'Notas', backup: '19-09-2026', current: '' }],
    };
    expect(differencesOf(header, t)).toEqual(['row 3, Notas: 19-09-2026 → —']);
    expect(differencesOf(undefined, t)).toEqual([]);
  });
});
