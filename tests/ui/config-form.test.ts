import { changedFields, toFormValues, validateConfig } from '../../src/ui/config-form';

const good = {
  target_sheet: ' Operaciones ',
  backup_folder_id: '',
  rollback_window_days: '7',
  time_budget_seconds: '300',
  log_level: 'info',
  notify_by_email: 'false',
  edit_freeze: 'false',
};

describe('settings validation', () => {
  it('accepts good values and converts them to the config shape', () => {
    expect(validateConfig(good)).toEqual({
      config: {
        target_sheet: 'Operaciones',
        backup_folder_id: '',
        rollback_window_days: 7,
        time_budget_seconds: 300,
        log_level: 'info',
        notify_by_email: false,
        edit_freeze: false,
      },
      errors: {},
    });
  });

  it('names every bad field and returns no config', () => {
    const { config, errors } = validateConfig({
      target_sheet: '  ',
      backup_folder_id: 'https://drive.google.com/x',
      rollback_window_days: 'two',
      time_budget_seconds: '9999',
      log_level: 'loud',
      notify_by_email: 'true',
      edit_freeze: 'false',
    });
    expect(config).toBeNull();
    expect(errors).toEqual({
      target_sheet: { key: 'invalid_required' },
      backup_folder_id: { key: 'invalid_folder' },
      rollback_window_days: { key: 'invalid_number' },
      time_budget_seconds: { key: 'invalid_range', params: { min: 30, max: 330 } },
      log_level: { key: 'invalid_log_level' },
    });
  });

  it('accepts a fractional rollback window but only a whole time budget', () => {
    expect(validateConfig({ ...good, rollback_window_days: '1.5' }).config?.rollback_window_days).toBe(1.5);
    expect(validateConfig({ ...good, time_budget_seconds: '45.5' }).errors).toEqual({
      time_budget_seconds: { key: 'invalid_integer' },
    });
    expect(validateConfig({ ...good, target_sheet: 'x'.repeat(101) }).errors).toEqual({
      target_sheet: { key: 'invalid_too_long', params: { max: 100 } },
    });
  });

  it('fills the form with the defaults when the server sends nothing', () => {
    expect(toFormValues(null)).toEqual({
      target_sheet: '',
      backup_folder_id: '',
      rollback_window_days: '7',
      time_budget_seconds: '300',
      log_level: 'info',
      notify_by_email: 'true',
      edit_freeze: 'false',
    });
  });

  it('turns the edit freeze checkbox into a boolean', () => {
    expect(validateConfig({ ...good, edit_freeze: 'true' }).config?.edit_freeze).toBe(true);
    expect(toFormValues({ edit_freeze: true }).edit_freeze).toBe('true');
  });

  it('sends only the fields that changed', () => {
    const before = validateConfig(good).config;
    const after = validateConfig({ ...good, rollback_window_days: '14' }).config!;
    expect(changedFields(before, after)).toEqual({ rollback_window_days: 14 });
  });
});
