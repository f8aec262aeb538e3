import type { Status } from '../../src/ui/contract';
import { driveRun, withPolling } from '../../src/ui/run-loop';

function status(state: Status['state'], done = 0): Status {
  return {
    migration: 'v3.0',
    run_id: 'r1',
    state,
    dry_run: false,
    steps: [
      {
        name: 'initialize_versions',
        status: state === 'done' ? 'done' : 'running',
        progress: { done, total: 30 },
      },
    ],
    updated_at: '2026-11-24T12:00:00.000Z',
  };
}

describe('driveRun', () => {
  it('calls continueMigration while the run is running or paused and stops when it is done', async () => {
    const replies = [status('paused', 10), status('running', 20), status('done', 30)];
    const server = { continueMigration: jest.fn(async () => replies.shift()!) };
    const seen: string[] = [];
    const end = await driveRun(server, async () => status('running', 0), {
      onStatus: (s) => seen.push(`${s.state}:${s.steps[0].progress!.done}`),
    });
    expect(end.reason).toBe('finished');
    expect(server.continueMigration).toHaveBeenCalledTimes(3);
    expect(seen).toEqual(['running:0', 'paused:10', 'running:20', 'done:30']);
  });

  it('stops on a failed run without another slice', async () => {
    const server = { continueMigration: jest.fn(async () => status('failed')) };
    const end = await driveRun(server, async () => status('running'), { onStatus: () => undefined });
    expect(end).toMatchObject({ reason: 'finished', status: { state: 'failed' } });
    expect(server.continueMigration).toHaveBeenCalledTimes(1);
  });

  it('stops on a server error and reports it', async () => {
    const server = {
      continueMigration: jest.fn(async () => Promise.reject(new Error('Another run is in progress'))),
    };
    const end = await driveRun(server, async () => status('paused', 5), { onStatus: () => undefined });
    expect(end.reason).toBe('error');
    expect(end.reason === 'error' && end.error.message).toBe('Another run is in progress');
  });

  it('stops before the next slice when the person pauses it here', async () => {
    let stop = false;
    const server = { continueMigration: jest.fn(async () => ((stop = true), status('paused', 10))) };
    const end = await driveRun(server, async () => status('running', 0), {
      onStatus: () => undefined,
      stopRequested: () => stop,
    });
    expect(end.reason).toBe('stopped');
    expect(server.continueMigration).toHaveBeenCalledTimes(1);
  });

  it('gives up after slices that change nothing', async () => {
    const server = { continueMigration: jest.fn(async () => status('paused', 10)) };
    const end = await driveRun(server, async () => status('paused', 10), {
      onStatus: () => undefined,
      maxIdleSlices: 3,
      idleDelayMs: 0,
    });
    expect(end.reason).toBe('stalled');
    expect(server.continueMigration).toHaveBeenCalledTimes(3);
  });

  it('does not loop at all when the first status is not in progress', async () => {
    const server = { continueMigration: jest.fn() };
    const end = await driveRun(server, async () => status('done', 30), { onStatus: () => undefined });
    expect(end.reason).toBe('finished');
    expect(server.continueMigration).not.toHaveBeenCalled();
  });
});

describe('withPolling', () => {
  it('reads the status while the slice is in flight, one read at a time, and drops a read that ends after it', async () => {
    jest.useFakeTimers();
    try {
      let finishSlice: (s: Status) => void = () => undefined;
      const slice = new Promise<Status>((resolve) => (finishSlice = resolve));
      let reads = 0;
      let pendingRead: ((s: Status) => void) | null = null;
      const seen: number[] = [];
      const polled = withPolling(slice, {
        everyMs: 100,
        read: () => {
          reads += 1;
          return new Promise<Status>((resolve) => (pendingRead = resolve));
        },
        onStatus: (s) => seen.push(s.steps[0].progress!.done),
      });
      jest.advanceTimersByTime(350); // three ticks, but the first read has not come back: one read only
      expect(reads).toBe(1);
      pendingRead!(status('paused', 10));
      await Promise.resolve();
      await Promise.resolve();
      await Promise.resolve();
      expect(seen).toEqual([10]);
      jest.advanceTimersByTime(100);
      expect(reads).toBe(2);
      finishSlice(status('done', 30));
      expect((await polled).state).toBe('done');
      pendingRead!(status('paused', 20)); // came back after the slice: older than its answer
      await Promise.resolve();
      await Promise.resolve();
      expect(seen).toEqual([10]);
      jest.advanceTimersByTime(1000);
      expect(reads).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
