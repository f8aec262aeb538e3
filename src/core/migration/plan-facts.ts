// The live facts a plan depends on, read from the spreadsheet, Drive and the triggers. Reads only, except
// assertCanEdit, which runs when a run starts (never in the dry run).
import { messagesFor, type Translate } from '../messages';
import { normaliseHeader } from '../column-map';
import type { Grid, Services, SpreadsheetPort } from '../ports';
import type { MigrationSpec } from '../migrations/migration-spec';
import { EXECUTION_LIMIT_MS, STARTUP_MS } from '../slice/read-pace';
import type { MigrationConfig } from '../contract';
import { readOtherSheets, type OtherSheetFacts } from './sheets';
import { readSheet, type SheetReading } from './sheet-reading';

/** Apps Script allows 20 triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas). */
export const TRIGGER_LIMIT = 20;

export interface PlanFacts {
  spreadsheet_id: string;
  spreadsheet_name: string;
  sheet_names: string[];
  sheet_name: string;
  sheet_found: boolean;
  last_row: number;
  last_column: number;
  headers: string[];
  grids: { name: string; maxRows: number; maxColumns: number }[];
  /** Folder for the backup ('' when none could be found) and what stands in its way. */
  backup_folder_id: string;
  folder_problem: string | null;
  trigger_count: number;
  /** Columns (1-based) with a blank header that hold data below it; blank-headed empty columns are not listed. */
  headerless_with_data: number[];
  /** The whole data range when the sheet was small enough to read at once (kept in memory only). */
  values: Grid | null;
  /** Its formulas ('' where none), when they were read with it. */
  formulas: string[][] | null;
  /**
   * Per new column that is already on the sheet and has a fill: how many of its data cells are blank (the
   * cells initialize_versions would fill). Columns still to add are not listed.
   */
  blank_cells: Record<string, number>;
  /** Header rows of the other sheets the migration touches, when read (null: no such sheet). */
  other_headers?: Record<string, string[] | null>;
  /** The other sheets the migration touches, as read. */
  other_sheets?: Record<string, OtherSheetFacts>;
}

export function targetSpreadsheet(services: Services): SpreadsheetPort {
  const spreadsheet = services.spreadsheets.active();
  if (!spreadsheet) {
    const t = messagesFor(services.session);
    throw new Error(t('no_spreadsheet_open', { menu: t('menu_path') }));
  }
  return spreadsheet;
}

/**
 * Every live fact the plan depends on. Reads only: no cell, file, property or trigger is written. `earlier`:
 * facts read in this execution for another migration of the chain (the one guessed first), whose reads of the
 * sheet, its grid and the backup folder hold for this one too: only what depends on the migration is read.
 */
export function readPlanFacts(
  services: Services,
  spreadsheet: SpreadsheetPort,
  spec: MigrationSpec,
  config: MigrationConfig,
  /** Whether a read of that many cells fits the time left, once one is measured (default: a dry run's rule). */
  readFits?: (cells: number, measuredMs: number) => boolean,
  earlier?: { spec: MigrationSpec; facts: PlanFacts },
): PlanFacts {
  const reusable =
    earlier && earlier.spec.headerRow === spec.headerRow && earlier.facts.sheet_name === config.target_sheet;
  const reading = reusable
    ? readingFrom(spreadsheet, earlier.facts)
    : readSheet(services, spreadsheet, spec, config, readFits ?? dryRunFits);
  const { grids, sheet, lastRow, headers, values } = reading;
  const blankCells: Record<string, number> = {};
  const dataRows = Math.max(0, lastRow - spec.headerRow);
  if (sheet && dataRows > 0) {
    for (const column of spec.newColumns) {
      if (column.fill === '') continue;
      const index = headers.findIndex((text) => normaliseHeader(text) === normaliseHeader(column.header));
      if (index < 0) continue;
      const cells = values
        ? values.slice(spec.headerRow).map((row) => row[index])
        : sheet.readValues(spec.headerRow + 1, index + 1, dataRows, 1).map((row) => row[0]);
      blankCells[column.header] = cells.filter(
        (cell) => cell === '' || cell === null || cell === undefined,
      ).length;
    }
  }
  const otherSheets = (spec.otherSheets ?? []).length > 0 ? readOtherSheets(spreadsheet, spec) : null;
  const folder =
    reusable && earlier
      ? { id: earlier.facts.backup_folder_id, problem: earlier.facts.folder_problem }
      : backupFolder(services, spreadsheet.id, config);
  return {
    spreadsheet_id: spreadsheet.id,
    spreadsheet_name: spreadsheet.name,
    sheet_names: grids.map((grid) => grid.name),
    sheet_name: config.target_sheet,
    sheet_found: sheet !== null,
    ...(otherSheets
      ? {
          other_sheets: otherSheets,
          other_headers: Object.fromEntries(
            Object.entries(otherSheets).map(([name, seen]) => [name, seen.exists ? seen.headers : null]),
          ),
        }
      : {}),
    last_row: lastRow,
    last_column: reading.lastColumn,
    headers,
    grids,
    backup_folder_id: folder.id,
    folder_problem: folder.problem,
    headerless_with_data: reading.headerless,
    trigger_count:
      reusable && earlier
        ? earlier.facts.trigger_count
        : mayPause(grids, config) && services.triggers.count
          ? services.triggers.count()
          : 0,
    values,
    formulas: reading.formulas,
    blank_cells: blankCells,
  };
}

