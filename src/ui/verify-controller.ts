// The Verification section: runs verifyMigration() on demand; shows the latest saved report on load.
import type { VerificationReport } from './contract';
import { App, showError } from './app';
import { byId } from './dom';
import { renderVerification } from './view-verification';

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
  onVerified: () => void = () => undefined;

  constructor(private readonly app: App) {
    byId('verify-button').addEventListener('click', () => void this.verify());
    app.onStatusChange(() => {
      byId<HTMLButtonElement>('verify-button').disabled = app.looping;
    });
  }

  show(report: VerificationReport | null): void {
    renderVerification(byId('verify-body'), report, this.app.ctx);
  }

  async verify(): Promise<void> {
    const button = byId<HTMLButtonElement>('verify-button');
    const error = byId('verify-error');
    button.disabled = true;
    error.hidden = true;
    try {
      this.show(await this.app.server.verifyMigration());
      this.onVerified();
    } catch (e) {
      showError(error, this.app.ctx, e);
    } finally {
      button.disabled = this.app.looping;
    }
  }
}
