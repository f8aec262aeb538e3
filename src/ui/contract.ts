// The shapes the server returns, as the sidebar sees them (see CONTRACT.md). The sidebar treats every field
// as possibly missing: it renders what is there and shows '—' for the rest.

export type RunState = 'not_started' | 'running' | 'paused' | 'done' | 'failed' | 'rolled_back';
export type StepName =
  'create_backup' | 'add_v3_columns' | 'verify_schema' | 'initialize_versions' | 'test_smoke';
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

export interface Progress {
  done: number;
  total: number;
}

export interface Step {
  name: StepName | string;
  status: StepStatus | string;
  started_at?: string;
  completed_at?: string;
  progress?: Progress;
}

export interface Backup {
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
  steps: Step[];
  backup?: Backup;
  error?: { step: string; message: string };
  updated_at: string;
  /** Extra words from the server, e.g. why nothing happened in this slice (another execution holds the run). */
  message?: string;
}

export interface Plan {
  migration: string;
  sheet: { name: string; rows: number; columns: number; header_row: number };
  schema_detected: '2.1' | '3.0' | 'partial' | 'unknown';
  columns_to_add: { header: string; position: number; fill: unknown }[];
  rows_to_initialize: number;
  backup: { name: string; folder_id: string };
  cells_after: number;
  cell_limit: number;
  blocking: string[];
  warnings: string[];
}

export interface Check {
  passed: boolean;
  expected?: unknown;
  actual?: unknown;
  found?: unknown;
  [field: string]: unknown;
}

export interface VerificationReport {
  timestamp: string;
  dry_run: boolean;
  checks: Record<string, Check>;
  success: boolean;
  errors: string[];
}

export interface Eligibility {
  eligible: boolean;
  days_since_migration: number | null;
  window_days: number;
  backup?: Backup | null;
  reason?: string | null;
}

export type RollbackMode = 'full' | 'columns';

export interface RollbackOptions {
  mode: RollbackMode;
  confirm: true;
  override_window?: boolean;
}

export interface RollbackReport {
  mode: RollbackMode;
  success: boolean;
  restored_columns: unknown;
  removed_columns: string[];
  exported?: { file_id: string; url: string };
  verification: { passed: boolean; [field: string]: unknown };
  errors: string[];
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  target_sheet: string;
  backup_folder_id: string;
  rollback_window_days: number;
  time_budget_seconds: number;
  log_level: LogLevel;
}

export type HistoryEntry = Record<string, unknown>;

/** The server functions the sidebar calls, by name, with their argument and result. */
export interface ServerApi {
  getMigrationStatus(): Promise<Status>;
  previewMigration(): Promise<Plan>;
  startMigration(options: { force?: boolean }): Promise<Status>;
  continueMigration(): Promise<Status>;
  verifyMigration(): Promise<VerificationReport>;
  checkRollbackEligibility(): Promise<Eligibility>;
  rollbackMigration(options: RollbackOptions): Promise<RollbackReport>;
  getMigrationHistory(): Promise<HistoryEntry[]>;
  getMigrationConfig(): Promise<Config>;
  setMigrationConfig(partial: Partial<Config>): Promise<Config>;
}

export const STEP_NAMES: StepName[] = [
  'create_backup',
  'add_v3_columns',
  'verify_schema',
  'initialize_versions',
  'test_smoke',
];

export const CHECK_NAMES = [
  'column_count',
  'new_headers',
  'versions',
  'occupation_empty',
  'v21_data_intact',
  'column_mapping',
  'report',
] as const;
