import { DEFAULT_CONFIG, readConfig, validateConfigPatch } from '../../../src/core/state/config';

describe('validateConfigPatch', () => {
  it('accepts known fields within range', () => {
    expect(validateConfigPatch({ time_budget_seconds: 120, log_level: 'debug' })).toEqual({
      time_budget_seconds: 120,
      log_level: 'debug',
    });
  });

  it.each([
    [{ nope: 1 }, /Unknown setting "nope"/],
    [{ rollback_window_days: -1 }, /"rollback_window_days" must be between 0 and 365/],
    [{ time_budget_seconds: 12.5 }, /"time_budget_seconds" must be a whole number/],
    [{ backup_folder_id: 'a/b' }, /"backup_folder_id" must be a Drive folder id/],
    ['text', /Settings must be an object/],
  ])('refuses %j naming the field', (patch, message) => {
    expect(() => validateConfigPatch(patch)).toThrow(message);
  });
});

describe('readConfig', () => {
  it('falls back to the defaults for a missing, damaged or out-of-range stored config', () => {
    expect(readConfig({})).toEqual(DEFAULT_CONFIG);
    expect(readConfig({ config: '{not json' })).toEqual(DEFAULT_CONFIG);
    expect(readConfig({ config: JSON.stringify({ time_budget_seconds: 5, log_level: 'warn' }) })).toEqual({
      ...DEFAULT_CONFIG,
      log_level: 'warn',
    });
  });
});
