import type { RollbackOptions } from '../contract';

/** What rollbackMigration() accepts, checked before anything is read or changed; override_window defaulted. */
export type ParsedRollbackOptions = Required<RollbackOptions>;

const KNOWN = ['mode', 'confirm', 'override_window'];
const EXAMPLE = '{mode: "columns", confirm: true}';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export function parseRollbackOptions(input: unknown): ParsedRollbackOptions {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error(`Rollback options must be an object such as ${EXAMPLE}, got ${describe(input)}.`);
  }
  const options = input as Record<string, unknown>;
  const unknown = Object.keys(options).filter((key) => !KNOWN.includes(key));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown rollback option${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}. ` +
        `Known options: ${KNOWN.join(', ')}.`,
    );
  }
  if (options.mode !== 'full' && options.mode !== 'columns') {
    throw new Error(
      `Rollback option "mode" must be "full" (restore the whole sheet from the backup) or "columns" ` +
        `(remove only the columns the migration added), got ${describe(options.mode)}.`,
    );
  }
  if (options.confirm !== true) {
    throw new Error(
      `A rollback changes the sheet: pass confirm: true to go ahead, e.g. ${EXAMPLE}. Nothing was changed.`,
    );
  }
  if (options.override_window !== undefined && typeof options.override_window !== 'boolean') {
    throw new Error(
      `Rollback option "override_window" must be true or false, got ${describe(options.override_window)}.`,
    );
  }
  return { mode: options.mode, confirm: true, override_window: options.override_window === true };
}
