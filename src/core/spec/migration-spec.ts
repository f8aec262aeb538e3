import type { CellValue } from '../ports';

/** A column a migration adds, and what every data row gets in it. */
export interface NewColumn {
  header: string;
  /** '' leaves the cells empty. */
  fill: CellValue;
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
}
