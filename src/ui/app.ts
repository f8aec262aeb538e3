// What every part of the sidebar shares: the server, the texts, the last status and plan, and the
// functions that redraw the sections that depend on them.
import type { Plan, ServerApi, Status } from './contract';
import { byId, type ViewContext } from './dom';
import { renderStatus } from './view-status';
import { renderPlan, blockingOf } from './view-plan';
import { renderHistory } from './view-history';
import { inProgress } from './run-loop';

export class App {
  status: Status | null = null;
  plan: Plan | null = null;
  looping = false;
  private statusListeners: (() => void)[] = [];

  constructor(
    readonly server: ServerApi,
    readonly ctx: ViewContext,
  ) {}

  onStatusChange(listener: () => void): void {
    this.statusListeners.push(listener);
  }

  setStatus(status: Status): void {
    this.status = status;
    renderStatus(byId('status-facts'), this.status, this.plan, this.ctx);
    if (status && typeof status.migration === 'string') {
      byId('app-subtitle').textContent = this.ctx.t('app_subtitle', { migration: status.migration });
    }
    for (const listener of this.statusListeners) listener();
  }

  setPlan(plan: Plan | null): void {
    this.plan = plan;
    renderPlan(byId('plan-body'), plan, this.ctx, this.status?.state === 'done');
    renderStatus(byId('status-facts'), this.status, this.plan, this.ctx);
    for (const listener of this.statusListeners) listener();
  }

  blocking(): string[] {
    return blockingOf(this.plan);
  }

  runInProgress(): boolean {
    return inProgress(this.status);
  }

  async loadPlan(): Promise<void> {
    const error = byId('plan-error');
    const button = byId<HTMLButtonElement>('preview-button');
    button.disabled = true;
    error.hidden = true;
    try {
      this.setPlan(await this.server.previewMigration());
    } catch (e) {
      showError(error, this.ctx, e);
    } finally {
      button.disabled = false;
    }
  }

  async loadStatus(): Promise<Status> {
    const status = await this.server.getMigrationStatus();
    this.setStatus(status);
    return status;
  }

  async loadHistory(): Promise<unknown[]> {
    try {
      const history = await this.server.getMigrationHistory();
      renderHistory(byId('history-list'), history, this.ctx);
      return Array.isArray(history) ? history : [];
    } catch (e) {
      showError(byId('history-list'), this.ctx, e);
      return [];
    }
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Puts an error's message into an element as text and shows it. */
export function showError(target: HTMLElement, ctx: ViewContext, error: unknown): void {
  target.textContent = ctx.t('error_message', { message: messageOf(error) });
  target.hidden = false;
}
