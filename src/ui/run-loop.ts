// Drives a run from the sidebar: one continueMigration() slice after another while the run is in progress,
// stopping on completion, failure, an error, or when the person pauses it here.
import type { RunState, ServerApi, Status } from './contract';

export const IN_PROGRESS: RunState[] = ['running', 'paused'];

export function inProgress(status: Pick<Status, 'state'> | null | undefined): boolean {
  return !!status && IN_PROGRESS.includes(status.state);
}

/** Paused by its owner: it waits for their Resume, so nothing drives it on by itself. */
export function pausedByOwner(
  status: Pick<Status, 'state' | 'pause_requested_at'> | null | undefined,
): boolean {
  return !!status && status.state === 'paused' && typeof status.pause_requested_at === 'string';
}

export type LoopEnd =
  | { reason: 'finished'; status: Status }
  | { reason: 'stopped'; status: Status | null }
  | { reason: 'error'; error: Error; status: Status | null }
  | { reason: 'stalled'; status: Status };

export interface LoopOptions {
  onStatus: (status: Status) => void;
  /** Checked before every slice: true ends the loop (the run stays resumable from its checkpoint). */
  stopRequested?: () => boolean;
  /** Slices in a row that change nothing before the loop gives up (another execution may hold the run). */
  maxIdleSlices?: number;
  /** Waited between slices that changed nothing. */
  idleDelayMs?: number;
  /**
   * Read while a slice is in flight (google.script.run runs calls concurrently), every `pollMs`, so the
   * progress the server saves mid-slice shows before the slice returns. A read that comes back after its
   * slice is dropped: the slice's own answer is newer.
   */
  poll?: { read: () => Promise<Status>; everyMs: number; onStatus: (status: Status) => void };
}

function fingerprint(status: Status): string {
  return JSON.stringify([status.state, status.run_id, status.steps, status.error ?? null]);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Awaits a slice, reading the status every `poll.everyMs` meanwhile (one read at a time). */
export async function withPolling(slice: Promise<Status>, poll: LoopOptions['poll']): Promise<Status> {
  if (!poll) return slice;
  let settled = false;
  let reading = false;
  const timer = setInterval(() => {
    if (settled || reading) return;
    reading = true;
    poll
      .read()
      .then((status) => {
        if (!settled) poll.onStatus(status);
      })
      .catch(() => undefined)
      .finally(() => (reading = false));
  }, poll.everyMs);
  try {
    return await slice;
  } finally {
    settled = true;
    clearInterval(timer);
  }
}

/**
 * Runs `first` (startMigration, continueMigration or a status already read), then continueMigration() while
 * the state is 'running' or 'paused'.
 */
export async function driveRun(
  server: Pick<ServerApi, 'continueMigration'>,
  first: () => Promise<Status>,
  options: LoopOptions,
): Promise<LoopEnd> {
  const maxIdle = options.maxIdleSlices ?? 30;
  let status: Status | null = null;
  let idle = 0;
  try {
    status = await withPolling(first(), options.poll);
    options.onStatus(status);
    while (inProgress(status)) {
      if (options.stopRequested?.() || pausedByOwner(status)) return { reason: 'stopped', status };
      const before = fingerprint(status);
      // live: the slice saves its progress as it goes (read by the poll) and stops at the next block on a pause
      status = await withPolling(server.continueMigration({ live: true }), options.poll);
      options.onStatus(status);
      if (fingerprint(status) === before) {
        idle += 1;
        if (idle >= maxIdle) return { reason: 'stalled', status };
        await wait(options.idleDelayMs ?? 1000);
      } else {
        idle = 0;
      }
    }
    return { reason: 'finished', status };
  } catch (error) {
    return { reason: 'error', error: error instanceof Error ? error : new Error(String(error)), status };
  }
}
