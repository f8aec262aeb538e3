import { CONFIG_KEY } from './keys';
import { LOG_LEVELS, type MigrationConfig } from '../contract';
import type { KeyValueStore } from '../ports';
import { translator, type Translate } from '../messages';
import { describeValue } from '../messages/describe';

const ENGLISH = translator('en');

/**
 * The settings of the add-on (MigrationConfig in ../contract), kept in one document property (`config`) outside
 * the `migration.*` checkpoints, which are cleared when a run ends.
 */

export const DEFAULT_CONFIG: MigrationConfig = {
  target_sheet: 'Operaciones',
  backup_folder_id: '',
  rollback_window_days: 7,
  time_budget_seconds: 300,
  log_level: 'info',
  notify_by_email: true,
  edit_freeze: false,
};

/** Apps Script stops an execution at 6 minutes; a slice must leave time to save its checkpoint. */
export const MAX_TIME_BUDGET_SECONDS = 330;
export const MIN_TIME_BUDGET_SECONDS = 30;
export const MAX_ROLLBACK_WINDOW_DAYS = 365;

type Validator = (value: unknown, t: Translate) => string | null;

const text =
  (maxLength: number, allowEmpty: boolean): Validator =>
  (value, t) => {
    if (typeof value !== 'string') return t('setting_not_text', { got: describeValue(value, t) });
    if (!allowEmpty && value.trim() === '') return t('setting_empty');
    if (value.length > maxLength) return t('setting_too_long', { max: maxLength });
    return null;
  };

const number =
  (min: number, max: number, integer: boolean): Validator =>
  (value, t) => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return t('setting_not_number', { got: describeValue(value, t) });
    if (integer && !Number.isInteger(value)) return t('setting_not_whole', { value });
    if (value < min || value > max) return t('setting_out_of_range', { min, max, value });
    return null;
  };

const yesOrNo: Validator = (value, t) =>
  typeof value === 'boolean' ? null : t('setting_boolean', { got: describeValue(value, t) });

const VALIDATORS: Record<keyof MigrationConfig, Validator> = {
  target_sheet: text(100, false),
  backup_folder_id: (value, t) => {
    const problem = text(200, true)(value, t);
    if (problem) return problem;
    return /^[A-Za-z0-9_-]*$/.test(value as string) ? null : t('setting_folder_id');
  },
  rollback_window_days: number(0, MAX_ROLLBACK_WINDOW_DAYS, false),
  time_budget_seconds: number(MIN_TIME_BUDGET_SECONDS, MAX_TIME_BUDGET_SECONDS, true),
  log_level: (value, t) =>
    typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value)
      ? null
      : t('setting_one_of', { values: LOG_LEVELS.join(', '), got: describeValue(value, t) }),
  notify_by_email: yesOrNo,
  edit_freeze: yesOrNo,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a partial config from the sidebar or a test. Throws an Error naming the first bad field and what it
 * accepts; returns the accepted fields (strings trimmed).
 */
export function validateConfigPatch(
  partial: unknown,
  t: Translate = translator('en'),
): Partial<MigrationConfig> {
  if (!isRecord(partial)) throw new Error(t('settings_not_object', { got: describeValue(partial, t) }));
  const accepted: Partial<MigrationConfig> = {};
  for (const [field, value] of Object.entries(partial)) {
    if (!Object.prototype.hasOwnProperty.call(VALIDATORS, field)) {
      throw new Error(t('setting_unknown', { field, known: Object.keys(VALIDATORS).join(', ') }));
    }
    const key = field as keyof MigrationConfig;
    const problem = VALIDATORS[key](value, t);
    if (problem) throw new Error(t('setting_invalid', { field, problem }));
    (accepted as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
  }
  return accepted;
}

/**
 * The stored config over the defaults. `source` is every document property (one getProperties read) or the
 * store itself. A damaged or out-of-range stored field falls back to its default rather than blocking every
 * entry point.
 */
export function readConfig(source: Record<string, string> | KeyValueStore): MigrationConfig {
  const raw = isStore(source) ? source.get(CONFIG_KEY) : (source[CONFIG_KEY] ?? null);
  const config: MigrationConfig = { ...DEFAULT_CONFIG };
  if (raw === null || raw === undefined || raw === '') return config;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return config;
  }
  if (!isRecord(stored)) return config;
  for (const key of Object.keys(VALIDATORS) as (keyof MigrationConfig)[]) {
    if (key in stored && VALIDATORS[key](stored[key], ENGLISH) === null) {
      (config as unknown as Record<string, unknown>)[key] = stored[key];
    }
  }
  return config;
}

function isStore(source: Record<string, string> | KeyValueStore): source is KeyValueStore {
  return (
    typeof (source as KeyValueStore).getAll === 'function' &&
    typeof (source as KeyValueStore).setMany === 'function'
  );
}

/**
 * Validates `partial`, merges it over the stored config and saves it in one write. Returns the new config. A new
 * backup folder must be one the backup can go to: `assertFolder` throws when it is missing or in the trash.
 */
export function saveConfig(
  store: KeyValueStore,
  current: MigrationConfig,
  partial: unknown,
  assertFolder: (folderId: string) => void = () => undefined,
  t: Translate = translator('en'),
): MigrationConfig {
  const next: MigrationConfig = { ...current, ...validateConfigPatch(partial, t) };
  if (next.backup_folder_id !== '' && next.backup_folder_id !== current.backup_folder_id) {
    try {
      assertFolder(next.backup_folder_id);
    } catch (error) {
      throw new Error(t('setting_folder_not_saved', { error: (error as Error).message }));
    }
  }
  store.setMany({ [CONFIG_KEY]: JSON.stringify(next) });
  return next;
}
