import type { MigrationConfig, RollbackEligibility } from '../contract';
import type { Translate } from '../messages';
import { readableTime } from '../messages/time';
import type { Clock, DrivePort } from '../ports';
import type { RollbackFacts } from '../state/run-record';

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysSince(iso: string, clock: Clock): number {
  const days = (clock.now() - Date.parse(iso)) / DAY_MS;
  return Math.round(days * 10000) / 10000;
}

/** One Drive call (does the backup still exist); everything else comes from the properties already read. */
export function assessEligibility(
  facts: RollbackFacts,
  config: MigrationConfig,
  clock: Clock,
  drive: DrivePort,
  t: Translate,
): RollbackEligibility {
  const window = config.rollback_window_days;
  const migration = facts.migration;
  if (!migration) {
    return {
      migration: null,
      eligible: false,
      days_since_migration: null,
      window_days: window,
      backup: null,
      reason: t('eligibility_no_migration'),
    };
  }
  const ref = migration.baseline.backup;
  const exists = drive.file(ref.file_id) !== null;
  const days = daysSince(migration.since, clock);
  const result: RollbackEligibility = {
    migration: migration.baseline.migration,
    eligible: false,
    days_since_migration: days,
    window_days: window,
    backup: { file_id: ref.file_id, name: ref.name, url: ref.url, exists },
    reason: null,
  };
  if (facts.rolledBack) {
    result.reason = t('eligibility_rolled_back', {
      run: migration.run_id,
      time: readableTime(String(facts.rolledBack.completed_at)),
    });
  } else if (!exists) {
    result.reason = t('eligibility_backup_gone', { name: ref.name, id: ref.file_id });
  } else if (days > window) {
    result.reason = t('eligibility_window', { days: days.toFixed(1), window });
  } else {
    result.eligible = true;
  }
  return result;
}

/** Not eligible only because the window has passed: the case `override_window: true` may go ahead with. */
export function onlyOutsideWindow(facts: RollbackFacts, eligibility: RollbackEligibility): boolean {
  return (
    !eligibility.eligible &&
    facts.migration !== null &&
    facts.rolledBack === null &&
    eligibility.backup !== null &&
    eligibility.backup.exists &&
    eligibility.days_since_migration !== null &&
    eligibility.days_since_migration > eligibility.window_days
  );
}
