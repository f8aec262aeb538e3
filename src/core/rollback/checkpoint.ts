import { ROLLBACK_STATE_KEY } from '../state/keys';
import type { OtherSheetPlan } from '../baseline';
import type { OtherSheetOutcome } from './other-sheets';
import type { BackupRef } from '../baseline';
import type { KeyValueStore } from '../ports';
import { fitsOneProperty, propertyValue } from '../state/property-size';
import type { RollbackMode } from '../contract';
import type { VerifyProgress } from './verify-result';

/**
 * A rollback in progress, in one document property written before each effect (intent first), so an
 * execution that dies anywhere is finished by calling rollbackMigration() again with the same options.
 */
export type RollbackPhase =
  'export' | 'remove_columns' | 'restore_grid' | 'restore_cells' | 'other_sheets' | 'verify' | 'finish';

export interface ExportRef {
  file_id: string;
  url: string;
  name: string;
  cells: number;
}

/** An export too large for one execution is written in parts, one file per execution. */
export interface ExportProgress {
  /** First row (1-based) the export has not read yet. */
  next_row: number;
  parts: ExportRef[];
  /** A part about to be written (intent): its name and rows (inclusive), so a resumed call rewrites exactly it. */
  pending: { name: string; from_row: number; to_row: number } | null;
}

export interface RollbackCheckpoint {
  run_id: string;
  migration_run_id: string;
  mode: RollbackMode;
  started_at: string;
  /** True when the run being undone never completed: its `migration.*` checkpoints go too. */
  unfinished_run: boolean;
  phase: RollbackPhase;
  /** What the undone run recorded, copied so a resumed rollback needs nothing else (its checkpoints may be gone). */
  target: {
    migration: string;
    sheet_name: string;
    columns_added: string[];
    backup: BackupRef;
    /** The migration's other sheets as they were before it (v4.0: Uniones, Metadata). */
    others?: OtherSheetPlan[];
  };
  /** What the rollback did to the other sheets, once done. */
  other_sheets?: OtherSheetOutcome[];
  /** The other sheets rolled back so far, while some are left (a rollback pauses between two sheets). */
  other_sheets_done?: OtherSheetOutcome[];
  /** What the rollback of the next other sheet is doing, recorded before its effects (see mergeOutcomes). */
  other_sheet_pending?: OtherSheetOutcome;
  /** Deterministic, so a resumed execution finds the file it may already have written. */
  export_name: string;
  export_progress: ExportProgress | null;
  /** The export's first (usually only) file, and every part when there are several. */
  exported: (ExportRef & { parts?: ExportRef[] }) | null;
  /** Headers of the columns the run added that were present when the rollback began. */
  removed_columns: string[];
  /**
   * Full mode: the block the restore writes, and the first row not yet written; the backup cells setValues
   * could not store as text (left as they were), the first few and their count.
   */
  restore: {
    rows: number;
    columns: number;
    next_row: number;
    unwritable?: { cells: { row: number; column: number; length: number }[]; total: number };
  } | null;
  verify: VerifyProgress | null;
  /**
   * Full mode: how many times the grid and the cells have been restored (1 on the first pass). The app may write
   * while a rollback runs; what it wrote after its rows were restored is exported and restored once more.
   */
  restore_passes?: number;
  /** Milliseconds per cell of the latest block read (see ReadPace): sizes the next execution's first read. */
  read_ms_per_cell?: number;
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

/**
 * Saves the checkpoint and returns what was saved: the listed verification differences are cut down when the
 * value would pass the property limit, and the caller goes on with the saved copy so a resumed call ends the same.
 */
export function saveCheckpoint(store: KeyValueStore, checkpoint: RollbackCheckpoint): RollbackCheckpoint {
  let saved = checkpoint;
  while (!fitsOneProperty(JSON.stringify(saved)) && saved.verify && saved.verify.differences.length > 0) {
    const differences = saved.verify.differences.slice(0, Math.floor(saved.verify.differences.length / 2));
    saved = { ...saved, verify: { ...saved.verify, differences } };
  }
  store.setMany({ [ROLLBACK_STATE_KEY]: propertyValue(saved, 'The rollback checkpoint') });
  return saved;
}
