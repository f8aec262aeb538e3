// History: every migration, check and undo, newest first, with one vocabulary of outcomes for all of them.
import { el, externalLink, replaceChildren, badge, type ViewContext } from './dom';
import { formatTime, localizeText } from './format';
import { toHistoryRows } from './history';
import { outcomeLabel, outcomeTone } from './labels';

export function renderHistory(list: HTMLElement, raw: unknown, ctx: ViewContext): void {
  const { t, locale } = ctx;
  const rows = toHistoryRows(raw);
  if (rows.length === 0) {
    replaceChildren(list, el('li', { className: 'secondary', text: t('history_empty') }));
    return;
  }
  replaceChildren(
    list,
    ...rows.map((row) =>
      el(
        'li',
        { className: 'history-entry', attrs: { 'data-kind': row.kind } },
        el(
          'div',
          { className: 'history-head' },
          el('strong', {
            text: row.migration ? `${t(`kind_${row.kind}`)} ${row.migration}` : t(`kind_${row.kind}`),
          }),
          ' ',
          row.outcome ? badge(outcomeLabel(t, row.outcome), outcomeTone[row.outcome]) : null,
        ),
        el(
          'div',
          { className: 'secondary small' },
          `${t('history_started')}: ${formatTime(row.startedAt, locale)} · ${t('history_completed')}: ${formatTime(row.completedAt, locale)}`,
        ),
        row.backupName || row.backupUrl
          ? el(
              'div',
              { className: 'small' },
              externalLink(row.backupUrl, row.backupName ?? row.backupUrl ?? t('dash')),
            )
          : null,
        row.error ? el('div', { className: 'error small', text: localizeText(row.error, locale) }) : null,
      ),
    ),
  );
}
