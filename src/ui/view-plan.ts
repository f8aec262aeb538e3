// What the next migration will change (previewMigration): the facts, then what blocks it and what to know.
import type { Plan } from './contract';
import { el, fact, replaceChildren, type ViewContext } from './dom';
import { formatNumber, text } from './format';
import type { PanelView } from './panel-state';

function notices(items: string[], id: string, tone: string, title: string): HTMLElement | null {
  if (items.length === 0) return null;
  return el(
    'div',
    { className: `notice ${tone}`, attrs: { id, ...(tone === 'notice-error' ? { role: 'alert' } : {}) } },
    el('strong', { text: title }),
    el('ul', { className: 'notice-list' }, ...items.map((item) => el('li', { text: item }))),
  );
}

export function renderPlan(
  container: HTMLElement,
  plan: Plan | null,
  view: PanelView['plan'],
  ctx: ViewContext,
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
            el('span', {
              className: 'secondary',
              text: t('plan_position', { position: formatNumber(c.position, locale) }),
            }),
          ),
        ),
      )
    : t('dash');
  replaceChildren(
    container,
    view.blocking.length === 0
      ? el('p', { className: 'ok-text', attrs: { id: 'plan-ready' }, text: t('plan_ready') })
      : notices(view.blocking, 'plan-blocking', 'notice-error', t('plan_blocking')),
    notices(view.warnings, 'plan-warnings', 'notice-warn', t('plan_warnings')),
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
  );
}
