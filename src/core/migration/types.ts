// The shapes CONTRACT.md fixes (Status, Plan), and the run's own records.
import type { CellValue } from '../ports';

export type RunState = 'not_started' | 'running' | 'paused' | 'done' | 'failed' | 'rolled_back';
export type StepName =
  'create_backup' | 'add_v3_columns' | 'verify_schema' | 'initialize_versions' | 'test_smoke';
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';
export type SchemaDetected = '2.1' | '3.0' | 'partial' | 'unknown';

export const STEP_NAMES: StepName[] = [
  'create_backup',
  'add_v3_columns',
  'verify_schema',
  'initialize_versions',
  'test_smoke',
];

export const CELL_LIMIT = 10000000;
export const COLUMN_LIMIT = 18278;

export interface Progress {
  done: number;
  total: number;
}

export interface StepRecord {
  name: StepName;
  status: StepStatus;
  started_at?: string;
  completed_at?: string;
  progress?: Progress;
}

export interface BackupInfo {
  file_id: string;
  name: string;
  url: string;
  created_at: string;
}

export interface Status {
  migration: string;
  run_id: string | null;
  state: RunState;
  dry_run: boolean;
  steps: StepRecord[];
  backup?: BackupInfo;
  error?: { step: string; message: string; next?: string };
  updated_at: string;
  /** Why the call changed nothing (a run in progress elsewhere, nothing to do). */
  message?: string;
}

export interface Plan {
  migration: string;
  sheet: { name: string; rows: number; columns: number; header_row: number };
  schema_detected: SchemaDetected;
  columns_to_add: { header: string; position: number; fill: CellValue }[];
  rows_to_initialize: number;
  backup: { name: string; folder_id: string };
  cells_after: number;
  cell_limit: number;
  blocking: string[];
  warnings: string[];
}

/** What a run keeps of its plan so later slices never plan again. */
export interface RunPlan {
  spreadsheet_id: string;
  spreadsheet_name: string;
  sheet_name: string;
  header_row: number;
  /** Last row / column with content before the change. */
  last_row: number;
  last_column: number;
  max_rows: number;
  max_columns: number;
  data_rows: number;
  v21_columns: number;
  v21_headers: string[];
  /** The spec's new headers already in place (a partly migrated sheet), in order. */
  present: string[];
  /** Where the missing ones go: inserted after this column. */
  insert_after: number;
  to_add: string[];
  backup_name: string;
  backup_folder_id: string;
}
