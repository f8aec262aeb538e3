import type { Clock } from '../ports';

/**
 * The execution's time budget (config `time_budget_seconds`, within Apps Script's 6 minutes): long phases
 * stop between blocks once it is spent, with their cursor saved, and the next call goes on from there.
 */
export class Budget {
  readonly start: number;

  constructor(
    private readonly clock: Clock,
    private readonly limitMs: number,
  ) {
    this.start = clock.now();
  }

  get deadline(): number {
    return this.start + this.limitMs;
  }

  spent(): boolean {
    return this.clock.now() - this.start >= this.limitMs;
  }
}

/** Thrown when the budget ran out before the rollback finished; its checkpoint holds where it stopped. */
export class RollbackNotFinished extends Error {
  constructor(mode: string, progress: string) {
    super(
      `The ${mode} rollback is not finished yet (${progress}): it stopped to stay within Apps Script's time limit. ` +
        `Call rollbackMigration({mode: "${mode}", confirm: true}) again to continue from where it stopped.`,
    );
    this.name = 'RollbackNotFinished';
  }
}
