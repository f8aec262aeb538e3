// The run: one row per step with its status, a progress bar for chunked steps, and the ETA.
import { STEP_NAMES, type Status, type Step } from './contract';
import { el, replaceChildren, type ViewContext } from './dom';
import { formatNumber, percent } from './format';
import { stepLabel, stepStatusLabel } from './labels';

const ICONS: Record<string, string> = { done: '✓', failed: '✕', running: '', skipped: '–', pending: '' };

export function stepsOf(status: Status | null): Step[] {
  if (status && Array.isArray(status.steps) && status.steps.length > 0) return status.steps;
  return STEP_NAMES.map((name) => ({ name, status: 'pending' }));
}

function progressBar(step: Step, ctx: ViewContext): HTMLElement | null {
  if (!step.progress || percent(step.progress) === null) return null;
  // A finished step is complete whatever count it last reported.
  const total = step.progress.total;
  const done = step.status === 'done' ? Math.max(step.progress.done, total) : step.progress.done;
  const pct = percent({ done, total }) ?? 0;
  const bar = el('div', { className: 'progress-bar' });
  bar.style.width = `${pct}%`;
  return el(
    'div',
    { className: 'progress-wrap' },
    el(
      'div',
      {
        className: 'progress',
        attrs: {
          role: 'progressbar',
          'aria-valuemin': '0',
          'aria-valuemax': String(total),
          'aria-valuenow': String(done),
          'aria-label': stepLabel(ctx.t, step.name),
        },
      },
      bar,
    ),
    el('div', {
      className: 'progress-text secondary',
      text: ctx.t('run_progress', {
        done: formatNumber(done, ctx.locale),
        total: formatNumber(total, ctx.locale),
      }),
    }),
  );
}

export function renderSteps(list: HTMLElement, status: Status | null, ctx: ViewContext): void {
  replaceChildren(
    list,
    ...stepsOf(status).map((step) => {
      const state = typeof step.status === 'string' ? step.status : 'pending';
      return el(
        'li',
        { className: `step step-${state}`, attrs: { 'data-step': String(step.name), 'data-status': state } },
        el('span', { className: 'step-icon', attrs: { 'aria-hidden': 'true' }, text: ICONS[state] ?? '' }),
        el(
          'div',
          { className: 'step-body' },
          el(
            'div',
            { className: 'step-line' },
            el('span', { className: 'step-name', text: stepLabel(ctx.t, step.name) }),
            el('span', { className: 'step-status secondary', text: stepStatusLabel(ctx.t, state) }),
          ),
          progressBar(step, ctx),
        ),
      );
    }),
  );
}

/** The step currently advancing in chunks, if any: the one the ETA is about. */
export function chunkedStep(status: Status | null): Step | null {
  return stepsOf(status).find((s) => s.status === 'running' && s.progress && s.progress.total > 0) ?? null;
}
