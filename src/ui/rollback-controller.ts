// Undo: the mode, the override when the window has passed, then a second confirmation before
// rollbackMigration, called again while it answers pending (a rollback longer than one execution).
// Whether it may be done at all comes from the PanelView.
import type { RollbackMode, RollbackOptions } from './contract';
import { App, showError } from './app';
import { byId } from './dom';
import { callWhilePending, rollbackProgress } from './pending-loop';

export class RollbackController {
  onRolledBack: () => Promise<void> = async () => undefined;

  constructor(private readonly app: App) {
    byId('rollback-button').addEventListener('click', () => this.askConfirmation());
    byId('rollback-cancel-button').addEventListener('click', () => this.closeConfirmation());
    byId('rollback-confirm-button').addEventListener('click', () => void this.rollBack());
    byId<HTMLInputElement>('override-window').addEventListener('change', (event) =>
      this.app.update({ overrideChecked: (event.target as HTMLInputElement).checked }),
    );
    for (const radio of this.modeInputs()) radio.addEventListener('change', () => this.closeConfirmation());
  }

  private modeInputs(): HTMLInputElement[] {
    return Array.from(document.querySelectorAll<HTMLInputElement>('input[name="rollback-mode"]'));
  }

  private mode(): RollbackMode {
    return this.modeInputs().find((r) => r.checked)?.value === 'full' ? 'full' : 'columns';
  }

  private askConfirmation(): void {
    if (!this.app.view.rollback.canRollBack) return;
    const { t } = this.app.ctx;
    byId('rollback-confirm-text').textContent =
      this.mode() === 'full' ? t('rollback_confirm_full') : t('rollback_confirm_columns');
    byId('rollback-confirm').hidden = false;
    byId('rollback-start').hidden = true;
    byId<HTMLButtonElement>('rollback-confirm-button').focus();
  }

  private closeConfirmation(): void {
    byId('rollback-confirm').hidden = true;
    byId('rollback-start').hidden = false;
  }

  private async rollBack(): Promise<void> {
    if (!this.app.view.rollback.canRollBack) return;
    const options: RollbackOptions = { mode: this.mode(), confirm: true };
    if (this.app.view.rollback.offerOverride && this.app.state.overrideChecked)
      options.override_window = true;
    await this.drive(options);
  }

  /** Goes on with an undo that stopped at its time limit (confirmed when it began), in the mode it began with. */
  async carryOn(mode: RollbackMode): Promise<void> {
    for (const radio of this.modeInputs()) radio.checked = radio.value === mode;
    await this.drive({ mode, confirm: true });
  }

  /**
   * An undo that stopped unfinished: its pending report would say it goes on by itself, so it goes; the
   * eligibility, read again, now says an undo is under way.
   */
  private async stoppedUnfinished(): Promise<void> {
    this.app.update({ rollbackReport: null });
    await this.app.loadEligibility();
  }

  private async drive(options: RollbackOptions): Promise<void> {
    const error = byId('rollback-error');
    error.hidden = true;
    const confirm = byId<HTMLButtonElement>('rollback-confirm-button');
    confirm.disabled = true;
    this.app.update({ busy: true });
    try {
      const report = await callWhilePending({
        call: () => this.app.server.rollbackMigration(options),
        progressOf: rollbackProgress,
        onAnswer: (answer) => {
          this.closeConfirmation();
          this.app.update({ rollbackReport: answer });
        },
      });
      if (rollbackProgress(report)) {
        await this.stoppedUnfinished();
        error.textContent = this.app.ctx.t('rollback_stalled');
        error.hidden = false;
        return;
      }
      // The verification and eligibility were about the migration just undone.
      this.app.update({
        rollbackReport: report,
        verification: null,
        eligibility: null,
        overrideChecked: false,
      });
      byId<HTMLInputElement>('override-window').checked = false;
      await this.onRolledBack();
    } catch (e) {
      if (rollbackProgress(this.app.state.rollbackReport)) await this.stoppedUnfinished();
      showError(error, this.app.ctx, e);
    } finally {
      confirm.disabled = false;
      this.app.update({ busy: false });
    }
  }
}
