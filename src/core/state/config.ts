import { CONFIG_KEY } from './keys';
import { LOG_LEVELS, type MigrationConfig } from '../contract';
import type { KeyValueStore } from '../ports';

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

type Validator = (value: unknown) => string | null;

const text =
  (maxLength: number, allowEmpty: boolean): Validator =>
  (value) => {
    if (typeof value !== 'string') return `must be a string, got ${describe(value)}`;
    if (!allowEmpty && value.trim() === '') return 'must not be empty';
    if (value.length > maxLength) return `must be at most ${maxLength} characters`;
    return null;
  };

const number =
  (min: number, max: number, integer: boolean): Validator =>
  (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return `must be a number, got ${describe(value)}`;
    if (integer && !Number.isInteger(value)) return `must be a whole number, got ${value}`;
    if (value < min || value > max) return `must be between ${min} and ${max}, got ${value}`;
    return null;
  };

const VALIDATORS: Record<keyof MigrationConfig, Validator> = {
  target_sheet: text(100, false),
  backup_folder_id: (value) => {
    const problem = text(200, true)(value);
    if (problem) return problem;
    return /^[A-Za-z0-9_-]*$/.test(value as string)
      ? null
      : 'must be a Drive folder id (letters, digits, "-" and "_"), or empty for the spreadsheet\'s own folder';
  },
  rollback_window_days: number(0, MAX_ROLLBACK_WINDOW_DAYS, false),
  time_budget_seconds: number(MIN_TIME_BUDGET_SECONDS, MAX_TIME_BUDGET_SECONDS, true),
  log_level: (value) =>
    typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value)
      ? null
      : `must be one of ${LOG_LEVELS.join(', ')}, got ${describe(value)}`,
  notify_by_email: (value) =>
    typeof value === 'boolean' ? null : `must be true or false, got ${describe(value)}`,
  edit_freeze: (value) =>
    typeof value === 'boolean' ? null : `must be true or false, got ${describe(value)}`,
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a partial config from the sidebar or a test. Throws an Error naming the first bad field and what it
 * accepts; returns the accepted fields (strings trimmed).
 */
export function validateConfigPatch(partial: unknown): Partial<MigrationConfig> {
  if (!isRecord(partial)) {
    throw new Error(
      `Settings must be an object such as {"time_budget_seconds": 300}, got ${describe(partial)}.`,
    );
  }
  const accepted: Partial<MigrationConfig> = {};
  for (const [field, value] of Object.entries(partial)) {
    if (!Object.prototype.hasOwnProperty.call(VALIDATORS, field)) {
      throw new Error(`Unknown setting "${field}". Known settings: ${Object.keys(VALIDATORS).join(', ')}.`);
    }
    const key = field as keyof MigrationConfig;
    const problem = VALIDATORS[key](value);
    if (problem) throw new Error(`Setting "${field}" ${problem}.`);
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
    if (key in stored && VALIDATORS[key](stored[key]) === null) {
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
): MigrationConfig {
  const next: MigrationConfig = { ...current, ...validateConfigPatch(partial) };
  if (next.backup_folder_id !== '' && next.backup_folder_id !== current.backup_folder_id) {
    try {
      assertFolder(next.backup_folder_id);
    } catch (error) {
      throw new Error(`Setting "backup_folder_id" was not saved: ${(error as Error).message}`);
    }
  }
  store.setMany({ [CONFIG_KEY]: JSON.stringify(next) });
  return next;
}
