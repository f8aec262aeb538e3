// Validation of the settings form before it goes to setMigrationConfig. The server validates again; its
// message is shown next to the form.
import type { Config, LogLevel } from './contract';
import type { MessageKey } from './messages-en';

export type ConfigField = keyof Config;
/** Every field as its form control holds it: a checkbox as 'true' or 'false'. */
export type FormValues = Record<ConfigField, string>;

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface Validation {
  config: Config | null;
  errors: Partial<Record<ConfigField, FieldError>>;
}

export const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];
// The server's limits (src/core/migration/config.ts): a slice must leave time to save its checkpoint before
// Apps Script's 6 minutes; the window may be fractional days.
export const WINDOW_RANGE = { min: 0, max: 365 };
export const BUDGET_RANGE = { min: 30, max: 330 };
export const SHEET_NAME_MAX = 100;

function numberIn(raw: string, range: { min: number; max: number }, integer: boolean): number | FieldError {
  const trimmed = raw.trim();
  if (trimmed === '') return { key: 'invalid_required' };
  if (!(integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(trimmed)) {
    return { key: integer ? 'invalid_integer' : 'invalid_number' };
  }
  const value = Number(trimmed);
  if (value < range.min || value > range.max) return { key: 'invalid_range', params: range };
  return value;
}

export function validateConfig(values: FormValues): Validation {
  const errors: Validation['errors'] = {};
  const targetSheet = values.target_sheet.trim();
  if (targetSheet === '') errors.target_sheet = { key: 'invalid_required' };
  else if (targetSheet.length > SHEET_NAME_MAX) {
    errors.target_sheet = { key: 'invalid_too_long', params: { max: SHEET_NAME_MAX } };
  }
  const folder = values.backup_folder_id.trim();
  if (folder !== '' && !/^[A-Za-z0-9_-]+$/.test(folder)) errors.backup_folder_id = { key: 'invalid_folder' };
  const window = numberIn(values.rollback_window_days, WINDOW_RANGE, false);
  if (typeof window !== 'number') errors.rollback_window_days = window;
  const budget = numberIn(values.time_budget_seconds, BUDGET_RANGE, true);
  if (typeof budget !== 'number') errors.time_budget_seconds = budget;
  const level = values.log_level as LogLevel;
  if (!LOG_LEVELS.includes(level)) errors.log_level = { key: 'invalid_log_level' };
  const notify = values.notify_by_email !== 'false';
  if (Object.keys(errors).length > 0) return { config: null, errors };
  return {
    config: {
      target_sheet: targetSheet,
      backup_folder_id: folder,
      rollback_window_days: window as number,
      time_budget_seconds: budget as number,
      log_level: level,
      notify_by_email: notify,
      edit_freeze: values.edit_freeze === 'true',
    },
    errors,
  };
}

export function toFormValues(config: Partial<Config> | null | undefined): FormValues {
  const c = config ?? {};
  return {
    target_sheet: typeof c.target_sheet === 'string' ? c.target_sheet : '',
    backup_folder_id: typeof c.backup_folder_id === 'string' ? c.backup_folder_id : '',
    rollback_window_days: typeof c.rollback_window_days === 'number' ? String(c.rollback_window_days) : '7',
    time_budget_seconds: typeof c.time_budget_seconds === 'number' ? String(c.time_budget_seconds) : '300',
    log_level: typeof c.log_level === 'string' ? c.log_level : 'info',
    notify_by_email: c.notify_by_email === false ? 'false' : 'true',
    edit_freeze: c.edit_freeze === true ? 'true' : 'false',
  };
}

/** Only the fields that changed, so the server is asked to store exactly what the person edited. */
export function changedFields(before: Config | null, after: Config): Partial<Config> {
  if (!before) return after;
  const partial: Partial<Config> = {};
  for (const field of Object.keys(after) as ConfigField[]) {
    if (after[field] !== before[field]) (partial as Record<string, unknown>)[field] = after[field];
  }
  return partial;
}
