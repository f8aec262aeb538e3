// Checks: runs verifyMigration() on demand, again while it answers pending (a verification longer than one
// execution); the latest saved report comes from the history.
import type { VerificationReport } from './contract';
import { App, showError } from './app';
import { byId } from './dom';
import { callWhilePending, verificationProgress } from './pending-loop';

/** The newest report found in the history (entries are newest first), if the server keeps them there. */
export function latestReport(history: unknown[]): VerificationReport | null {
  for (const entry of history) {
    const report = entry && typeof entry === 'object' ? (entry as { report?: unknown }).report : undefined;
    if (report && typeof report === 'object' && (report as VerificationReport).checks) {
      return report as VerificationReport;
    }
  }
  return null;
}

export class VerifyController {
  onVerified: () => Promise<unknown> = async () => undefined;

  constructor(private readonly app: App) {
    byId('verify-button').addEventListener('click', () => void this.verify());
  }

  async verify(): Promise<void> {
    if (!this.app.view.checks.canRun) return;
    const error = byId('verify-error');
    error.hidden = true;
    // Shown again if the checks stop unfinished: a pending report would say they go on by themselves.
    const shown = this.app.state.verification;
    this.app.update({ busy: true });
    try {
      const report = await callWhilePending({
        call: () => this.app.server.verifyMigration(),
        progressOf: verificationProgress,
        onAnswer: (answer) => this.app.update({ verification: answer }),
      });
      if (verificationProgress(report)) {
        this.app.update({ verification: shown });
        error.textContent = this.app.ctx.t('verify_stalled');
        error.hidden = false;
        return;
      }
      await this.onVerified();
    } catch (e) {
      if (verificationProgress(this.app.state.verification)) this.app.update({ verification: shown });
      showError(error, this.app.ctx, e);
    } finally {
      this.app.update({ busy: false });
    }
  }
}
