import { migrationStatus } from '../core/migration/api';
import type { Status } from '../core/contract';
import { servicesForActiveSpreadsheet } from './services';

export function getMigrationStatus(): Status {
  return migrationStatus(servicesForActiveSpreadsheet());
}
