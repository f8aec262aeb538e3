// The chain card (the schema the sheet is at, what is applied with its backup, what is pending) and the picker
// of how far the primary action goes, both from the PanelView's chain.
import type { ChainView } from './chain-view';
import { byId, el, externalLink, replaceChildren, type ViewContext } from './dom';
import { localizeText } from './format';

export function renderChain(view: ChainView, ctx: ViewContext): void {
  const { t, locale } = ctx;
  byId('chain-section').hidden = !view.show;
  const applied = chainList(
    'applied',
    view.applied.map((a) => ({
      migration: a.migration,
      rest: [
        a.when ? ` · ${a.when}` : '',
        a.backup ? ' · ' : '',
        a.backup ? externalLink(a.backup.url, a.backup.name) : null,
      ],
    })),
    t('chain_none_applied'),
  );
  const pending = chainList(
    'pending',
    view.pending.map((p) => ({
      migration: p.migration,
      rest: [p.description ? ` · ${localizeText(p.description, locale)}` : ''],
    })),
    t('chain_none_pending'),
  );
  replaceChildren(
    byId('chain-body'),
    el('p', { attrs: { 'data-field': 'current' }, text: t('chain_current', { schema: view.current }) }),
    el('h3', { text: t('chain_applied') }),
    applied,
    el('h3', { text: t('chain_pending') }),
    pending,
  );

  const picker = byId('target-picker');
  picker.hidden = view.targets.length === 0;
  const select = byId<HTMLSelectElement>('target-select');
  const wanted = view.targets.map((o) => `${o.id}=${o.label}`).join('|');
  if (select.dataset.options !== wanted) {
    replaceChildren(
      select,
      ...view.targets.map((o) => el('option', { attrs: { value: o.id }, text: o.label })),
    );
    select.dataset.options = wanted;
  }
  if (view.target && select.value !== view.target) select.value = view.target;
}

/** A list of migrations, each its id in bold and what follows; `empty` when there is none. */
function chainList(
  field: string,
  items: { migration: string; rest: (Node | string | null)[] }[],
  empty: string,
): HTMLElement {
  if (items.length === 0) return el('p', { className: 'secondary small', text: empty });
  return el(
    'ul',
    { className: 'chain-list', attrs: { 'data-field': field } },
    ...items.map((item) =>
      el(
        'li',
        { attrs: { 'data-migration': item.migration } },
        el('strong', { text: item.migration }),
        ...item.rest,
      ),
    ),
  );
}
