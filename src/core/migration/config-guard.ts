// Settings a run or rollback depends on (the sheet it changes, the folder its backup goes to) are fixed while one
// is in progress: a run's next slice, the chain's next migration or a rollback would otherwise act on another
// sheet or look for its files elsewhere. Every other setting may change at any time.
import type { MigrationConfig } from '../contract';
import { translator, type Translate } from '../messages';
import { CHAIN_KEY, ROLLBACK_STATE_KEY, RUN_KEY } from '../state/keys';

const FIXED_DURING_A_RUN: (keyof MigrationConfig)[] = ['target_sheet', 'backup_folder_id'];

/** What is in progress, from the stored keys: the sentence a refusal starts with, or null. */
function inProgress(all: Record<string, string>, t: Translate): string | null {
  if (all[ROLLBACK_STATE_KEY]) return t('setting_fixed_rollback');
  if (all[RUN_KEY] || all[CHAIN_KEY]) return t('setting_fixed_run');
  return null;
}

/** Throws, naming the setting and what to do, when `patch` changes a fixed setting while a run is in progress. */
export function assertSettingsMayChange(
  all: Record<string, string>,
  current: MigrationConfig,
  patch: Partial<MigrationConfig>,
  t: Translate = translator('en'),
): void {
  const changed = FIXED_DURING_A_RUN.filter((key) => key in patch && patch[key] !== current[key]);
  if (changed.length === 0) return;
  const busy = inProgress(all, t);
  if (!busy) return;
  throw new Error(t('setting_fixed', { field: changed[0], busy }));
}
