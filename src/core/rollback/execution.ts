// One call of rollbackMigration() as its phases see it: the services, the time budget and read planning of the
// execution, the target sheet and its backup, found by name with a message that says what to do when one is gone.
import type { ColumnMap } from '../column-map';
import { sheetSpecById } from '../migrations/sheet-spec';
import type { ReadPlanner } from '../read-pace';
import type { TimeBudget } from '../slice/budget';
import type { MigrationSpec } from '../migrations/migration-spec';
import type { Services, SheetDimensions, SheetPort, SpreadsheetPort } from '../ports';
import type { AddedColumn } from './columns';

export function specFor(id: string): MigrationSpec {
  return sheetSpecById(id, 'be rolled back');
}

export function targetSheet(spreadsheet: SpreadsheetPort, name: string): SheetPort {
  const sheet = spreadsheet.sheet(name);
  if (!sheet) {
    throw new Error(
      `The sheet "${name}" the migration changed is not in this spreadsheet any more. Restore or rename it, then try again.`,
    );
  }
  return sheet;
}

export function backupSheet(services: Services, fileId: string, name: string): SheetPort {
  const sheet = services.spreadsheets.open(fileId).sheet(name);
  if (!sheet) {
    throw new Error(
      `The backup ${fileId} has no sheet "${name}", so it cannot be used to roll back. If that sheet was renamed ` +
        'in the backup, give it its name back.',
    );
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
