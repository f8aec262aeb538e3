// Rollback entry points: the sidebar's checkRollbackEligibility() and rollbackMigration(options), and the
// menu's "Roll back migration" and "Clean up old backups".
import type { RollbackEligibility, RollbackReport } from '../core/contract';
import { readConfig } from '../core/migration/config';
import { findOldBackups, trashOldBackups } from '../core/rollback/cleanup';
import { assessEligibility, onlyOutsideWindow } from '../core/rollback/eligibility';
import { readRollbackFacts } from '../core/rollback/record';
import { rollbackMigration as runRollback } from '../core/rollback/rollback';
import type { Services } from '../core/ports';
import { ask, confirm, tell } from '../gas/ui';
import { servicesForActiveSpreadsheet } from './services';

function eligibility(services: Services): { state: RollbackEligibility; overridable: boolean } {
  const all = services.properties.getAll();
  const facts = readRollbackFacts(all);
  const state = assessEligibility(facts, readConfig(all), services.clock, services.drive);
  return { state, overridable: onlyOutsideWindow(facts, state) };
}

export function checkRollbackEligibility(): RollbackEligibility {
  return eligibility(servicesForActiveSpreadsheet()).state;
}

export function rollbackMigration(options?: unknown): RollbackReport {
  return runRollback(servicesForActiveSpreadsheet(), options);
}

function describeReport(report: RollbackReport): string {
  const lines = [
    report.success ? 'The rollback finished.' : 'The rollback finished with problems.',
    report.removed_columns.length > 0
      ? `Removed columns: ${report.removed_columns.join(', ')}.`
      : 'No column the migration added was left to remove.',
  ];
  if (report.mode === 'full') lines.push(`Restored ${report.restored_columns} columns from the backup.`);
  if (report.exported) lines.push(`Values written since the migration were saved to ${report.exported.url}`);
  lines.push(
    report.verification.passed
      ? 'Checked against the backup: the sheet matches it.'
      : 'Checked against the backup: differences remain.',
  );
  return [...lines, ...report.errors].join('\n');
}

export function menuRollbackMigration(): void {
  const services = servicesForActiveSpreadsheet();
  const { state, overridable } = eligibility(services);
  let override = false;
  if (!state.eligible) {
    if (!overridable) {
      tell('Roll back migration', state.reason ?? 'There is nothing to roll back.');
      return;
    }
    if (!confirm('Outside the rollback window', `${state.reason}\n\nRoll back anyway?`)) return;
    override = true;
  }
  const backupName = state.backup ? state.backup.name : 'the backup';
  const choice = ask(
    'Roll back migration',
    `Yes: full rollback. The sheet is brought back to the backup "${backupName}" (values, formulas and size).\n` +
      'No: columns only. Only the columns the migration added are removed.\n' +
      'Either way, values written since the migration are saved to a file in Drive first. Cancel: do nothing.',
  );
  if (choice === 'cancel') return;
  const mode = choice === 'yes' ? 'full' : 'columns';
  const what =
    mode === 'full'
      ? `restore the sheet from "${backupName}", replacing every cell changed since the backup`
      : 'remove the columns the migration added';
  if (!confirm('Confirm rollback', `This will ${what}. Continue?`)) return;
  try {
    const report = runRollback(services, { mode, confirm: true, override_window: override });
    tell('Rollback', describeReport(report));
  } catch (error) {
    tell('Rollback', error instanceof Error ? error.message : String(error));
  }
}

export function menuCleanUpBackups(): void {
  const services = servicesForActiveSpreadsheet();
  const all = services.properties.getAll();
  const config = readConfig(all);
  const old = findOldBackups(all, config, services.clock, services.drive);
  if (old.length === 0) {
    tell(
      'Clean up old backups',
      `No backup is older than the ${config.rollback_window_days}-day rollback window.`,
    );
    return;
  }
  const list = old
    .map((backup) => `• ${backup.name} (${Math.floor(backup.days_since_migration)} days)`)
    .join('\n');
  const question =
    `These backups are older than the ${config.rollback_window_days}-day rollback window:\n${list}\n\n` +
    'Move them to the Drive trash? Their migrations can no longer be rolled back from them.';
  if (!confirm('Clean up old backups', question)) return;
  trashOldBackups(old, services.drive, services.properties, services.clock, services.session.userEmail());
  tell('Clean up old backups', `Moved ${old.length} backup${old.length === 1 ? '' : 's'} to the trash.`);
}
