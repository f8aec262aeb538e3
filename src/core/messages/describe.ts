import type { Translate } from './index';

/** A value as a refusal quotes it ("got a list", "se recibió una lista"): strings quoted, others named. */
export function describeValue(value: unknown, t: Translate): string {
  if (value === null) return t('got_null');
  if (value === undefined) return t('got_nothing');
  if (Array.isArray(value)) return t('got_list');
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return t('got_object');
  if (typeof value === 'number') return t('got_number', { value: String(value) });
  if (typeof value === 'boolean') return t('got_boolean', { value: String(value) });
  return t('got_other', { type: typeof value, value: String(value) });
}
