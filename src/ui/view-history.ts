// History: every run, verification and rollback, newest first, as the server recorded them.
import { el, externalLink, replaceChildren, badge, type ViewContext } from './dom';
import { formatTime } from './format';
import { type HistoryRow, toHistoryRows } from './history';
import { stateLabel, stateTone } from './labels';

function outcomeBadge(row: HistoryRow, ctx: ViewContext): HTMLElement | null {
  if (row.outcome === 'success') return badge(ctx.t('history_success'), 'ok');
  if (row.outcome === 'failure') return badge(ctx.t('history_failure'), 'bad');
  if (row.outcome === 'state') return badge(stateLabel(ctx.t, row.state), stateTone(row.state));
  return null;
}

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
          el('strong', { text: t(`kind_${row.kind}`) }),
          ' ',
          outcomeBadge(row, ctx),
        ),
        el(
          'div',
          { className: 'secondary' },
          `${t('history_started')}: ${formatTime(row.startedAt, locale)} · ${t('history_completed')}: ${formatTime(row.completedAt, locale)}`,
        ),
        el('div', { className: 'secondary small', text: `${t('history_run')}: ${row.runId ?? t('dash')}` }),
        row.backupName || row.backupUrl
          ? el(
              'div',
              { className: 'small' },
              externalLink(row.backupUrl, row.backupName ?? row.backupUrl ?? t('dash')),
            )
          : null,
        row.error ? el('div', { className: 'error small', text: row.error }) : null,
      ),
    ),
  );
}
