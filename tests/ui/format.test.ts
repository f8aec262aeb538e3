import { translator } from '../../src/ui/i18n';
import {
  describeValue,
  differencesOf,
  EtaTracker,
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

describe('EtaTracker', () => {
  it('has no estimate until progress has advanced, then extrapolates the observed rate', () => {
    const eta = new EtaTracker();
    expect(eta.observe('initialize_versions', { done: 0, total: 20000 }, 0)).toBeNull();
    expect(eta.observe('initialize_versions', { done: 0, total: 20000 }, 5000)).toBeNull();
    // 5,000 rows in 10 s: 500 rows/s, 15,000 left -> 30 s
    expect(eta.observe('initialize_versions', { done: 5000, total: 20000 }, 10000)).toBeCloseTo(30);
  });

  it('starts over when the step goes backwards (a new run)', () => {
    const eta = new EtaTracker();
    eta.observe('s', { done: 100, total: 200 }, 0);
    expect(eta.observe('s', { done: 10, total: 200 }, 1000)).toBeNull();
    expect(eta.observe('s', { done: 20, total: 200 }, 2000)).toBeCloseTo(18);
  });
});

describe('formatDuration', () => {
  it('writes seconds, minutes and hours', () => {
    expect(formatDuration(0.2, t)).toBe('1 s');
    expect(formatDuration(42, t)).toBe('42 s');
    expect(formatDuration(125, t)).toBe('2 min 5 s');
    expect(formatDuration(3 * 3600 + 60 * 7, t)).toBe('3 h 7 min');
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
