// Rollback: eligibility, the mode, the override when the window has passed, and the report afterwards.
import type { Eligibility, RollbackReport } from './contract';
import { el, externalLink, replaceChildren, badge, type ViewContext } from './dom';
import { text } from './format';
import { safeUrl } from './history';

export function outsideWindow(e: Eligibility | null): boolean {
  return (
    !!e &&
    !e.eligible &&
    typeof e.days_since_migration === 'number' &&
    typeof e.window_days === 'number' &&
    e.days_since_migration > e.window_days
  );
}

function days(value: unknown, locale: string): string {
  return typeof value === 'number' ? value.toLocaleString(locale, { maximumFractionDigits: 1 }) : '—';
}

export function renderEligibility(container: HTMLElement, e: Eligibility | null, ctx: ViewContext): void {
  const { t, locale } = ctx;
  if (!e) {
    replaceChildren(container);
    return;
  }
  const message = e.eligible
    ? t('rollback_eligible', {
        days: days(e.days_since_migration, locale),
        window: days(e.window_days, locale),
      })
    : t('rollback_not_eligible', { reason: e.reason ? text(e.reason) : t('rollback_no_reason') });
  replaceChildren(container, el('p', { className: e.eligible ? 'ok-text' : 'warn-text', text: message }));
}

export function renderRollbackReport(
  container: HTMLElement,
  report: RollbackReport | null,
  ctx: ViewContext,
): void {
  const { t } = ctx;
  if (!report) {
    replaceChildren(container);
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
      ? el('ul', { className: 'notice-list error' }, ...errors.map((e) => el('li', { text: String(e) })))
      : null,
  );
}
