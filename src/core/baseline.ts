import type { WrittenBoxes } from './write-zones';

/** What the run does to one other sheet, decided from what it held before (kept in the run's plan). */
export interface OtherSheetPlan {
  sheet: string;
  /** The sheet existed before the run (false: the run creates it, and a rollback removes it). */
  existed: boolean;
  last_row: number;
  last_column: number;
  max_rows: number;
  max_columns: number;
  headers: string[];
  /** Required headers it lacks, appended after its last header (all of them on a created sheet). */
  ensure_missing: string[];
  /** Columns the migration adds: already present, still to add (inserted after `insert_after`). */
  present: string[];
  to_add: string[];
  insert_after: number;
}

/**
 * What a migration run recorded about the sheet before it changed anything: the yardstick for verification
 * and rollback. Small enough for one document property (< 9 KB) and for a history entry.
 */
export interface Baseline {
  /** Migration spec id, e.g. 'v3.0'. */
  migration: string;
  run_id: string;
  spreadsheet_id: string;
  sheet_name: string;
  /** Data rows (header excluded) and v2.1 columns with a header, before the change. */
  data_rows: number;
  v21_columns: number;
  v21_headers: string[];
  /** Grid size of the target sheet before the change. */
  max_rows: number;
  max_columns: number;
  /** Headers this run inserted (a partly migrated sheet gets only the missing ones). */
  columns_added: string[];
  backup: BackupRef;
  /** Digests (src/core/digest.ts) of the v2.1 region: rows 2..lastRow, columns 1..v21_columns, per block. */
  block_digests: string[];
  /** The migration's other sheets as they were before it (v4.0), for the rollback. */
  others?: OtherSheetPlan[];
  /** In a finished run's history entry: the boxes of every range the run wrote, per sheet (see confined.ts). */
  written?: WrittenBoxes;
  /** In a finished run's history entry: the last sheet row whose new columns the run filled. */
  filled_through?: number;
}

export interface BackupRef {
  file_id: string;
  name: string;
  url: string;
  folder_id: string;
  created_at: string;
}
