// The steps of a run, one row each with its status and, for a step that works row by row, its progress bar.
import { el, replaceChildren } from './dom';
import { percent } from './format';
import type { PendingProgress } from './pending-loop';
import type { StepView } from './panel-state';

const ICONS: Record<string, string> = { done: '✓', failed: '✕', running: '', skipped: '–', pending: '' };

/** A step's progress bar with "N of M rows"; `data-step` lets a reader tell which step it is about. */
/** The bar of work that says how far it got (a paused rollback or verification). */
export function pendingBar(progress: PendingProgress, text: string, label: string): HTMLElement | null {
  const shown = percent(progress);
  return progressBar({ ...progress, percent: shown ?? 0, text }, label);
}

/** A bar with its text; `label` names it for screen readers. */
export function progressBar(progress: StepView['progress'], label: string): HTMLElement | null {
  if (!progress) return null;
  const bar = el('div', { className: 'progress-bar' });
  bar.style.width = `${progress.percent}%`;
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
          'aria-valuemax': String(progress.total),
          'aria-valuenow': String(progress.done),
          'aria-label': label,
        },
      },
      bar,
    ),
    el('div', { className: 'progress-text secondary', text: progress.text }),
  );
}

export function renderSteps(list: HTMLElement, steps: StepView[]): void {
  replaceChildren(
    list,
    ...steps.map((step) =>
      el(
        'li',
        {
          className: `step step-${step.status}`,
          attrs: { 'data-step': step.name, 'data-status': step.status },
        },
        el('span', {
          className: 'step-icon',
          attrs: { 'aria-hidden': 'true' },
          text: ICONS[step.status] ?? '',
        }),
        el(
          'div',
          { className: 'step-body' },
          el(
            'div',
            { className: 'step-line' },
            el('span', { className: 'step-name', text: step.label }),
            el('span', { className: 'step-status secondary', text: step.statusLabel }),
          ),
          progressBar(step.progress, step.label),
        ),
      ),
    ),
  );
}
