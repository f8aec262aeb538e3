// A migration as data: what it does to each sheet, its steps and its checks. The engine reads nothing else.
import type { JsonCell } from '../contract';
import type { ColumnRule } from './migration-spec';

export type { ColumnRule };

/**
 * What every data row gets in an added column:
 * - `empty`: nothing (the app fills it later);
 * - `constant`: the same value on every row (v3.0's version 0);
 * - `computed`: an aggregate over the rows of another sheet whose `key` equals this row's key column:
 *   `count` of those rows, `count_not_empty` of those whose `where` is not empty, `sum` of the numeric `column`
 *   over those whose `where` is not empty. A spool with no such rows gets 0.
 */
export type Fill =
  | { kind: 'empty' }
  | { kind: 'constant'; value: JsonCell }
  | {
      kind: 'computed';
      from_sheet: string;
      /** The other sheet's column holding this sheet's key. */
      key: string;
      aggregate: 'count' | 'count_not_empty' | 'sum';
      /** sum: the numeric column added up. */
      column?: string;
      /** count_not_empty and sum: only rows whose cell in this column is not empty. */
      where?: string;
    };

export interface AddedColumn {
  header: string;
  fill: Fill;
  /** What the app may write later (verifyMigration() holds every row to it); none: anything. */
  rule?: ColumnRule;
  /** Set and cleared together with this column (both empty, or both meet their rules). */
  paired_with?: string;
}

/** One sheet a migration changes or needs. */
export interface SheetChange {
  /** The sheet's name in the ZEUES spreadsheet. The first change's sheet follows the target_sheet setting. */
  sheet: string;
  /** The column identifying a row (matched after normalising, aliases included); needed for a computed fill. */
  key?: { header: string; aliases: string[] };
  /** Columns inserted after the sheet's last used column, in order. */
  add_columns?: AddedColumn[];
  /**
   * The sheet must exist with these headers: a missing sheet is created with them, a sheet missing some gets
   * them appended after its last header. Its data is never written.
   */
  ensure?: { headers: string[] };
  /** The app appends rows to it while the migration runs (an event log): rows past the backup are the app's. */
  append_only?: boolean;
}

/** What a step does; the spec gives it its name. */
export type StepKind =
  'backup' | 'ensure_sheets' | 'add_columns' | 'verify_schema' | 'fill_columns' | 'verify';

/** What a check proves; the spec gives it its name. */
export type CheckKind =
  | 'column_count'
  | 'new_headers'
  /** the counter column (v3.0's `version`): its fill right after the migration, an integer >= it later */
  | 'counter'
  /** the paired columns (v3.0's occupation): empty right after, both empty or both valid later */
  | 'paired'
  /** every other added column: its fill right after the migration, its rule later */
  | 'values'
  /** every cell that existed before equals the backup */
  | 'data_intact'
  | 'column_mapping'
  /** the structure of an ensured sheet (every required header, once) */
  | 'sheet_structure'
  /** every row's computed figures equal those recomputed from their source sheet */
  | 'computed_values'
  | 'report';

export interface Migration {
  /** 'v3.0': Status.migration, backup names; without the 'v' it is the schema_version it leaves. */
  id: string;
  /** The schema before it: '2.1'. */
  from: string;
  /** What it changes, in a line, in English; `descriptions` has it in the other languages the add-on speaks. */
  description: string;
  descriptions?: { es?: string };
  /** 1-based header row of every sheet it touches; data starts on the next one. */
  header_row: number;
  /** In order; the first is the sheet the target_sheet setting names, and it has `key` and `add_columns`. */
  sheets: SheetChange[];
  steps: { name: string; does: StepKind }[];
  checks: { name: string; does: CheckKind }[];
}

/** The schema the chain starts from, recognised by headers its sheets always have. */
export interface BaseSchema {
  version: string;
  sheet: string;
  /**
   * Headers every sheet of this schema holds (after normalising; an alias counts). A sheet holding them all is
   * at least this schema; one holding some but not all is not a ZEUES sheet.
   */
  signature: { header: string; aliases?: string[] }[];
}
