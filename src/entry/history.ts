import { migrationHistory } from '../core/migration/api';
import type { HistoryEntry } from '../core/contract';
import { servicesForActiveSpreadsheet } from './services';

/** Every run, verification and rollback so far, newest first. */
export function getMigrationHistory(): HistoryEntry[] {
  return migrationHistory(servicesForActiveSpreadsheet());
}
