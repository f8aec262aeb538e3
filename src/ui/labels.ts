// Translated labels of the server's enumerations; an unknown value is shown as it came.
import { CHECK_NAMES, RUN_STATES, STEP_NAMES, STEP_STATUSES } from './contract';
import type { MessageKey } from './messages-en';
import type { Translate } from './i18n';

function lookup(t: Translate, prefix: string, value: unknown, known: readonly string[]): string {
  if (typeof value !== 'string' || value === '') return t('dash');
  return known.includes(value) ? t(`${prefix}${value}` as MessageKey) : value;
}

export const stateLabel = (t: Translate, state: unknown): string => lookup(t, 'state_', state, RUN_STATES);

export const stepLabel = (t: Translate, step: unknown): string => lookup(t, 'step_', step, STEP_NAMES);

export const stepStatusLabel = (t: Translate, status: unknown): string =>
  lookup(t, 'step_', status, STEP_STATUSES);

export const checkLabel = (t: Translate, check: string): string => lookup(t, 'check_', check, CHECK_NAMES);

export function schemaLabel(t: Translate, schema: unknown): string {
  switch (schema) {
    case '2.1':
      return t('schema_21');
    case '3.0':
      return t('schema_30');
    case 'partial':
      return t('schema_partial');
    case 'unknown':
      return t('schema_unknown');
    default:
      return t('schema_not_checked');
  }
}

export const stateTone = (state: unknown): 'ok' | 'bad' | 'busy' | 'idle' | 'warn' =>
  state === 'done'
    ? 'ok'
    : state === 'failed'
      ? 'bad'
      : state === 'running' || state === 'paused'
        ? 'busy'
        : state === 'rolled_back'
          ? 'warn'
          : 'idle';
