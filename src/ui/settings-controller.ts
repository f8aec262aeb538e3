// The Settings form: load, validate here, store through setMigrationConfig, show the server's refusal.
import type { Config } from './contract';
import { App, showError } from './app';
import { byId } from './dom';
import {
  changedFields,
  toFormValues,
  validateConfig,
  type ConfigField,
  type FormValues,
} from './config-form';

const FIELDS: ConfigField[] = [
  'target_sheet',
  'backup_folder_id',
  'rollback_window_days',
  'time_budget_seconds',
  'log_level',
  'notify_by_email',
  'edit_freeze',
];
/** Fields shown as a checkbox: their form value is 'true' or 'false'. */
const CHECKBOXES = new Set<ConfigField>(['notify_by_email', 'edit_freeze']);

function input(field: ConfigField): HTMLInputElement | HTMLSelectElement {
  return byId<HTMLInputElement | HTMLSelectElement>(`cfg-${field}`);
}

function fieldError(field: ConfigField): HTMLElement {
  const node = document.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
  if (!node) throw new Error(`The settings form has no error slot for ${field}.`);
  return node;
}

export class SettingsController {
  private config: Config | null = null;
  onSaved: (config: Config) => void = () => undefined;

  constructor(private readonly app: App) {
    byId<HTMLFormElement>('settings-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
  }

  async load(): Promise<void> {
    try {
      this.fill(await this.app.server.getMigrationConfig());
    } catch (e) {
      showError(byId('settings-error'), this.app.ctx, e);
    }
  }

  private fill(config: Config): void {
    this.config = config;
    this.app.config = config;
    const values = toFormValues(config);
    for (const field of FIELDS) {
      const control = input(field);
      if (CHECKBOXES.has(field)) (control as HTMLInputElement).checked = values[field] === 'true';
      else control.value = values[field];
    }
  }

  private read(): FormValues {
    const values = {} as FormValues;
    for (const field of FIELDS) {
      const control = input(field);
      values[field] = CHECKBOXES.has(field) ? String((control as HTMLInputElement).checked) : control.value;
    }
    return values;
  }

  async save(): Promise<void> {
    const { t } = this.app.ctx;
    const serverError = byId('settings-error');
    const saved = byId('settings-saved');
    serverError.hidden = true;
    saved.hidden = true;
    const { config, errors } = validateConfig(this.read());
    for (const field of FIELDS) {
      const error = errors[field];
      fieldError(field).textContent = error ? t(error.key, error.params) : '';
      input(field).setAttribute('aria-invalid', error ? 'true' : 'false');
    }
    if (!config) {
      if (errors.time_budget_seconds || errors.log_level)
        byId<HTMLDetailsElement>('support-settings').open = true;
      serverError.textContent = t('settings_invalid');
      serverError.hidden = false;
      return;
    }
    const button = byId<HTMLButtonElement>('settings-save');
    button.disabled = true;
    try {
      const result = await this.app.server.setMigrationConfig(changedFields(this.config, config));
      const stored = result && typeof result === 'object' && 'target_sheet' in result ? result : config;
      this.fill(stored);
      saved.textContent = t('settings_saved');
      saved.hidden = false;
      this.onSaved(stored);
    } catch (e) {
      showError(serverError, this.app.ctx, e);
    } finally {
      button.disabled = false;
    }
  }
}
