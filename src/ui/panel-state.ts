// The panel's one state: a pure function from what the server answered (status, plan, schema info,
// eligibility, the latest checks, history) and what the panel is doing (driving a run, pausing) to everything
// the panel shows. Every section renders from this view, so no two parts can disagree.
import type {
  Eligibility,
  Plan,
  RollbackReport,
  SchemaInfo,
  Status,
  Step,
  VerificationReport,
} from './contract';
import { deriveChain, type ChainView } from './chain-view';
import { estimate } from './eta';
import { formatDuration, formatNumber, formatTime, localizeText, percent } from './format';
import { safeUrl, toHistoryRows } from './history';
import type { Translate } from './i18n';
import { schemaLabel, stepLabel, stepStatusLabel, type Tone } from './labels';
import { inProgress } from './run-loop';
import { STEP_NAMES } from './contract';

export type Phase =
  'loading' | 'unchecked' | 'ready' | 'blocked' | 'running' | 'paused' | 'failed' | 'done' | 'rolled_back';
export type Action = 'start' | 'next' | 'resume' | 'pause' | 'check';

/** Why the panel's last drive of a run ended, when that is worth saying. */
export type RunNote =
  | { kind: 'error'; message: string }
  | { kind: 'stalled' }
  | { kind: 'stopped' }
  | { kind: 'server'; message: string };

export interface PanelInput {
  status: Status | null;
  plan: Plan | null;
  schemaInfo: SchemaInfo | null;
  eligibility: Eligibility | null;
  verification: VerificationReport | null;
  rollbackReport: RollbackReport | null;
  history: unknown[];
  /** The panel is calling slices one after another. */
  driving: boolean;
  pauseRequested: boolean;
  /** Rows per second of server time, measured (eta.ts). */
  rate: number | null;
  budgetSeconds: number;
  note: RunNote | null;
  overrideChecked: boolean;
  /** A verification or an undo is under way. */
  busy: boolean;
  /** The pending migration the owner picked to run up to; null = the next one. */
  chosenTarget: string | null;
}

export interface StepView {
  name: string;
  status: string;
  label: string;
  statusLabel: string;
  progress: { done: number; total: number; percent: number; text: string } | null;
}

export interface PanelView {
  phase: Phase;
  tone: Tone;
  /** The migration the panel is about: the one to run, under way, or last done. */
  migration: string;
  headline: string;
  detail: string | null;
  note: { text: string; error: boolean } | null;
  current: StepView | null;
  eta: string | null;
  primary: { action: Action; label: string; enabled: boolean; hint: string } | null;
  restart: boolean;
  /** The migration a start runs up to: the owner's pick of the pending ones, else the next one. */
  target: string | null;
  chain: ChainView;
  backup: { name: string; url: string | null } | null;
  updated: string | null;
  steps: StepView[];
  plan: { show: boolean; blockingAsError: boolean; blocking: string[]; warnings: string[] };
  checks: { show: boolean; report: VerificationReport | null; canRun: boolean };
  rollback: {
    message: string | null;
    tone: Tone;
    showForm: boolean;
    offerOverride: boolean;
    canRollBack: boolean;
    report: RollbackReport | null;
  };
}

interface Ctx {
  t: Translate;
  locale: string;
}

function stepsOf(status: Status | null): Step[] {
  if (status && Array.isArray(status.steps) && status.steps.length > 0) return status.steps;
  return STEP_NAMES.map((name) => ({ name, status: 'pending' }));
}

function stepView(step: Step, ctx: Ctx): StepView {
  const status = typeof step.status === 'string' ? step.status : 'pending';
  let progress: StepView['progress'] = null;
  if (step.progress && percent(step.progress) !== null) {
    // A finished step is complete whatever count it last reported.
    const total = step.progress.total;
    const done = status === 'done' ? Math.max(step.progress.done, total) : step.progress.done;
    progress = {
      done,
      total,
      percent: percent({ done, total }) ?? 0,
      text: ctx.t('run_progress', {
        done: formatNumber(done, ctx.locale),
        total: formatNumber(total, ctx.locale),
      }),
    };
  }
  return {
    name: String(step.name),
    status,
    label: stepLabel(ctx.t, step.name),
    statusLabel: stepStatusLabel(ctx.t, status),
    progress,
  };
}

