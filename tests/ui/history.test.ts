import { safeUrl, toHistoryRow, toHistoryRows } from '../../src/ui/history';

describe('history rows', () => {
  it('reads the fields it knows and ignores the rest', () => {
    const row = toHistoryRow({
      kind: 'migration',
      run_id: 'r1',
      state: 'done',
      started_at: '2026-11-24T12:00:00.000Z',
      completed_at: '2026-11-24T12:01:00.000Z',
      backup: { name: 'ZEUES v3.0 2026-11-24', url: 'https://drive.google.com/file/d/1' },
      surprise: { nested: true },
    });
    expect(row).toEqual({
      kind: 'migration',
      migration: null,
      runId: 'r1',
      outcome: 'succeeded',
      startedAt: '2026-11-24T12:00:00.000Z',
      completedAt: '2026-11-24T12:01:00.000Z',
      backupName: 'ZEUES v3.0 2026-11-24',
      backupUrl: 'https://drive.google.com/file/d/1',
      error: null,
    });
  });

  it('turns missing or odd fields into nulls rather than failing', () => {
    expect(
      toHistoryRow({ kind: 'rollback', success: false, error: { step: 'restore', message: 'no backup' } }),
    ).toMatchObject({
      kind: 'rollback',
      outcome: 'failed',
      runId: null,
      startedAt: null,
      error: 'restore: no backup',
    });
    expect(toHistoryRow('garbage')).toMatchObject({ kind: 'other', outcome: null });
    expect(toHistoryRows({ not: 'a list' })).toEqual([]);
  });

  it('speaks of every kind in one vocabulary of outcomes', () => {
    const outcomes = [
      { kind: 'migration', state: 'done' },
      { kind: 'verification', state: 'passed' },
      { kind: 'rollback', state: 'done', success: true },
      { kind: 'verification', state: 'failed' },
      { kind: 'migration', state: 'paused' },
    ].map((e) => toHistoryRow(e).outcome);
    expect(outcomes).toEqual(['succeeded', 'succeeded', 'succeeded', 'failed', 'paused']);
  });

  it('never turns a javascript: or data: address into a link', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<b>')).toBeNull();
    expect(safeUrl('https://docs.google.com/x')).toBe('https://docs.google.com/x');
  });
});
