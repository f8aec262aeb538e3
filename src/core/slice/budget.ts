import type { Clock } from '../ports';

/**
 * The time one execution may spend before it saves its cursor and pauses: the same for a migration slice, a
 * verification and a rollback. Apps Script stops an execution at
 * 6 minutes (https://developers.google.com/apps-script/guides/services/quotas#current_limitations); the budget
 * (300 s by default) leaves room for the checkpoint. Block reads are sized against it by ReadPlanner
 * (./read-pace.ts) from the read speed measured so far, so a read never starts when it could not finish in time.
 */
export class TimeBudget {
  readonly deadlineMs: number;

  constructor(
    private readonly clock: Clock,
    readonly startMs: number,
    seconds: number,
  ) {
    this.deadlineMs = startMs + seconds * 1000;
  }

  /** True when a chunk expected to take `nextChunkMs` would end past the deadline. */
  spent(nextChunkMs = 0): boolean {
    return this.clock.now() + nextChunkMs > this.deadlineMs;
  }

  elapsedMs(): number {
    return this.clock.now() - this.startMs;
  }
}
