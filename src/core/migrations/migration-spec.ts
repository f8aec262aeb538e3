import type { JsonCell } from '../contract';
import type { CheckKind, StepKind } from './types';

/**
 * What a new column's cells must hold once the app writes to them (verifyMigration() checks every row):
 * - 'counter': an integer >= 0 the app raises on each write; right after the migration, the column's fill.
 * - 'integer' / 'number': an integer >= 0 / a finite number (figures the app keeps up to date).
 * - { pattern }: text matching the regular expression; `example` is shown in reports.
 * - { timestamp }: text in this format (tokens DD, MM, YYYY, HH, mm, ss) holding a real date and time, or a
 *   date-formatted cell.
 */
export type ColumnRule =
  'counter' | 'integer' | 'number' | { pattern: string; example: string } | { timestamp: string };

/** A column a migration adds, and what every data row gets in it. */
export interface NewColumn {
  header: string;
  /** '' leaves the cells empty. */
  fill: JsonCell;
  rule?: ColumnRule;
  /**
   * Header of the column set and cleared together with this one: on every row both are empty, or both hold
   * values that meet their rules. Right after the migration both are empty.
   */
  pairedWith?: string;
  /** Computed from another sheet (the spec's Fill); `fill` is then what a row with no match gets. */
  computed?: ComputedFill;
}

/** An added column's figures over another sheet's rows whose `key` equals the row's key (see Fill in migrations). */
export interface ComputedFill {
  from_sheet: string;
  key: string;
  aggregate: 'count' | 'count_not_empty' | 'sum';
  column?: string;
  where?: string;
}

/**
 * A schema change as data: which sheet, which column identifies a row, and the columns inserted right after
 * the last existing column, in order. The next schema change is a new spec, not new machinery.
 */
export interface MigrationSpec {
  /** Name used in Status.migration, backup names and schema_version. */
  id: string;
  /** The schema the sheet has before the migration. */
  fromVersion: string;
  defaultSheet: string;
  /** 1-based row holding the headers; data starts on the next row. */
  headerRow: number;
  keyColumn: { header: string; aliases: string[] };
  newColumns: NewColumn[];
  /** The schema the migration leaves (its schema_version): '3.0'. */
  toVersion: string;
  /** The migration's steps and checks, named as the spec names them, with what each does. */
  steps: { name: string; does: StepKind }[];
  checks: { name: string; does: CheckKind }[];
  /** The migration's other sheets (v4.0: Uniones, Metadata), by name: what it requires or adds there. */
  otherSheets?: OtherSheetSpec[];
}

export interface OtherSheetSpec {
  sheet: string;
  /** Headers the sheet must have (created with them when missing); its data is never written. */
  ensure: string[] | null;
  newColumns: NewColumn[];
  /** The app appends rows to it (an event log). */
  appendOnly: boolean;
}
