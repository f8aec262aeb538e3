import type { KeyValueStore } from '../ports';
import type { RollbackMode } from './options';

/**
 * A rollback in progress, in one document property written before each effect (intent first), so an
 * execution that dies anywhere is finished by calling rollbackMigration() again with the same options.
 */
export const ROLLBACK_STATE_KEY = 'rollback.state';
/** The last completed rollback's report (trimmed under the property limit): the marker status readers use. */
export const ROLLBACK_LAST_KEY = 'rollback.last';
const MAX_PROPERTY_CHARS = 8500;

export type RollbackPhase = 'export' | 'remove_columns' | 'restore_grid' | 'restore_cells' | 'finish';

export interface ExportRef {
  file_id: string;
  url: string;
  name: string;
  cells: number;
}

export interface RollbackCheckpoint {
  run_id: string;
  migration_run_id: string;
  mode: RollbackMode;
  started_at: string;
  /** True when the run being undone never completed: its `migration.*` checkpoints go too. */
  unfinished_run: boolean;
  phase: RollbackPhase;
  /** Deterministic, so a resumed execution finds the file it may already have written. */
  export_name: string;
  exported: ExportRef | null;
  /** Headers of the columns the run added that were present when the rollback began. */
  removed_columns: string[];
  /** Full mode: the block the restore writes, and the first row not yet written. */
  restore: { rows: number; columns: number; next_row: number } | null;
}

export function readCheckpoint(all: Record<string, string>): RollbackCheckpoint | null {
  const raw = all[ROLLBACK_STATE_KEY];
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as RollbackCheckpoint;
    return typeof parsed.run_id === 'string' && typeof parsed.phase === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function encodeForProperty(value: unknown, what: string): string {
  const json = JSON.stringify(value);
  if (json.length > MAX_PROPERTY_CHARS) {
    throw new Error(`${what} is ${json.length} characters; a document property must stay under ${MAX_PROPERTY_CHARS}.`);
  }
  return json;
}

export function saveCheckpoint(store: KeyValueStore, checkpoint: RollbackCheckpoint): void {
  store.setMany({ [ROLLBACK_STATE_KEY]: encodeForProperty(checkpoint, 'The rollback checkpoint') });
}
