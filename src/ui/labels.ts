// Translated labels of the server's enumerations; an unknown value is shown as it came.
import { CHECK_NAMES, STEP_NAMES, STEP_STATUSES } from './contract';
import { en, type MessageKey } from './messages-en';
import type { Translate } from './i18n';

/** The text of `prefix + value` when the catalogue has one (the contract's names and the chain's), else the name made readable. */
function lookup(t: Translate, prefix: string, value: unknown, known: readonly string[]): string {
  if (typeof value !== 'string' || value === '') return t('dash');
  const key = `${prefix}${value}`;
  return known.includes(value) || Object.prototype.hasOwnProperty.call(en, key)
    ? t(key as MessageKey)
    : humanize(value);
}

/** A name the panel has no text for (a later migration's step or check): `add_uniones_sheet` -> "Add uniones sheet". */
function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

export const stepLabel = (t: Translate, step: unknown): string => lookup(t, 'step_', step, STEP_NAMES);

export const stepStatusLabel = (t: Translate, status: unknown): string =>
  lookup(t, 'step_', status, STEP_STATUSES);

export const checkLabel = (t: Translate, check: string): string => lookup(t, 'check_', check, CHECK_NAMES);

/** A schema as the owner reads it: 'v2.1', 'partly migrated', 'not recognised'. */
export function schemaLabel(t: Translate, schema: unknown): string {
  if (schema === 'partial') return t('schema_partial');
  if (schema === 'unknown') return t('schema_unknown');
  if (typeof schema === 'string' && /^v?\d+(\.\d+)*$/.test(schema)) {
    return t('schema_version', { version: schema.replace(/^v/, '') });
  }
  return t('schema_not_checked');
}

export type Tone = 'ok' | 'bad' | 'busy' | 'idle' | 'warn';

/** The one vocabulary of outcomes the history uses for runs, checks and undos alike. */
export type Outcome = 'succeeded' | 'failed' | 'in_progress' | 'paused';

export function outcomeOf(entry: { success?: unknown; state?: unknown }): Outcome | null {
  if (typeof entry.success === 'boolean') return entry.success ? 'succeeded' : 'failed';
  switch (entry.state) {
    case 'done':
    case 'passed':
    case 'success':
    case 'succeeded':
      return 'succeeded';
    case 'failed':
    case 'error':
      return 'failed';
    case 'running':
      return 'in_progress';
    case 'paused':
      return 'paused';
    default:
      return null;
  }
}

export const outcomeTone: Record<Outcome, Tone> = {
  succeeded: 'ok',
  failed: 'bad',
  in_progress: 'busy',
  paused: 'busy',
};

export const outcomeLabel = (t: Translate, outcome: Outcome): string => t(`outcome_${outcome}` as MessageKey);
