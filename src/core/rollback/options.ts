import type { RollbackOptions } from '../contract';
import { translator, type Translate } from '../messages';
import { describeValue } from '../messages/describe';

/** What rollbackMigration() accepts, checked before anything is read or changed; override_window defaulted. */
export type ParsedRollbackOptions = Required<RollbackOptions>;

const KNOWN = ['mode', 'confirm', 'override_window'];
const EXAMPLE = '{mode: "columns", confirm: true}';

export function parseRollbackOptions(input: unknown, t: Translate = translator('en')): ParsedRollbackOptions {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error(t('rollback_options_shape', { example: EXAMPLE, got: describeValue(input, t) }));
  }
  const options = input as Record<string, unknown>;
  const unknown = Object.keys(options).filter((key) => !KNOWN.includes(key));
  if (unknown.length > 0) {
    throw new Error(
      t(unknown.length > 1 ? 'rollback_option_unknown_many' : 'rollback_option_unknown_one', {
        keys: unknown.map((key) => `"${key}"`).join(', '),
        known: KNOWN.join(', '),
      }),
    );
  }
  if (options.mode !== 'full' && options.mode !== 'columns') {
    throw new Error(t('rollback_option_mode', { got: describeValue(options.mode, t) }));
  }
  if (options.confirm !== true) throw new Error(t('rollback_option_confirm', { example: EXAMPLE }));
  if (options.override_window !== undefined && typeof options.override_window !== 'boolean') {
    throw new Error(t('rollback_option_override', { got: describeValue(options.override_window, t) }));
  }
  return { mode: options.mode, confirm: true, override_window: options.override_window === true };
}
