// Rollback entry points: the sidebar's checkRollbackEligibility() and rollbackMigration(options), and the
// menu's "Roll back migration" and "Clean up old backups".
import { messagesFor } from '../core/messages';
import type { RollbackEligibility, RollbackOptions, RollbackReport } from '../core/contract';
import { readConfig } from '../core/state/config';
import { findOldBackups, trashOldBackups } from '../core/rollback/cleanup';
import { readCheckpoint } from '../core/rollback/checkpoint';
import { assessEligibility, onlyOutsideWindow } from '../core/rollback/eligibility';
import { readRollbackFacts } from '../core/state/run-record';
import { progressText } from '../core/rollback/phases';
import { rollbackMigration as runRollback } from '../core/rollback/rollback';
import type { Services } from '../core/ports';
import { ask, confirm, tell } from '../gas/ui';
import type { Translate } from '../core/messages';
import { ownerText } from './owner-text';
import { servicesForActiveSpreadsheet } from './services';

function eligibility(services: Services): { state: RollbackEligibility; overridable: boolean } {
  const all = services.properties.getAll();
  const facts = readRollbackFacts(all);
  const state = assessEligibility(
    facts,
    readConfig(all),
    services.clock,
    services.drive,
    messagesFor(services.session),
  );
  const unfinished = readCheckpoint(all);
  return {
    state: {
      ...state,
      rollback_in_progress: unfinished ? { mode: unfinished.mode, started_at: unfinished.started_at } : null,
    },
    overridable: onlyOutsideWindow(facts, state),
  };
}

export function checkRollbackEligibility(): RollbackEligibility {
  return eligibility(servicesForActiveSpreadsheet()).state;
}

export function rollbackMigration(options?: unknown): RollbackReport {
  return runRollback(servicesForActiveSpreadsheet(), options);
}

function describeReport(report: RollbackReport, t: Translate): string {
  if (report.pending) {
    if (!report.progress) return report.errors.join('\n');
    const progress = progressText(report.progress, t);
    return t('rollback_menu_not_finished', { progress, menu: t('menu_path'), rollback: t('menu_rollback') });
  }
  const lines = [
    t(report.success ? 'rollback_finished' : 'rollback_finished_problems'),
    report.removed_columns.length > 0
      ? t('rollback_removed', { columns: report.removed_columns.join(', ') })
      : t('rollback_nothing_removed'),
  ];
  if (report.mode === 'full') lines.push(t('rollback_restored', { count: report.restored_columns }));
  if (report.exported) lines.push(t('rollback_exported', { url: report.exported.url }));
  lines.push(t(report.verification.passed ? 'rollback_matches' : 'rollback_differs'));
  return [...lines, ...report.errors].join('\n');
}

export function menuRollbackMigration(): void {
  const t = ownerText();
  const services = servicesForActiveSpreadsheet();
  const { state, overridable } = eligibility(services);
  const underWay = state.rollback_in_progress;
  if (underWay) {
    if (!confirm(t('title_rollback'), t('rollback_continue', { mode: underWay.mode }))) return;
    tellOutcome(services, { mode: underWay.mode, confirm: true }, t);
    return;
  }
  let override = false;
  if (!state.eligible) {
    if (!overridable) {
      tell(t('title_rollback'), state.reason ?? t('rollback_nothing'));
      return;
    }
    if (!confirm(t('title_outside_window'), t('rollback_anyway', { reason: state.reason ?? '' }))) return;
    override = true;
  }
  const backupName = state.backup ? state.backup.name : t('rollback_the_backup');
  const choice = ask(t('title_rollback'), t('rollback_choose', { backup: backupName }));
  if (choice === 'cancel') return;
  const mode = choice === 'yes' ? 'full' : 'columns';
  const what = mode === 'full' ? t('rollback_what_full', { backup: backupName }) : t('rollback_what_columns');
  if (!confirm(t('title_rollback_confirm'), t('rollback_confirm', { what }))) return;
  tellOutcome(services, { mode, confirm: true, override_window: override }, t);
}

function tellOutcome(services: Services, options: RollbackOptions, t: Translate): void {
  try {
    tell(t('title_rollback_done'), describeReport(runRollback(services, options), t));
  } catch (error) {
    tell(t('title_rollback_done'), error instanceof Error ? error.message : String(error));
  }
}

export function menuCleanUpBackups(): void {
  const t = ownerText();
  const services = servicesForActiveSpreadsheet();
  const all = services.properties.getAll();
  const config = readConfig(all);
  const old = findOldBackups(all, config, services.clock, services.drive);
  const days = config.rollback_window_days;
  if (old.length === 0) {
    tell(t('title_clean_up'), t('clean_up_none', { days }));
    return;
  }
  const list = old
    .map((backup) => t('clean_up_item', { name: backup.name, days: Math.floor(backup.days_since_migration) }))
    .join('\n');
  if (!confirm(t('title_clean_up'), t('clean_up_question', { days, list }))) return;
  trashOldBackups(old, services.drive, services.properties, services.clock, services.session.userEmail());
  tell(
    t('title_clean_up'),
    old.length === 1 ? t('clean_up_done_one') : t('clean_up_done_many', { count: old.length }),
  );
}
