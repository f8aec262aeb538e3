// The add-on's public surface (design/CONTRACT.md): what the entry points accept and return, as plain JSON.
// One source for the engine, the verification, the rollback, the sidebar and the rehearsal. Types and `as const`
// lists only, and no import: the sidebar's browser bundle includes this file as it is.

export const RUN_STATES = ['not_started', 'running', 'paused', 'done', 'failed', 'rolled_back'] as const;
export type RunState = (typeof RUN_STATES)[number];

/** The migration's steps, in the order they run. */
export const STEP_NAMES = [
  'create_backup',
  'add_v3_columns',
  'verify_schema',
  'initialize_versions',
  'test_smoke',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

export const STEP_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const SCHEMAS_DETECTED = ['2.1', '3.0', '3.1', '4.0', 'partial', 'unknown'] as const;
export type SchemaDetected = (typeof SCHEMAS_DETECTED)[number];

/** The verification's checks, in the order a report lists them. */
export const CHECK_NAMES = [
  'column_count',
  'new_headers',
  'versions',
  'occupation_empty',
  'v21_data_intact',
  'column_mapping',
  'report',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export const ROLLBACK_MODES = ['full', 'columns'] as const;
export type RollbackMode = (typeof ROLLBACK_MODES)[number];

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const HISTORY_KINDS = ['migration', 'rollback', 'verification', 'cleanup'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** A cell as google.script.run carries it: no Date (a date is ISO-8601 text). */
export type JsonCell = string | number | boolean;

export interface Progress {
  done: number;
  total: number;
}

export interface StepRecord {
  /** One of STEP_NAMES for v3.0; the spec's step names for later migrations. */
  name: string;
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
  /** The spec's id: 'v3.0'. */
  migration: string;
  run_id: string | null;
  state: RunState;
  dry_run: boolean;
  steps: StepRecord[];
  backup?: BackupInfo;
  /** `next`: what to do about it, when the message alone does not say. */
  error?: { step: string; message: string; next?: string };
  updated_at: string;
  /** Why the call changed nothing (a run in progress elsewhere, nothing to do). */
  message?: string;
  /**
   * When the owner asked to pause (pauseMigration()): with state 'paused' the run waits for them (no trigger or
   * continueMigration() goes on); with 'running' the slice in flight stops at its next block.
   */
  pause_requested_at?: string;
}

export interface ColumnToAdd {
  header: string;
  /** The 1-based column the new column will occupy. */
  position: number;
  fill: JsonCell;
}

export interface Plan {
  migration: string;
  /**
   * rows: data rows (header excluded); columns: columns with a header; used_columns: the sheet's columns, up to
   * the last one holding anything (what a person counts; more than `columns` when some have no header).
   */
  sheet: { name: string; rows: number; columns: number; used_columns: number; header_row: number };
  schema_detected: SchemaDetected;
  columns_to_add: ColumnToAdd[];
  rows_to_initialize: number;
  backup: { name: string; folder_id: string };
  /** Grid cells of the whole spreadsheet (all sheets) after the change. */
  cells_after: number;
  /** 10,000,000. */
  cell_limit: number;
  blocking: string[];
  warnings: string[];
  /** Per sheet, what this migration adds or creates. */
  changes?: SheetChangePlan[];
  /** A short plan of each later migration up to the target, from what the earlier ones will leave. */
  then?: LaterPlan[];
  /** With the edit_freeze setting on: the sheets the run will protect and for about how long (also a warning). */
  edit_freeze?: EditFreezePlan;
}

export interface EditFreezePlan {
  sheets: string[];
  /** Modelled at Sheets' published read speed, with the migration panel open (slice after slice). */
  minutes: number;
  executions: number;
  /** With the panel closed the resume trigger runs once an hour: hours between the first and last execution. */
  hours_if_panel_closed: number;
  message: string;
}

export interface SheetChangePlan {
  sheet: string;
  /** Columns inserted after the sheet's last used column; `computed` says how a computed one is filled. */
  add_columns: (ColumnToAdd & { computed?: string })[];
  /** The sheet does not exist and is created with `headers`. */
  creates?: boolean;
  /** Headers a required sheet lacks, appended after its last header (its data is never written). */
  appends_headers?: string[];
  headers?: string[];
}

export interface LaterPlan {
  migration: string;
  from: string;
  description: string;
  changes: SheetChangePlan[];
  /** Grid cells of the whole spreadsheet after this migration (all sheets, new ones included). */
  cells_after: number;
  blocking: string[];
}

/** Checks may carry more fields; `passed` is fixed. */
export interface Check {
  passed: boolean;
  [field: string]: unknown;
}

export type VerificationChecks = {
  column_count: Check & { expected: number; actual: number };
  new_headers: Check & { expected: string[]; found: string[] };
  versions: Check;
  occupation_empty: Check;
  v21_data_intact: Check;
  column_mapping: Check;
  report: Check;
};

export interface VerificationReport {
  timestamp: string;
  dry_run: boolean;
  checks: VerificationChecks;
  /** True only when every check passed. */
  success: boolean;
  errors: string[];
}

/** A report as a reader that shows whatever checks arrive (the sidebar, the rehearsal) looks them up: by name. */
export type VerificationReportAsRead = Omit<VerificationReport, 'checks'> & {
  checks: Partial<Record<string, Check>>;
};

export interface RollbackEligibility {
  /** The migration a rollback would undo (the newest applied), or null when there is none (always set). */
  migration?: string | null;
  eligible: boolean;
  /** Days since the migration's recorded completion, fractional; null when there is no migration. */
  days_since_migration: number | null;
  window_days: number;
  backup: { file_id: string; name: string; url: string; exists: boolean } | null;
  reason: string | null;
  /** A rollback that stopped to stay within the time limit: rollbackMigration with this mode goes on with it. */
  rollback_in_progress?: { mode: RollbackMode; started_at: string } | null;
}

/** rollbackMigration()'s argument. */
export interface RollbackOptions {
  mode: RollbackMode;
  confirm: true;
  override_window?: boolean;
}

export interface FileRef {
  file_id: string;
  url: string;
}

/** A cell that differs from the backup after a rollback; `column` is its header. */
export interface RollbackCellDifference {
  row: number;
  column: string;
  backup: JsonCell;
  current: JsonCell;
  backup_formula?: string;
  current_formula?: string;
}

export interface GridSize {
  rows: number;
  columns: number;
  last_row: number;
  last_column: number;
}

/** The rollback's result checked against the backup: `passed` when every check passed. */
export interface RollbackVerification {
  passed: boolean;
  checks: {
    no_added_columns: { passed: boolean; expected: string[]; found: string[] };
    headers: { passed: boolean; expected: string[]; found: string[] };
    v21_data_intact: { passed: boolean; differences: RollbackCellDifference[]; total: number };
    /** Full mode only. */
    dimensions?: { passed: boolean; expected: GridSize; actual: GridSize };
  };
}

/** How far a rollback that is not finished got: the stage it stopped in, and its rows (or other sheets) done. */
export interface RollbackProgress {
  stage: 'export' | 'restore' | 'verify' | 'other_sheets';
  done: number;
  total: number;
}

/** A verification that has not run yet: the rollback paused before it. */
export interface PendingRollbackVerification {
  passed: false;
  pending: true;
}

/**
 * A finished rollback's result, or, with `pending: true`, one that stopped to stay within the time limit: calling
 * rollbackMigration with the same mode goes on from its checkpoint (`progress` says how far it got; `errors`
 * says so in the owner's words). The same way a verification reports checks still pending.
 */
export interface RollbackReport {
  /** The migration rolled back (always set by the add-on). */
  migration?: string;
  mode: RollbackMode;
  success: boolean;
  pending?: true;
  progress?: RollbackProgress;
  /** Columns written back from the backup: the backup's column count in full mode, 0 in columns mode. */
  restored_columns: number;
  removed_columns: string[];
  /** Values written since the migration, saved before the rollback; `parts` when it took several files. */
  exported?: FileRef & { parts?: FileRef[] };
  verification: RollbackVerification | PendingRollbackVerification;
  errors: string[];
}

export interface MigrationConfig {
  target_sheet: string;
  /** '' keeps backups in the spreadsheet's own folder. */
  backup_folder_id: string;
  rollback_window_days: number;
  time_budget_seconds: number;
  log_level: LogLevel;
  /** Mail the owner when a run the resume trigger carried on (the panel closed) ends or fails. */
  notify_by_email: boolean;
  /**
   * Protect the sheets a run changes (the effective user as their only editor) from just before its backup until
   * its verification ends; off by default. Read when a run starts.
   */
  edit_freeze: boolean;
}

/** One entry of getMigrationHistory(), newest first; each kind adds fields of its own. */
export interface HistoryEntry {
  kind: HistoryKind;
  run_id: string;
  started_at: string;
  completed_at: string | null;
  /** 'done' | 'failed' | ... for runs; 'passed' | 'failed' for verification and rollback. */
  state: string;
  user?: string;
  [field: string]: unknown;
}

/** startMigration()'s argument. */
export interface StartOptions {
  force?: boolean;
  /** Run every pending migration up to this one ('v4.0'), each as its own run. */
  target?: string;
  /** The caller shows progress as it goes: the slice saves it every few seconds and pauses at the next block. */
  live?: boolean;
}

/** continueMigration()'s and resumeMigration()'s argument. */
export interface ContinueOptions {
  live?: boolean;
}

/** previewMigration()'s argument. */
export interface PreviewOptions {
  target?: string;
}

/** getSchemaInfo(): the chain as this spreadsheet sees it. */
export interface SchemaInfo {
  /** '2.1', '3.0', '3.1', '4.0', 'partial' or 'unknown'. */
  current: string;
  source: 'metadata' | 'headers';
  /** The newest migration the add-on knows: 'v4.0'. */
  latest: string;
  /** Oldest first; `completed_at` and `backup` null when no recorded run applied it (found from the headers). */
  applied: {
    migration: string;
    completed_at: string | null;
    backup: { file_id: string; name: string; url: string } | null;
  }[];
  /** In order. */
  pending: { migration: string; from: string; description: string }[];
  /** When `current` is 'partial': the migration only partly in place, as `Sheet!Header` lists. */
  partial?: { migration: string; present: string[]; missing: string[] };
}

/** The entry points the sidebar and tests call by name, with their argument and result. */
export interface ServerFunctions {
  getMigrationStatus(): Status;
  previewMigration(options?: PreviewOptions): Plan;
  startMigration(options?: StartOptions): Status;
  continueMigration(options?: ContinueOptions): Status;
  pauseMigration(): Status;
  resumeMigration(options?: ContinueOptions): Status;
  verifyMigration(): VerificationReport;
  checkRollbackEligibility(): RollbackEligibility;
  rollbackMigration(options: RollbackOptions): RollbackReport;
  getMigrationHistory(): HistoryEntry[];
  getSchemaInfo(): SchemaInfo;
  getMigrationConfig(): MigrationConfig;
  setMigrationConfig(partial: Partial<MigrationConfig>): MigrationConfig;
}
