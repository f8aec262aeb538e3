// Undo: whether it can be done now (from the PanelView), and the report of the undo this panel ran.
import type { RollbackReport } from './contract';
import { el, externalLink, replaceChildren, badge, byId, type ViewContext } from './dom';
import { formatNumber, localizeText, text } from './format';
import { rollbackProgress } from './pending-loop';
import { pendingBar } from './view-run';
import type { MessageKey } from './messages-en';
import { safeUrl } from './history';
import type { PanelView } from './panel-state';

export function renderRollback(view: PanelView['rollback'], window: number | null, ctx: ViewContext): void {
  const toneClass = view.tone === 'ok' ? 'ok-text' : view.tone === 'warn' ? 'warn-text' : 'secondary';
  replaceChildren(
    byId('rollback-eligibility'),
    view.message ? el('p', { className: toneClass, text: view.message }) : null,
  );
  byId('rollback-form').hidden = !view.showForm;
  byId('override-row').hidden = !view.offerOverride;
  byId('override-label').textContent = ctx.t('rollback_override', { window: window ?? ctx.t('dash') });
  byId<HTMLButtonElement>('rollback-button').disabled = !view.canRollBack;
  renderRollbackReport(byId('rollback-result'), view.report, ctx);
}

const STAGE_TEXT: Record<string, MessageKey> = {
  export: 'rollback_stage_export',
  restore: 'rollback_stage_restore',
  verify: 'rollback_stage_verify',
  other_sheets: 'rollback_stage_other_sheets',
};

function renderRollbackReport(container: HTMLElement, report: RollbackReport | null, ctx: ViewContext): void {
  const { t, locale } = ctx;
  if (!report) {
    replaceChildren(container);
    return;
  }
  const pending = rollbackProgress(report);
  if (pending) {
    const figures = { done: formatNumber(pending.done, locale), total: formatNumber(pending.total, locale) };
    const stage = STAGE_TEXT[pending.stage ?? ''] ?? 'rollback_stage_restore';
    replaceChildren(
      container,
      el('p', { attrs: { id: 'rollback-progress' }, text: t('rollback_working') }),
      pendingBar(pending, t(stage, figures), t('section_rollback')),
    );
    return;
  }
  const removed = Array.isArray(report.removed_columns) ? report.removed_columns.map((c) => text(c)) : [];
  const errors = Array.isArray(report.errors) ? report.errors : [];
  const exportedUrl = safeUrl(report.exported?.url);
  replaceChildren(
    container,
    el('p', {
      className: report.success ? 'ok-text' : 'error',
      attrs: { id: 'rollback-summary' },
      text: report.success ? t('rollback_done') : t('rollback_with_errors'),
    }),
    removed.length
      ? el(
          'div',
          {},
          el('span', { className: 'secondary', text: `${t('rollback_removed')}: ` }),
          removed.join(', '),
        )
      : null,
    exportedUrl ? el('div', {}, externalLink(exportedUrl, t('rollback_exported'))) : null,
    report.verification
      ? el(
          'div',
          {},
          el('span', { className: 'secondary', text: `${t('rollback_verified')}: ` }),
          badge(
            report.verification.passed ? t('verify_pass') : t('verify_fail'),
            report.verification.passed ? 'ok' : 'bad',
          ),
        )
      : null,
    errors.length
      ? el(
          'ul',
          { className: 'notice-list error' },
          ...errors.map((e) => el('li', { text: localizeText(e, locale) })),
        )
      : null,
  );
}
