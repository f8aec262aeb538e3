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
