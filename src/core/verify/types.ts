// The verification's own shapes (the report CONTRACT.md fixes is in ../contract): the cursor that carries a
// verification across executions (one document property, so it stays well under 9 KB).
import type { Check, VerificationReport } from '../contract';
import type { RuledColumn } from './rules';

/**
 * Which rules the new columns (see ColumnRule in the spec) and the v2.1 data are held to.
 * - 'post_migration': right after the migration (the engine's test_smoke step): every counter (ZEUES: version)
 *   is at its fill, paired columns (Ocupado_Por, Fecha_Ocupacion) are empty, every v2.1 cell equals the backup
 *   and the sheet has exactly the rows it had.
 * - 'in_use': a later verifyMigration() from the menu or sidebar, once the app may have written: counters are
 *   integers >= their fill, paired columns are both empty or both meet their rules, rows may have been appended,
 *   and a v2.1 cell that differs from the backup in a row whose counter has moved was written by the app
 *   (counted, not a failure); in a row whose counter is still at its fill it is a failure.
 */
export type VerificationMode = 'post_migration' | 'in_use';

/** A count and the first few examples of something found row by row. */
export interface Sample<T> {
  count: number;
  first: T[];
}

/** A v2.1 cell that no longer equals the backup. Values are shown as JSON: a formula as its text. */
export interface CellDifference {
  row: number;
  /** The row's key (TAG_SPOOL) as it is now, when the key column is known. */
  key?: string | number | boolean;
  header: string;
  backup: string | number | boolean;
  current: string | number | boolean;
}

export interface RowValue {
  row: number;
  value: string | number | boolean;
}

/** Where the checked columns are, read once from the header row in the first slice. */
export interface Layout {
  last_row: number;
  last_column: number;
  /** Data rows now (header excluded). */
  data_rows: number;
  /** Columns read per row: every column with content, and at least the v2.1 ones. */
  width: number;
  /** v2.1 columns compared with the backup: min(baseline.v21_columns, width). */
  v21_width: number;
  /** The spec's counter column (`versions`), or null when the spec has none; `column` null: not in the sheet. */
  counter: (LocatedColumn & { start: number }) | null;
  /** The spec's paired columns (`occupation_empty`), or null when the spec has none. */
  pair: [LocatedColumn, LocatedColumn] | null;
  /** The spec's other added columns (`values`), with their fill. */
  valued?: (LocatedColumn & { fill: string | number | boolean })[];
  /** The key column (1-based), null when not found: each listed edit names its row's key. */
  key_column?: number | null;
  /**
   * Right after a run: the last sheet row whose new columns the run filled. Rows others appended after that are
   * listed (`appended_after_fill`), not held to the fill.
   */
  filled_through?: number;
}

/** A column a row check reads: the spec's header and rule, and where the header row has it. */
export interface LocatedColumn extends RuledColumn {
  column: number | null;
}

export interface StructureChecks {
  column_count: VerificationReport['checks']['column_count'];
  new_headers: VerificationReport['checks']['new_headers'];
  column_mapping: Check;
  /** Header cells of the v2.1 columns that differ from the headers recorded before the migration. */
  header_differences: Sample<CellDifference>;
}

export interface VerificationCursor {
  kind: 'verification';
  migration: string;
  run_id: string;
  /** When this verification started: the report's timestamp and part of its file name. */
  started_at: string;
  mode: VerificationMode;
  dry_run: boolean;
  phase: 'structure' | 'scan' | 'report';
  layout: Layout | null;
  structure: StructureChecks | null;
  /** 0-based index of the next data row to read. */
  next_row: number;
  /** Cells per read at most (whole digest blocks; at least one block). */
  max_cells_per_read: number;
  /** Virtual ms the last read of a chunk took: used to stop before a chunk would pass the deadline. */
  chunk_ms: number;
  /** Milliseconds per cell of the latest block read (see ReadPace): sizes the next slice's reads. */
  read_ms_per_cell?: number;
  slices: number;
  versions: { checked: number; invalid: Sample<RowValue>; not_zero: Sample<RowValue> };
  occupation: { checked: number; occupied: number; invalid: Sample<RowValue> };
  /** `values`: cells of the other added columns that break their fill (right after) or their rule (later). */
  values?: { checked: number; invalid: Sample<RowValue & { header: string }> };
  /** Rows past `layout.filled_through`: appended by others after the run's last fill. */
  appended_after_fill?: Sample<number>;
  intact: {
    rows_compared: number;
    blocks_differing: number;
    differences: Sample<CellDifference>;
    /** 'in_use' only: differing cells in rows the app has written since (version > 0). */
    changed_by_app: number;
    /** Why the backup could not be read, or null. */
    backup_error: string | null;
    /**
     * Data rows (0-based [start, end)) of differing blocks still to compare cell by cell with the backup: left
     * for later reads when the backup's rows did not fit the time left after the block's own read.
     */
    recheck?: [number, number][];
  };
}

/** Longest text kept of one cell in a report or cursor. */
export const MAX_SHOWN_CHARS = 80;
/** How many differences and rows a check lists (the count is always exact). */
export const MAX_LISTED = 100;
