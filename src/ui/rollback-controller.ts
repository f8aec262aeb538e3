// The Rollback section: eligibility, mode, override, then a second confirmation before rollbackMigration.
import type { Eligibility, RollbackMode, RollbackOptions } from './contract';
import { App, showError } from './app';
import { byId } from './dom';
import { outsideWindow, renderEligibility, renderRollbackReport } from './view-rollback';

export class RollbackController {
  private eligibility: Eligibility | null = null;
  private busy = false;
  onRolledBack: () => void = () => undefined;

  constructor(private readonly app: App) {
    byId('eligibility-button').addEventListener('click', () => void this.check());
    byId('rollback-button').addEventListener('click', () => this.askConfirmation());
    byId('rollback-cancel-button').addEventListener('click', () => this.closeConfirmation());
    byId('rollback-confirm-button').addEventListener('click', () => void this.rollBack());
    byId('override-window').addEventListener('change', () => this.render());
    for (const radio of this.modeInputs()) radio.addEventListener('change', () => this.closeConfirmation());
    app.onStatusChange(() => this.render());
  }

  private modeInputs(): HTMLInputElement[] {
    return Array.from(document.querySelectorAll<HTMLInputElement>('input[name="rollback-mode"]'));
  }

  private mode(): RollbackMode {
    return this.modeInputs().find((r) => r.checked)?.value === 'full' ? 'full' : 'columns';
  }

  async check(): Promise<void> {
    const error = byId('rollback-error');
    error.hidden = true;
    try {
      this.eligibility = await this.app.server.checkRollbackEligibility();
    } catch (e) {
      this.eligibility = null;
      showError(error, this.app.ctx, e);
    }
    renderEligibility(byId('rollback-eligibility'), this.eligibility, this.app.ctx);
    this.render();
  }

  private askConfirmation(): void {
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
    const options: RollbackOptions = { mode: this.mode(), confirm: true };
    if (outsideWindow(this.eligibility) && byId<HTMLInputElement>('override-window').checked) {
      options.override_window = true;
    }
    const error = byId('rollback-error');
    error.hidden = true;
    this.busy = true;
    this.render();
    byId<HTMLButtonElement>('rollback-confirm-button').disabled = true;
    try {
      const report = await this.app.server.rollbackMigration(options);
      renderRollbackReport(byId('rollback-result'), report, this.app.ctx);
      this.closeConfirmation();
      this.onRolledBack();
    } catch (e) {
      showError(error, this.app.ctx, e);
    } finally {
      this.busy = false;
      byId<HTMLButtonElement>('rollback-confirm-button').disabled = false;
      this.render();
    }
  }

  render(): void {
    const e = this.eligibility;
    const outside = outsideWindow(e);
    byId('override-row').hidden = !outside;
    byId('override-label').textContent = this.app.ctx.t('rollback_override', {
      window: typeof e?.window_days === 'number' ? e.window_days : '—',
    });
    const allowed = !!e && (e.eligible || (outside && byId<HTMLInputElement>('override-window').checked));
    byId<HTMLButtonElement>('rollback-button').disabled = this.busy || this.app.looping || !allowed;
  }
}
