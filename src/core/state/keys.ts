// Every key the add-on stores, in one place: document properties (each value under 9 KB, CONTRACT.md "State the
// add-on keeps"), the document cache and the spreadsheet's developer metadata. A module that reads or writes one
// imports it from here, so no two modules can disagree on a name and a reader can see all the state at once.

/** Settings (getMigrationConfig / setMigrationConfig). */
export const CONFIG_KEY = 'config';

/** A migration run in progress: every key under this prefix, cleared when the run completes. */
export const CHECKPOINT_PREFIX = 'migration.';
/** The run's checkpoint: steps, backup, cursors. */
export const RUN_KEY = 'migration.run';
/** The plan the run was started from. */
export const PLAN_KEY = 'migration.plan';
/** What the run recorded before changing anything: the yardstick of verification and rollback. */
export const BASELINE_KEY = 'migration.baseline';
/** The cursor of the run's own verification (test_smoke / verify). */
export const VERIFY_CURSOR_KEY = 'migration.verify';
/** A {target} chain: the migration it runs up to. */
export const CHAIN_KEY = 'migration.chain';
/** The owner's pause request ({requested_at, by}): the run waits for their resume. */
export const PAUSE_KEY = 'migration.pause';
/** The resume trigger recorded for a spreadsheet: `migration.resume.<spreadsheet id>`. */
export const RESUME_PREFIX = 'migration.resume.';

/** A rollback in progress (its phases' checkpoint), and the report of the last one. */
export const ROLLBACK_STATE_KEY = 'rollback.state';
export const ROLLBACK_LAST_KEY = 'rollback.last';

/** A verifyMigration() in progress, and the last report. */
export const VERIFICATION_CURSOR_KEY = 'verification.cursor';
export const LAST_VERIFICATION_KEY = 'verification.last';

/** Run history: one property per entry, `history.<n>`; it outlives checkpoints. */
export const HISTORY_PREFIX = 'history.';

/** Document cache: the column map of a sheet, and the index of those cached. */
export const COLUMN_MAP_CACHE_PREFIX = 'colmap.';
export const COLUMN_MAP_CACHE_INDEX = 'colmap.index';
/** Document cache: the progress a live slice saved last (see core/migration/live.ts). */
export const PROGRESS_CACHE_KEY = 'migration.progress';

/** Spreadsheet developer metadata: the schema the spreadsheet is at ('2.1', '3.0', ...). */
export const SCHEMA_VERSION_KEY = 'schema_version';