function phaseOf(input: PanelInput): Phase {
  const { status, plan } = input;
  if (!status) return 'loading';
  if (input.driving) return 'running';
  if (inProgress(status)) return 'paused';
  if (status.state === 'failed') return 'failed';
  if (status.state === 'done') return 'done';
  if (status.state === 'rolled_back') return 'rolled_back';
  if (!plan) return 'unchecked';
  return Array.isArray(plan.blocking) && plan.blocking.length > 0 ? 'blocked' : 'ready';
}

/** The schema the sheet is at now: the server's word first, then what the last run or the preview says. */
function currentSchema(input: PanelInput, phase: Phase): string | null {
  if (input.schemaInfo && typeof input.schemaInfo.current === 'string') return input.schemaInfo.current;
  if (phase === 'done' && input.status) return input.status.migration;
  return input.plan?.schema_detected ?? null;
}

/** The backup that exists now: the run's, else the one the eligibility or the history names. */
function backupOf(input: PanelInput): PanelView['backup'] {
  const fromStatus = input.status?.backup;
  if (fromStatus?.name) return { name: fromStatus.name, url: safeUrl(fromStatus.url) };
  const fromEligibility = input.eligibility?.backup;
  if (fromEligibility?.name && fromEligibility.exists !== false) {
    return { name: fromEligibility.name, url: safeUrl(fromEligibility.url) };
  }
  const row = toHistoryRows(input.history).find((r) => r.kind === 'migration' && r.backupName);
  return row?.backupName ? { name: row.backupName, url: row.backupUrl } : null;
}

/** The latest checks, only when they are about the sheet as it is now: after the run that is done. */
function freshReport(input: PanelInput, phase: Phase): VerificationReport | null {
  const report = input.verification;
  if (!report || (phase !== 'done' && phase !== 'failed')) return null;
  const started = stepsOf(input.status)
    .map((s) => (s.started_at ? Date.parse(s.started_at) : NaN))
    .filter((ms) => !Number.isNaN(ms));
  const runStart = started.length ? Math.min(...started) : NaN;
  const checkedAt = Date.parse(report.timestamp);
  if (!Number.isNaN(runStart) && !Number.isNaN(checkedAt) && checkedAt < runStart) return null;
  return report;
}

/** "All 7 checks passed." for the checks of the sheet as it is now, if any were made. */
function checksLine(report: VerificationReport | null, t: Translate): string | null {
  if (!report || !report.checks) return null;
  const names = Object.keys(report.checks);
  const failed = names.filter((name) => !report.checks[name]?.passed).length;
  return failed === 0
    ? t('verify_all_passed', { count: names.length })
    : t('verify_some_failed', { failed, count: names.length });
}

function outsideWindow(e: Eligibility | null): boolean {
  return (
    !!e &&
    !e.eligible &&
    typeof e.days_since_migration === 'number' &&
    typeof e.window_days === 'number' &&
    e.days_since_migration > e.window_days
  );
}

