// "Current state": the schema the preview detected, the last run and its result, the backup link.
import type { Plan, Status } from './contract';
import { el, externalLink, fact, replaceChildren, badge, type ViewContext } from './dom';
import { formatTime, text } from './format';
import { safeUrl } from './history';
import { schemaLabel, stateLabel, stateTone } from './labels';

export function renderStatus(
  list: HTMLElement,
  status: Status | null,
  plan: Plan | null,
  ctx: ViewContext,
): void {
  const { t, locale } = ctx;
  const backup = status?.backup;
  const backupNode = backup
    ? externalLink(safeUrl(backup.url), text(backup.name))
    : el('span', { className: 'secondary', text: t('status_no_backup') });
  const result = status
    ? el(
        'span',
        {},
        badge(stateLabel(t, status.state), stateTone(status.state)),
        status.error
          ? el('span', {
              className: 'error block',
              text: `${text(status.error.step)}: ${text(status.error.message)}`,
            })
          : null,
      )
    : t('dash');
  replaceChildren(
    list,
    ...fact(t('status_schema'), schemaLabel(t, plan?.schema_detected), 'schema'),
    ...fact(t('status_last_run'), status?.run_id ? text(status.run_id) : t('dash'), 'run'),
    ...fact(t('status_result'), result, 'result'),
    ...fact(t('status_updated'), formatTime(status?.updated_at, locale), 'updated'),
    ...fact(t('status_backup'), backupNode, 'backup'),
  );
}
