import { DEFAULT_CONFIG } from '../../../src/core/state/config';
import { assertSettingsMayChange } from '../../../src/core/migration/config-guard';
import { CHAIN_KEY, ROLLBACK_STATE_KEY, RUN_KEY } from '../../../src/core/state/keys';

describe('assertSettingsMayChange', () => {
  const current = { ...DEFAULT_CONFIG, target_sheet: 'Operaciones' };

  it.each([
    [RUN_KEY, /a migration run is in progress: finish it \(Resume\)/],
    [CHAIN_KEY, /a migration run is in progress/],
    [ROLLBACK_STATE_KEY, /a rollback is in progress: finish it \(roll back again with the same mode\)/],
  ])('refuses the target sheet and the backup folder while %s exists', (key, why) => {
    const all = { [key]: '{}' };
    expect(() => assertSettingsMayChange(all, current, { target_sheet: 'Hoja1' })).toThrow(why);
    expect(() => assertSettingsMayChange(all, current, { backup_folder_id: 'f1' })).toThrow(
      /^Setting "backup_folder_id" cannot change now: .* Nothing was saved\.$/,
    );
    expect(() => assertSettingsMayChange(all, current, { target_sheet: 'Operaciones' })).not.toThrow();
    expect(() => assertSettingsMayChange(all, current, { rollback_window_days: 1 })).not.toThrow();
  });

  it('allows every change with nothing in progress', () => {
    expect(() =>
      assertSettingsMayChange({}, current, { target_sheet: 'Hoja1', backup_folder_id: 'f' }),
    ).not.toThrow();
  });
});
