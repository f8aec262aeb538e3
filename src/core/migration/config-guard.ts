// Settings a run or rollback depends on (the sheet it changes, the folder its backup goes to) are fixed while one
// is in progress: a run's next slice, the chain's next migration or a rollback would otherwise act on another
// sheet or look for its files elsewhere. Every other setting may change at any time.
import type { MigrationConfig } from '../contract';
import { CHAIN_KEY, ROLLBACK_STATE_KEY, RUN_KEY } from '../state/keys';

const FIXED_DURING_A_RUN: (keyof MigrationConfig)[] = ['target_sheet', 'backup_folder_id'];

/** What is in progress, from the stored keys: the sentence a refusal starts with, or null. */
function inProgress(all: Record<string, string>): string | null {
  if (all[ROLLBACK_STATE_KEY])
    return 'a rollback is in progress: finish it (roll back again with the same mode)';
  if (all[RUN_KEY] || all[CHAIN_KEY]) {
    return 'a migration run is in progress: finish it (Resume) or start it over, or roll it back';
  }
  return null;
}

/** Throws, naming the setting and what to do, when `patch` changes a fixed setting while a run is in progress. */
export function assertSettingsMayChange(
  all: Record<string, string>,
  current: MigrationConfig,
  patch: Partial<MigrationConfig>,
): void {
  const changed = FIXED_DURING_A_RUN.filter((key) => key in patch && patch[key] !== current[key]);
  if (changed.length === 0) return;
  const busy = inProgress(all);
  if (!busy) return;
  throw new Error(`Setting "${changed[0]}" cannot change now: ${busy}, then change it. Nothing was saved.`);
}