function rollbackView(input: PanelInput, phase: Phase, ctx: Ctx): PanelView['rollback'] {
  const { t, locale } = ctx;
  const none = { showForm: false, offerOverride: false, canRollBack: false, report: input.rollbackReport };
  if (phase === 'rolled_back') {
    // The report of the undo just made says it; otherwise say it was undone.
    return { ...none, message: input.rollbackReport ? null : t('rollback_already'), tone: 'ok' };
  }
  if (phase === 'running' || phase === 'paused')
    return { ...none, message: t('rollback_during_run'), tone: 'idle' };
  if (phase !== 'done' && phase !== 'failed')
    return { ...none, message: t('rollback_nothing'), tone: 'idle' };
  const e = input.eligibility;
  if (!e) return { ...none, showForm: true, message: t('rollback_checking'), tone: 'idle' };
  const days = (value: unknown) =>
    formatNumber(typeof value === 'number' ? Math.round(value * 10) / 10 : null, locale);
  const outside = outsideWindow(e);
  const underWay = e.rollback_in_progress;
  if (underWay && typeof underWay === 'object') {
    return {
      ...none,
      showForm: true,
      canRollBack: !input.busy && !input.driving,
      message: t(underWay.mode === 'full' ? 'rollback_under_way_full' : 'rollback_under_way_columns'),
      tone: 'warn',
    };
  }
  const message = e.eligible
    ? t('rollback_eligible', { days: days(e.days_since_migration), window: days(e.window_days) })
    : t('rollback_not_eligible', {
        reason: e.reason ? localizeText(e.reason, locale) : t('rollback_no_reason'),
      });
  const allowed = e.eligible || (outside && input.overrideChecked);
  return {
    message,
    tone: e.eligible ? 'ok' : 'warn',
    showForm: e.eligible || outside,
    offerOverride: outside,
    canRollBack: allowed && !input.busy && !input.driving,
    report: input.rollbackReport,
  };
}

function noteView(note: RunNote | null, ctx: Ctx, phase: Phase, pauseRequested: boolean): PanelView['note'] {
  if (phase === 'running') {
    if (note?.kind === 'server') return { text: localizeText(note.message, ctx.locale), error: false };
    return { text: ctx.t(pauseRequested ? 'run_pausing' : 'run_working'), error: false };
  }
  if (!note) return null;
  if (note.kind === 'error')
    return { text: ctx.t('error_message', { message: localizeText(note.message, ctx.locale) }), error: true };
  if (note.kind === 'stalled') return { text: ctx.t('run_stalled'), error: true };
  if (note.kind === 'stopped')
    return phase === 'paused' ? { text: ctx.t('run_paused_here'), error: false } : null;
  return { text: localizeText(note.message, ctx.locale), error: false };
}

