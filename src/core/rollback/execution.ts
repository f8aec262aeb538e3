// One call of rollbackMigration() as its phases see it: the services, the time budget and read planning of the
// execution, the target sheet and its backup, found by name with a message that says what to do when one is gone.
import type { ColumnMap } from '../column-map';
import { sheetSpecById } from '../migrations/sheet-spec';
import { messagesFor, type Translate } from '../messages';
import type { ReadPlanner } from '../slice/read-pace';
import type { TimeBudget } from '../slice/budget';
import type { MigrationSpec } from '../migrations/migration-spec';
import type { Services, SheetDimensions, SheetPort, SpreadsheetPort } from '../ports';
import type { AddedColumn } from './columns';

export function specFor(id: string, t: Translate): MigrationSpec {
  return sheetSpecById(id, 'rollback', t);
}

export function targetSheet(spreadsheet: SpreadsheetPort, name: string, t: Translate): SheetPort {
  const sheet = spreadsheet.sheet(name);
  if (!sheet) throw new Error(t('rollback_sheet_gone', { sheet: name }));
  return sheet;
}

export function backupSheet(services: Services, fileId: string, name: string): SheetPort {
  const sheet = services.spreadsheets.open(fileId).sheet(name);
  if (!sheet) {
    throw new Error(messagesFor(services.session)('rollback_backup_no_sheet', { id: fileId, sheet: name }));
  }
  return sheet;
}

export interface Located {
  dims: SheetDimensions;
  map: ColumnMap;
  added: AddedColumn[];
}

export interface Execution {
  services: Services;
  spreadsheet: SpreadsheetPort;
  budget: TimeBudget;
  /** Sizes every block read from the read speed measured so far (the services' sheets are paced with it). */
  reads: ReadPlanner;
  /** What begin() already read in this execution, if it ran. */
  fresh: Located | null;
  openedBackup: SheetPort | null;
}