/** The sheet as facts read for another migration saw it. */
function readingFrom(spreadsheet: SpreadsheetPort, facts: PlanFacts): SheetReading {
  return {
    grids: facts.grids,
    sheet: facts.sheet_found ? spreadsheet.sheet(facts.sheet_name) : null,
    lastRow: facts.last_row,
    lastColumn: facts.last_column,
    headers: facts.headers,
    values: facts.values,
    formulas: facts.formulas,
    headerless: facts.headerless_with_data,
  };
}

/** A dry run does little besides its reads: the formulas may take as long again as the values took. */
function dryRunFits(_cells: number, measuredMs: number): boolean {
  return measuredMs <= (EXECUTION_LIMIT_MS - STARTUP_MS) / 4;
}

/**
 * Whether a run could need more than one execution, and so its resume trigger. A rough upper bound of the
 * modelled cost: every cell read about six times (backup check and verification), 0.1 ms a cell all told.
 */
export function mayPause(grids: { maxRows: number; maxColumns: number }[], config: MigrationConfig): boolean {
  const cells = grids.reduce((sum, grid) => sum + grid.maxRows * grid.maxColumns, 0);
  return 20_000 + cells * 0.1 > config.time_budget_seconds * 1000 * 0.5;
}

function backupFolder(
  services: Services,
  spreadsheetId: string,
  config: MigrationConfig,
): { id: string; problem: string | null } {
  const configured = config.backup_folder_id;
  const folderId = configured || services.drive.parentFolderId(spreadsheetId);
  if (!folderId) {
    return {
      id: '',
      problem:
        "The spreadsheet's own folder cannot be found for the backup. Set backup_folder_id in the settings to a folder you can add files to.",
    };
  }
  try {
    // Missing, or in the trash (a backup made there would be deleted with it).
    services.drive.assertFolder(folderId);
  } catch (error) {
    return { id: folderId, problem: (error as Error).message };
  }
  if (configured === '') return { id: folderId, problem: null };
  if (services.drive.canAddFiles && !services.drive.canAddFiles(configured)) {
    return {
      id: configured,
      problem: messagesFor(services.session)('backup_folder_no_add', { folder: configured }),
    };
  }
  return { id: configured, problem: null };
}

/**
 * Before the run records anything: the user must be able to edit the sheet, or the backup would be made for a
 * change that cannot happen. Sheets has no read-only way to ask, and others keep writing cells while a run goes on,
 * so the probe writes no cell (a cell written back "with what it held" could overwrite someone's write made since
 * it was read): the adapter adds and removes a developer metadata entry of its own on the sheet, which only an
 * editor may do, and checks the sheet's protections let this user edit. Returns the sheet's formulas when the
 * plan's whole read already has them, for the backup check to reuse.
 */
export function assertCanEdit(
  spreadsheet: SpreadsheetPort,
  facts: PlanFacts,
  spec: MigrationSpec,
  t: Translate,
): string[][] | null {
  const sheet = spreadsheet.sheet(facts.sheet_name);
  if (!sheet || !sheet.assertEditable) return facts.formulas;
  try {
    sheet.assertEditable();
  } catch (error) {
    const message = (error as Error).message;
    if (!/permission|edit/i.test(message)) throw error;
    throw new Error(t('plan_cannot_edit', { sheet: facts.sheet_name, message, migration: spec.id }));
  }
  return facts.formulas;
}
