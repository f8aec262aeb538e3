// Plain-text summaries of a Plan and a Status for the menu's alerts.
import type { Plan, Status } from '../contract';

/** "66 columns", or "66 columns (65 with a header)" when some have none. */
export function sheetColumns(plan: Plan): string {
  const { columns } = plan.sheet;
  const used = plan.sheet.used_columns ?? columns;
  const count = (n: number) => n.toLocaleString('en-US');
  return used === columns
    ? `${count(used)} columns`
    : `${count(used)} columns (${count(columns)} with a header)`;
}

export function describePlan(plan: Plan): string {
  const lines = [
    `Sheet "${plan.sheet.name}": ${plan.sheet.rows} data rows, ${sheetColumns(plan)} (schema ${plan.schema_detected}).`,
  ];
  if (plan.columns_to_add.length > 0) {
    lines.push(
      `Columns to add: ${plan.columns_to_add.map((c) => `${c.header} (column ${c.position})`).join(', ')}.`,
    );
  }
  lines.push(`Rows to initialise: ${plan.rows_to_initialize}.`);
  lines.push(`Backup: "${plan.backup.name}" in folder ${plan.backup.folder_id || '(unknown)'}.`);
  lines.push(`Cells after the change: ${plan.cells_after} of ${plan.cell_limit}.`);
  if (plan.blocking.length > 0) lines.push('', 'Blocking:', ...plan.blocking.map((b) => `- ${b}`));
  if (plan.warnings.length > 0) lines.push('', 'Warnings:', ...plan.warnings.map((w) => `- ${w}`));
  if (plan.blocking.length === 0) lines.push('', 'Nothing blocks the migration.');
  return lines.join('\n');
}

export function describeStatus(status: Status): string {
  const lines = [`Migration ${status.migration}: ${status.state.replace('_', ' ')}.`];
  if (status.message) lines.push(status.message);
  for (const step of status.steps) {
    const progress =
      step.progress && step.progress.total > 0 ? ` (${step.progress.done}/${step.progress.total})` : '';
    lines.push(`- ${step.name}: ${step.status}${progress}`);
  }
  if (status.backup) lines.push(`Backup: ${status.backup.name}`);
  if (status.error)
    lines.push('', `Failed in ${status.error.step}: ${status.error.message}`, status.error.next ?? '');
  // A paused status with a message says its trigger could not be made: the message tells how to resume instead.
  if (status.state === 'paused' && !status.message) {
    lines.push('', 'The run continues by itself within the hour, or now with Migration > Resume migration.');
  }
  return lines.join('\n').trim();
}
