// The panel's store: the server's latest answers and what the panel is doing. Every change goes through
// `update`, which derives the one PanelView (panel-state.ts) and redraws every section from it.
import type { Config, PanelServer, Status } from './contract';
import { byId, type ViewContext } from './dom';
import { ThroughputEstimator } from './eta';
import { derivePanel, type PanelInput, type PanelView } from './panel-state';
import { ServerError } from './server';
import { renderChain } from './view-chain';
import { renderHistory } from './view-history';
import { renderPlan } from './view-plan';
import { renderRollback } from './view-rollback';
import { renderSteps } from './view-run';
import { renderSummary } from './view-summary';
import { renderVerification } from './view-verification';

type Inputs = Omit<PanelInput, 'rate' | 'budgetSeconds'>;

const DEFAULT_BUDGET_SECONDS = 300;

export class App {
  state: Inputs = {
    status: null,
    plan: null,
    schemaInfo: null,
    eligibility: null,
    verification: null,
    rollbackReport: null,
    history: [],
    driving: false,
    pauseRequested: false,
    note: null,
    overrideChecked: false,
    busy: false,
    chosenTarget: null,
  };
  config: Config | null = null;
  view: PanelView;
  private lastPhase: string | null = null;
  readonly throughput = new ThroughputEstimator(() => this.budget());

  constructor(
    readonly server: PanelServer,
    readonly ctx: ViewContext,
  ) {
    this.view = derivePanel(this.input(), ctx);
  }

  private budget(): number {
    const seconds = this.config?.time_budget_seconds;
    return typeof seconds === 'number' && seconds > 0 ? seconds : DEFAULT_BUDGET_SECONDS;
  }

  private input(): PanelInput {
    return { ...this.state, rate: this.throughput.rate(), budgetSeconds: this.budget() };
  }

  update(change: Partial<Inputs>): void {
    if (change.status) this.throughput.observe(change.status);
    this.state = { ...this.state, ...change };
    this.render();
  }

  render(): void {
    const view = derivePanel(this.input(), this.ctx);
    this.view = view;
    document.body.dataset.phase = view.phase;
    renderSummary(view, this.ctx.t);
    renderChain(view.chain, this.ctx);
    renderSteps(byId('steps'), view.steps);
    byId('plan-section').hidden = !view.plan.show;
    renderPlan(byId('plan-body'), this.state.plan, view.plan, this.ctx);
    byId('checks-section').hidden = !view.checks.show;
    renderVerification(byId('verify-body'), view.checks.report, this.ctx);
    byId<HTMLButtonElement>('verify-button').disabled = !view.checks.canRun;
    const window = this.state.eligibility?.window_days ?? this.config?.rollback_window_days ?? null;
    renderRollback(view.rollback, typeof window === 'number' ? window : null, this.ctx);
    renderHistory(byId('history-list'), this.state.history, this.ctx);
    // What blocks a run is worth seeing without a click, once, when it first appears.
    if (view.phase !== this.lastPhase && view.phase === 'blocked')
      byId<HTMLDetailsElement>('plan-section').open = true;
    this.lastPhase = view.phase;
  }

  async loadStatus(): Promise<Status> {
    const status = await this.server.getMigrationStatus();
    this.update({ status });
    return status;
  }

  async loadPlan(): Promise<void> {
    const error = byId('plan-error');
    error.hidden = true;
    this.update({ busy: true });
    try {
      this.update({ plan: await this.server.previewMigration() });
    } catch (e) {
      this.update({ plan: null });
      showError(error, this.ctx, e);
    } finally {
      this.update({ busy: false });
    }
  }

  /** An older server has no getSchemaInfo: the panel then works from the status and the plan alone. */
  async loadSchemaInfo(): Promise<void> {
    try {
      const info = await this.server.getSchemaInfo();
      this.update({
        schemaInfo: info && typeof info === 'object' && Array.isArray(info.pending) ? info : null,
      });
    } catch {
      this.update({ schemaInfo: null });
    }
  }

  async loadHistory(): Promise<unknown[]> {
    try {
      const history = await this.server.getMigrationHistory();
      const list = Array.isArray(history) ? (history as unknown[]) : [];
      this.update({ history: list });
      return list;
    } catch (e) {
      showError(byId('history-error'), this.ctx, e);
      return [];
    }
  }

  async loadEligibility(): Promise<void> {
    const error = byId('rollback-error');
    error.hidden = true;
    try {
      this.update({ eligibility: await this.server.checkRollbackEligibility() });
    } catch (e) {
      this.update({ eligibility: null });
      showError(error, this.ctx, e);
    }
  }
}

export function messageOf(error: unknown, ctx?: ViewContext): string {
  if (ctx && error instanceof ServerError && error.notInPanel) {
    return ctx.t('open_from_menu', { menu: ctx.t('menu_path') });
  }
  return error instanceof Error ? error.message : String(error);
}

/** Puts an error's message into an element as text and shows it. */
export function showError(target: HTMLElement, ctx: ViewContext, error: unknown): void {
  target.textContent = ctx.t('error_message', { message: messageOf(error, ctx) });
  target.hidden = false;
}
