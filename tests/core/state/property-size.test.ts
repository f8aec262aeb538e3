// Every value the add-on keeps in a document property fits Apps Script's limit of 9 KB per value, counted in UTF-8
// bytes (https://developers.google.com/apps-script/guides/services/quotas#current_limitations): a sheet's text in
// Spanish or Japanese takes two or three bytes a character, so a limit counted in characters lets a value through
// that the property service refuses, and the operation that saves its cursor fails instead of pausing.
import { encodeCursor, startVerification } from '../../../src/core/verify/cursor';
import { saveCheckpoint, type RollbackCheckpoint } from '../../../src/core/rollback/checkpoint';
import { encodeHistoryEntry } from '../../../src/core/history';
import { MAX_STORED_BYTES, utf8Bytes } from '../../../src/core/state/property-size';
import { ROLLBACK_STATE_KEY } from '../../../src/core/state/keys';
import type { Baseline } from '../../../src/core/baseline';
import type { HistoryEntry, VerificationReport } from '../../../src/core/contract';
import { summariseReport } from '../../../src/core/verify/report';

const LIMIT = 9 * 1024;
/** 80 characters of three bytes each: a shown value at its longest (MAX_SHOWN_CHARS). */
const WIDE = '配管スプール'.repeat(14).slice(0, 80);

const baseline = {
  migration: 'v3.0',
  run_id: 'run-1',
  spreadsheet_id: 'sheet',
  sheet_name: 'Operaciones',
  data_rows: 1000,
  v21_columns: 63,
} as unknown as Baseline;

test('utf8Bytes counts the bytes of accented, CJK and astral characters', () => {
  expect(utf8Bytes('TAG-1')).toBe(5);
  expect(utf8Bytes('ñ')).toBe(2);
  expect(utf8Bytes('配')).toBe(3);
  expect(utf8Bytes('🔧')).toBe(4);
});

test('a verification cursor full of wide examples is cut to fit the limit in bytes', () => {
  const cursor = startVerification(baseline, '2026-12-04T10:00:00.000Z');
  for (let row = 2; row < 102; row += 1) {
    cursor.intact.differences.first.push({ row, key: WIDE, header: 'Estado', backup: WIDE, current: WIDE });
  }
  cursor.intact.differences.count = 100;
  const json = encodeCursor(cursor);
  expect(utf8Bytes(json)).toBeLessThanOrEqual(MAX_STORED_BYTES);
  expect(MAX_STORED_BYTES).toBeLessThan(LIMIT);
  const stored = JSON.parse(json) as typeof cursor;
  expect(stored.intact.differences.count).toBe(100);
  expect(stored.intact.differences.first.length).toBeGreaterThan(0);
});

test('a rollback checkpoint listing wide differences is cut to fit the limit in bytes', () => {
  const written: Record<string, string> = {};
  const store = {
    getAll: () => ({ ...written }),
    get: (key: string) => written[key] ?? null,
    setMany: (values: Record<string, string>) => Object.assign(written, values),
    delete: (key: string) => void delete written[key],
  };
  // MAX_LISTED_DIFFERENCES (20) differences, each value and formula shown at its longest (60 characters)
  const shown = WIDE.slice(0, 60);
  const differences = Array.from({ length: 20 }, (_, i) => ({
    row: i + 2,
    column: 'C',
    backup: shown,
    current: shown,
    backup_formula: `=${shown}`,
    current_formula: `=${shown}`,
  }));
  const checkpoint = {
    run_id: 'run-1.rollback',
    phase: 'verify',
    verify: { next_row: 102, rows: 101, width: 10, total: 20, differences },
  } as unknown as RollbackCheckpoint;
  const saved = saveCheckpoint(store, checkpoint);
  expect(utf8Bytes(written[ROLLBACK_STATE_KEY])).toBeLessThanOrEqual(MAX_STORED_BYTES);
  expect(saved.verify?.differences.length).toBeGreaterThan(0);
  expect(saved.verify?.total).toBe(20);
  expect(JSON.stringify(checkpoint).length).toBeLessThan(MAX_STORED_BYTES);
});

test('a history entry over the limit in bytes is refused with a message naming it', () => {
  const entry = {
    kind: 'migration',
    run_id: 'run-7',
    report: { errors: Array.from({ length: 40 }, () => WIDE) },
  } as unknown as HistoryEntry;
  // 40 x 80 characters = 3,200 characters, 9,600 bytes
  expect(JSON.stringify(entry).length).toBeLessThan(MAX_STORED_BYTES);
  expect(() => encodeHistoryEntry(entry)).toThrow(/History entry for run run-7 is 9,\d{3} bytes/);
});

test('a verification report full of wide values is summarised to fit its history entry in bytes', () => {
  const differences = Array.from({ length: 100 }, (_, i) => ({
    row: i + 2,
    key: WIDE,
    header: WIDE,
    backup: WIDE,
    current: WIDE,
  }));
  const report = {
    timestamp: '2026-12-04T10:00:00.000Z',
    dry_run: false,
    success: false,
    errors: Array.from({ length: 10 }, () => WIDE.repeat(3)),
    checks: {
      data_intact: { passed: false, differences, edits: differences, note: WIDE.repeat(3) },
      column_count: { passed: true, expected: 68, actual: 68 },
    },
  } as unknown as VerificationReport;
  const entry = { kind: 'verification', run_id: 'run-1', report: summariseReport(report) };
  expect(() => encodeHistoryEntry(entry as unknown as HistoryEntry)).not.toThrow();
  expect(utf8Bytes(JSON.stringify(entry))).toBeLessThanOrEqual(MAX_STORED_BYTES);
});
