// The Run section: start, resume, pause here, and the loop that drives continueMigration() slice by slice.
import type { Status } from './contract';
import { App, messageOf } from './app';
import { byId } from './dom';
import { EtaTracker, formatDuration, text } from './format';
import { stepLabel } from './labels';
import { driveRun, inProgress, type LoopEnd } from './run-loop';
import { chunkedStep, renderSteps } from './view-run';

export class RunController {
  private readonly eta = new EtaTracker();
  private stopHere = false;
  /** Called when a run ends (done, failed, paused here), so other sections can refresh. */
  onRunEnd: (end: LoopEnd) => void = () => undefined;

  constructor(private readonly app: App) {
    app.onStatusChange(() => this.render());
    byId('run-button').addEventListener('click', () => void this.startOrResume(false));
    byId('restart-button').addEventListener('click', () => void this.startOrResume(true));
    byId('pause-button').addEventListener('click', () => {
      this.stopHere = true;
      byId<HTMLButtonElement>('pause-button').disabled = true;
    });
  }

  /** Starts a run, resumes a failed or paused one, or (force) starts over. */
  async startOrResume(force: boolean): Promise<void> {
    const { server } = this.app;
    const status = this.app.status;
    const resume = !force && status !== null && this.app.runInProgress();
    await this.loop(() =>
      resume ? server.continueMigration() : server.startMigration(force ? { force: true } : {}),
    );
  }

  /** Picks up a run that was in progress when the sidebar opened. */
  resume(): Promise<void> {
    return this.loop(() => this.app.server.continueMigration());
  }

  private async loop(first: () => Promise<Status>): Promise<void> {
    const { t } = this.app.ctx;
    this.app.looping = true;
    this.stopHere = false;
    this.eta.reset();
    this.setMessage(t('run_working'), false);
    this.render();
    const end = await driveRun(this.app.server, first, {
      onStatus: (status) => {
        this.app.setStatus(status);
        const note = typeof status.message === 'string' && status.message !== '' ? status.message : null;
        if (inProgress(status)) this.setMessage(note ?? t('run_working'), false);
      },
      stopRequested: () => this.stopHere,
    });
    this.app.looping = false;
    if (end.reason === 'error') this.setMessage(t('error_message', { message: messageOf(end.error) }), true);
    else if (end.reason === 'stalled') this.setMessage(t('run_stalled'), true);
    else if (end.reason === 'stopped') this.setMessage(t('run_paused_here'), false);
    else this.describeEnd(end.status);
    this.render();
    this.onRunEnd(end);
  }

  private describeEnd(status: Status): void {
    const { t } = this.app.ctx;
    if (status.state === 'done') this.setMessage(t('run_done'), false);
    else if (status.state === 'failed') {
      const step = status.error ? stepLabel(t, status.error.step) : t('dash');
      this.setMessage(t('run_failed', { step, message: text(status.error?.message) }), true);
    } else this.setMessage('', false);
  }

  private setMessage(message: string, isError: boolean): void {
    const node = byId('run-message');
    node.textContent = message;
    node.className = isError ? 'error' : 'secondary';
  }

  render(): void {
    const { t } = this.app.ctx;
    const status = this.app.status;
    renderSteps(byId('steps'), status, this.app.ctx);
    this.renderEta(status);
    const run = byId<HTMLButtonElement>('run-button');
    const restart = byId<HTMLButtonElement>('restart-button');
    const pause = byId<HTMLButtonElement>('pause-button');
    const state = status?.state ?? 'not_started';
    const resumable = state === 'failed' || this.app.runInProgress();
    run.textContent = resumable ? t('run_resume') : t('run_start');
    run.hidden = this.app.looping;
    pause.hidden = !this.app.looping;
    pause.disabled = this.stopHere;
    restart.hidden = this.app.looping || state !== 'failed';
    if (this.app.looping) run.disabled = true;
    else if (resumable) run.disabled = false;
    else run.disabled = state === 'done' || this.app.plan === null || this.app.blocking().length > 0;
    run.title = !resumable && this.app.blocking().length > 0 ? t('run_blocked') : '';
  }

  private renderEta(status: Status | null): void {
    const { t } = this.app.ctx;
    const node = byId('run-eta');
    const step = this.app.looping ? chunkedStep(status) : null;
    if (!step || !step.progress) {
      node.textContent = '';
      return;
    }
    const seconds = this.eta.observe(String(step.name), step.progress, Date.now());
    node.textContent =
      seconds === null ? t('run_eta_unknown') : t('run_eta', { time: formatDuration(seconds, t) });
  }
}
