// The chain card (the schema the sheet is at, what is applied with its backup, what is pending) and the picker
// of how far the primary action goes, both from the PanelView's chain.
import type { ChainView } from './chain-view';
import { byId, el, externalLink, replaceChildren, type ViewContext } from './dom';
import { localizeText } from './format';

export function renderChain(view: ChainView, ctx: ViewContext): void {
  const { t, locale } = ctx;
  byId('chain-section').hidden = !view.show;
  const applied = view.applied.length
    ? el(
        'ul',
        { className: 'chain-list', attrs: { 'data-field': 'applied' } },
        ...view.applied.map((a) =>
          el(
            'li',
            { attrs: { 'data-migration': a.migration } },
            el('strong', { text: a.migration }),
            a.when ? ` · ${a.when}` : '',
            a.backup ? ' · ' : '',
            a.backup ? externalLink(a.backup.url, a.backup.name) : null,
          ),
        ),
      )
    : el('p', { className: 'secondary small', text: t('chain_none_applied') });
  const pending = view.pending.length
    ? el(
        'ul',
        { className: 'chain-list', attrs: { 'data-field': 'pending' } },
        ...view.pending.map((p) =>
          el(
            'li',
            { attrs: { 'data-migration': p.migration } },
            el('strong', { text: p.migration }),
            p.description ? ` · ${localizeText(p.description, locale)}` : '',
          ),
        ),
      )
    : el('p', { className: 'secondary small', text: t('chain_none_pending') });
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
