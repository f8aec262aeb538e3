// The top of the panel: the state in one line, what it means, the step under way with its bar and the time
// left, the one primary action, and the backup link. All of it from the PanelView.
import { el, externalLink, replaceChildren, byId } from './dom';
import type { PanelView } from './panel-state';
import type { Translate } from './i18n';
import { progressBar } from './view-run';

export function renderSummary(view: PanelView, t: Translate): void {
  const summary = byId('summary');
  summary.dataset.phase = view.phase;
  summary.dataset.tone = view.tone;
  byId('headline').textContent = view.headline;
  const detail = byId('detail');
  detail.textContent = view.detail ?? '';
  detail.hidden = !view.detail;
  const current = byId('current-progress');
  const bar = view.current ? progressBar(view.current.progress, view.current.label) : null;
  replaceChildren(current, bar ? el('div', { attrs: { 'data-step': view.current!.name } }, bar) : null);
  current.hidden = !bar;
  const eta = byId('run-eta');
  eta.textContent = view.eta ?? '';
  eta.hidden = !view.eta;
  const note = byId('run-message');
  note.textContent = view.note?.text ?? '';
  note.className = view.note?.error ? 'error' : 'secondary small';
  note.hidden = !view.note;

  const primary = byId<HTMLButtonElement>('primary-button');
  primary.hidden = !view.primary;
  if (view.primary) {
    primary.textContent = view.primary.label;
    primary.dataset.action = view.primary.action;
    primary.disabled = !view.primary.enabled;
    primary.title = view.primary.hint;
    primary.className = view.primary.action === 'pause' ? '' : 'action';
  }
  byId('restart-button').hidden = !view.restart;

  replaceChildren(
    byId('summary-facts'),
    view.backup
      ? el(
          'div',
          { attrs: { 'data-field': 'backup' } },
          el('span', { className: 'secondary', text: `${t('backup_label')}: ` }),
          externalLink(view.backup.url, view.backup.name),
        )
      : null,
    view.updated
      ? el('div', { className: 'secondary', attrs: { 'data-field': 'updated' }, text: view.updated })
      : null,
  );
}
