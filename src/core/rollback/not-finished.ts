import type { Translate } from '../messages';

/** Thrown when the budget ran out before the rollback finished; its checkpoint holds where it stopped. */
export class RollbackNotFinished extends Error {
  /** `progress`: how far it got, in the owner's words (one of the rollback_progress_* texts). */
  constructor(mode: string, progress: string, t: Translate) {
    super(t('rollback_not_finished', { mode, progress }));
    this.name = 'RollbackNotFinished';
  }
}
