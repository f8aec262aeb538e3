// The plan from previewMigration(): what the run will do, what blocks it, what to watch.
import type { Plan } from './contract';
import { el, fact, replaceChildren, type ViewContext } from './dom';
import { formatNumber, text } from './format';

function list(items: unknown, className: string): HTMLElement | null {
  if (!Array.isArray(items) || items.length === 0) return null;
  return el('ul', { className }, ...items.map((item) => el('li', { text: text(item) })));
}

export function blockingOf(plan: Plan | null): string[] {
  return plan && Array.isArray(plan.blocking) ? plan.blocking.map((b) => text(b)) : [];
}

/** `settled`: the migration is done, so what blocks another run is information, not a problem. */
export function renderPlan(
  container: HTMLElement,
  plan: Plan | null,
  ctx: ViewContext,
  settled = false,
): void {
  const { t, locale } = ctx;
  if (!plan) {
    replaceChildren(container);
    return;
  }
  const sheet = plan.sheet ?? ({} as Plan['sheet']);
  const columns = Array.isArray(plan.columns_to_add) ? plan.columns_to_add : [];
  const added = columns.length
    ? el(
        'ul',
        { className: 'plain', attrs: { 'data-field': 'columns-to-add' } },
        ...columns.map((c) =>
          el(
            'li',
            {},
            el('code', { text: text(c.header) }),
            ' ',
            el('span', { className: 'secondary', text: t('plan_position', { position: text(c.position) }) }),
          ),
        ),
      )
    : t('dash');
  const blocking = list(plan.blocking, 'notice-list blocking');
  const warnings = list(plan.warnings, 'notice-list warnings');
  replaceChildren(
    container,
    el(
      'dl',
      { className: 'facts' },
      ...fact(t('plan_sheet'), text(sheet.name), 'sheet'),
      ...fact(t('plan_rows'), formatNumber(sheet.rows, locale), 'rows'),
      ...fact(t('plan_columns'), formatNumber(sheet.columns, locale), 'columns'),
      ...fact(t('plan_add'), added),
      ...fact(t('plan_rows_init'), formatNumber(plan.rows_to_initialize, locale), 'rows-to-initialize'),
      ...fact(t('plan_backup'), text(plan.backup?.name), 'backup-name'),
      ...fact(
        t('plan_cells'),
        t('plan_cells_value', {
          cells: formatNumber(plan.cells_after, locale),
          limit: formatNumber(plan.cell_limit, locale),
        }),
        'cells',
      ),
    ),
    blocking
      ? el(
          'div',
          {
            className: settled ? 'notice notice-info' : 'notice notice-error',
            attrs: { id: 'plan-blocking', role: 'alert' },
          },
          el('strong', { text: t('plan_blocking') }),
          blocking,
        )
      : el('p', { className: 'ok-text', attrs: { id: 'plan-ready' }, text: t('plan_ready') }),
    warnings
      ? el(
          'div',
          { className: 'notice notice-warn', attrs: { id: 'plan-warnings' } },
          el('strong', { text: t('plan_warnings') }),
          warnings,
        )
      : null,
  );
}
