// The shapes the add-on's entry points return (design/CONTRACT.md), as the rehearsal reads them: plain JSON
// from the built bundle. Checks may carry more fields than these.

export interface StepStatus {
  name: string;
  status: 'pending' | 'running' | 'done' | 'failed' | 'skipped';
  started_at?: string;
  completed_at?: string;
  progress?: { done: number; total: number };
}

export interface Status {
  migration: string;
  run_id: string | null;
  state: 'not_started' | 'running' | 'paused' | 'done' | 'failed' | 'rolled_back';
  dry_run: boolean;
  steps: StepStatus[];
  backup?: { file_id: string; name: string; url: string; created_at: string };
  error?: { step: string; message: string };
  updated_at: string;
}

export interface Plan {
  migration: string;
  sheet: { name: string; rows: number; columns: number; header_row: number };
  schema_detected: '2.1' | '3.0' | 'partial' | 'unknown';
  columns_to_add: { header: string; position: number; fill: unknown }[];
  rows_to_initialize: number;
  backup: { name: string; folder_id: string | null };
  cells_after: number;
  cell_limit: number;
  blocking: string[];
  warnings: string[];
}

export type Check = { passed: boolean } & Record<string, unknown>;

export interface VerificationReport {
  timestamp: string;
  dry_run: boolean;
  checks: Record<string, Check>;
  success: boolean;
  errors: string[];
}

export interface RollbackReport {
  mode: 'full' | 'columns';
  success: boolean;
  restored_columns: unknown;
  removed_columns: string[];
  exported?: { file_id: string; url: string };
  verification: Check;
  errors: string[];
}

/** The order CONTRACT.md lists the checks in; any further check is printed after these. */
export const CHECK_ORDER = [
  'column_count',
  'new_headers',
  'versions',
  'occupation_empty',
  'v21_data_intact',
  'column_mapping',
  'report',
];
