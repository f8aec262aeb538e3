import type { Status } from '../../src/ui/contract';
import { estimate, rowsLeft, ThroughputEstimator } from '../../src/ui/eta';

function status(updated: string, backupDone: number, extra: Partial<Status> = {}): Status {
  return {
    migration: 'v3.0',
    run_id: 'r1',
    state: 'paused',
    dry_run: false,
    steps: [
      {
        name: 'create_backup',
        status: 'running',
        started_at: '2026-11-24T12:00:00.000Z',
        progress: { done: backupDone, total: 20000 },
      },
      { name: 'add_v3_columns', status: 'pending' },
      { name: 'verify_schema', status: 'pending' },
      { name: 'initialize_versions', status: 'pending' },
      { name: 'test_smoke', status: 'pending' },
    ],
    updated_at: updated,
    ...extra,
  };
}

describe('rowsLeft', () => {
  it('counts what is left of the step under way and the sheet’s rows for each pending row-by-row step', () => {
    expect(rowsLeft(status('2026-11-24T12:00:10.000Z', 5000).steps, null)).toBe(15000 + 20000);
  });
});

describe('ThroughputEstimator', () => {
  it('measures from the first status when its step started inside the slice', () => {
    const eta = new ThroughputEstimator(() => 30);
    eta.observe(status('2026-11-24T12:00:10.000Z', 5000));
    expect(eta.rate()).toBeCloseTo(500);
  });

  it('adds up work over server time and leaves waits longer than a slice out', () => {
    const eta = new ThroughputEstimator(() => 30);
    const first = status('2026-11-24T12:00:10.000Z', 1000);
    first.steps[0].started_at = '2026-11-24T11:00:00.000Z'; // started an hour ago: no bootstrap
    eta.observe(first);
    expect(eta.rate()).toBeNull();
    eta.observe(status('2026-11-24T12:00:30.000Z', 11000)); // 10,000 rows in 20 s
    expect(eta.rate()).toBeCloseTo(500);
    eta.observe(status('2026-11-24T13:00:30.000Z', 13000)); // an hour's wait for the trigger: not work
    expect(eta.rate()).toBeCloseTo(500);
    eta.observe(status('2026-11-24T13:00:40.000Z', 14000)); // 1,000 rows in 10 s
    expect(eta.rate()).toBeCloseTo(11000 / 30);
  });

  it('starts over for a new run', () => {
    const eta = new ThroughputEstimator(() => 30);
    eta.observe(status('2026-11-24T12:00:10.000Z', 5000));
    eta.observe(
      status('2026-11-24T12:00:20.000Z', 100, {
        run_id: 'r2',
        steps: status('', 100).steps.map((s) => ({ ...s, started_at: undefined })),
      }),
    );
    expect(eta.rate()).toBeNull();
  });
});

describe('estimate', () => {
  it('open: the rows left at the measured rate; closed: one more hour for every slice after the current one', () => {
    const s = status('2026-11-24T12:00:10.000Z', 5000);
    // 35,000 rows at 100 rows/s = 350 s; 300 s slices: 2 slices, the one in flight and one after an hour.
    expect(estimate(s, 100, null, 300, true)).toEqual({ open: 350, closed: 350 + 3600 });
    expect(estimate(s, 100, null, 300, false)).toEqual({ open: 350, closed: 350 + 2 * 3600 });
    expect(estimate(s, null, null, 300, true)).toBeNull();
  });
});
