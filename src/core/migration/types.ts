import type { Translate } from '../messages';
import type { OtherSheetPlan } from '../baseline';
// The run's own records. The shapes CONTRACT.md fixes (Status, Plan, steps) are in ../contract.

export const CELL_LIMIT = 10000000;
export const COLUMN_LIMIT = 18278;

/** How a sheet owner starts a run over (the panel's button); the call is there for scripts and tests. */
export function startOverHow(t: Translate): string {
  return t('start_over_how', { menu: t('menu_path'), panel: t('menu_open_panel') });
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
  /** The migration's other sheets (v4.0: Uniones, Metadata), as they were before the run. */
  others?: OtherSheetPlan[];
}
