// Plain-text summaries of a Plan and a Status for the menu's alerts, in the owner's language.
import type { Plan, Status } from '../contract';
import type { MessageKey, Translate } from '../messages';
import { groupDigits } from '../messages/numbers';

/** "66 columns", or "66 columns (65 with a header)" when some have none. */
export function sheetColumns(plan: Plan, t: Translate): string {
  const { columns } = plan.sheet;
  const used = plan.sheet.used_columns ?? columns;
  return used === columns
    ? t('plan_columns', { count: groupDigits(used, t) })
    : t('plan_columns_unheaded', { count: groupDigits(used, t), headed: groupDigits(columns, t) });
}

export function describePlan(plan: Plan, t: Translate): string {
  const lines = [
    t('plan_sheet', {
      sheet: plan.sheet.name,
      rows: groupDigits(plan.sheet.rows, t),
      columns: sheetColumns(plan, t),
      schema: plan.schema_detected,
    }),
  ];
  if (plan.columns_to_add.length > 0) {
    const columns = plan.columns_to_add
      .map((c) => t('plan_column_at', { header: c.header, position: c.position }))
      .join(', ');
    lines.push(t('plan_columns_to_add', { columns }));
  }
  lines.push(t('plan_rows_to_initialise', { rows: groupDigits(plan.rows_to_initialize, t) }));
  lines.push(
    t('plan_backup', { name: plan.backup.name, folder: plan.backup.folder_id || t('plan_folder_unknown') }),
  );
  lines.push(
    t('plan_cells_after', {
      cells: groupDigits(plan.cells_after, t),
      limit: groupDigits(plan.cell_limit, t),
    }),
  );
  if (plan.blocking.length > 0) lines.push('', t('plan_blocking'), ...plan.blocking.map((b) => `- ${b}`));
  if (plan.warnings.length > 0) lines.push('', t('plan_warnings'), ...plan.warnings.map((w) => `- ${w}`));
  if (plan.blocking.length === 0) lines.push('', t('plan_nothing_blocks'));
  return lines.join('\n');
}

export function describeStatus(status: Status, t: Translate): string {
  const lines = [
    t('status_headline', { migration: status.migration, state: t(`state_${status.state}` as MessageKey) }),
  ];
  if (status.message) lines.push(status.message);
  for (const step of status.steps) {
    const progress =
      step.progress && step.progress.total > 0
        ? ` (${groupDigits(step.progress.done, t)}/${groupDigits(step.progress.total, t)})`
        : '';
    lines.push(`- ${step.name}: ${t(`step_status_${step.status}` as MessageKey)}${progress}`);
  }
  if (status.backup) lines.push(t('status_backup', { name: status.backup.name }));
  if (status.error) {
    lines.push(
      '',
      t('status_failed_in', { step: status.error.step, message: status.error.message }),
      status.error.next ?? '',
    );
  }
  // A paused status with a message says why (its trigger could not be made, its owner paused it).
  if (status.state === 'paused' && !status.message) {
    lines.push('', t('status_continues', { menu: t('menu_path') }));
  }
  return lines.join('\n').trim();
}