export function derivePanel(input: PanelInput, ctx: Ctx): PanelView {
  const { t, locale } = ctx;
  const phase = phaseOf(input);
  const steps = stepsOf(input.status).map((s) => stepView(s, ctx));
  const next = phase === 'done' ? (input.schemaInfo?.pending?.[0] ?? null) : null;
  const canChoose =
    (phase === 'ready' || phase === 'rolled_back' || (phase === 'done' && !!next)) && !input.busy;
  const chain = deriveChain(input.schemaInfo, input.chosenTarget, canChoose, ctx);
  const migration = next?.migration ?? input.plan?.migration ?? input.status?.migration ?? '—';
  // The button names how far it goes: the picked target when the owner chose a later one.
  const goal = canChoose && chain.target ? chain.target : null;
  const doneMigration = input.status?.migration ?? migration;
  const schema = schemaLabel(t, currentSchema(input, phase));
  const runningIndex = steps.findIndex((s) => s.status === 'running' || s.status === 'failed');
  const firstOpen = runningIndex >= 0 ? runningIndex : steps.findIndex((s) => s.status === 'pending');
  const current =
    (phase === 'running' || phase === 'paused' || phase === 'failed') && firstOpen >= 0
      ? steps[firstOpen]
      : null;
  const blocking = Array.isArray(input.plan?.blocking)
    ? input.plan!.blocking.map((b) => localizeText(b, locale))
    : [];
  const warnings = Array.isArray(input.plan?.warnings)
    ? input.plan!.warnings.map((w) => localizeText(w, locale))
    : [];
  const planFits = !!input.plan && (!next || input.plan.migration === next.migration);
  const canStart = planFits && blocking.length === 0 && !input.busy;

  let headline: string;
  let detail: string | null = null;
  let tone: Tone = 'idle';
  let primary: PanelView['primary'] = null;
  const action = (a: Action, label: string, enabled = true, hint = '') => ({
    action: a,
    label,
    enabled,
    hint,
  });
  switch (phase) {
    case 'loading':
      headline = t('headline_loading');
      break;
    case 'unchecked':
      headline = t('headline_unchecked', { migration });
      detail = t('detail_unchecked');
      primary = action('check', t('action_check'), !input.busy);
      break;
    case 'ready':
      headline = t('headline_ready', { migration });
      detail = t('detail_ready');
      primary = action('start', t('action_start', { migration: goal ?? migration }), canStart);
      break;
    case 'blocked':
      headline = t('headline_blocked', { migration });
      detail = t('detail_blocked');
      tone = 'warn';
      // Nothing to start: once the owner has fixed what blocks it, the plan is read again.
      primary = action('check', t('action_check_again'), !input.busy, t('action_blocked_hint'));
      break;
    case 'running':
      headline = t('headline_running', { migration });
      tone = 'busy';
      primary = action('pause', t('action_pause'), !input.pauseRequested);
      break;
    case 'paused':
      headline = t('headline_paused', { migration });
      detail = t(input.status && input.status.pause_requested_at ? 'detail_paused_owner' : 'detail_paused');
      tone = 'busy';
      primary = action('resume', t('action_resume'));
      break;
    case 'failed': {
      headline = t('headline_failed', { migration });
      const error = input.status?.error;
      detail = t('detail_failed', {
        step: error ? stepLabel(t, error.step) : t('dash'),
        message: localizeText(
          error ? [error.message, error.next].filter(Boolean).join(' ') : t('dash'),
          locale,
        ),
      });
      tone = 'bad';
      primary = action('resume', t('action_resume'));
      break;
    }
    case 'done':
      headline = t('headline_done', { schema });
      tone = 'ok';
      detail = [
        t('detail_done', { migration: doneMigration }),
        checksLine(freshReport(input, phase), t),
        next ? t('detail_done_next', { migration: next.migration }) : null,
        !next && input.schemaInfo ? t('detail_done_latest') : null,
      ]
        .filter(Boolean)
        .join(' ');
      if (next) {
        primary = action(
          'next',
          t('action_start', { migration: goal ?? next.migration }),
          canStart,
          blocking.length ? t('action_blocked_hint') : '',
        );
      }
      break;
    case 'rolled_back':
      headline = t('headline_rolled_back', { schema });
      detail = t('detail_rolled_back', { migration: doneMigration });
      tone = 'warn';
      primary = action(
        'start',
        t('action_start', { migration: goal ?? migration }),
        canStart,
        blocking.length ? t('action_blocked_hint') : '',
      );
      break;
  }
  if (current && phase !== 'failed') {
    detail = [t('detail_step', { n: firstOpen + 1, count: steps.length, step: current.label }), detail]
      .filter(Boolean)
      .join(' ');
  }

  let eta: string | null = null;
  if (phase === 'running') {
    const rows = input.plan?.sheet?.rows ?? null;
    const left = estimate(input.status, input.rate, rows, input.budgetSeconds, true);
    const open = left ? formatDuration(left.open, t) : null;
    const closed = left ? formatDuration(left.closed, t) : null;
    eta = !left
      ? t('eta_measuring')
      : open === closed
        ? t('eta_same', { open: open! })
        : t('eta', { open: open!, closed: closed! });
  }

  const report = freshReport(input, phase);
  return {
    phase,
    tone,
    migration,
    headline,
    detail,
    note: noteView(input.note, ctx, phase, input.pauseRequested),
    current,
    eta,
    primary,
    restart: phase === 'failed',
    target: chain.target,
    chain,
    backup: phase === 'loading' ? null : backupOf(input),
    updated:
      input.status?.run_id && input.status.updated_at
        ? t('updated_at', { time: formatTime(input.status.updated_at, locale) })
        : null,
    steps,
    plan: {
      show:
        (phase === 'unchecked' ||
          phase === 'ready' ||
          phase === 'blocked' ||
          phase === 'rolled_back' ||
          (phase === 'done' && !!next)) &&
        (phase === 'unchecked' || planFits),
      blockingAsError: true,
      blocking,
      warnings,
    },
    checks: {
      show: phase === 'done' || phase === 'failed',
      report,
      canRun: (phase === 'done' || phase === 'failed') && !input.busy && !input.driving,
    },
    rollback: rollbackView(input, phase, ctx),
  };
}
