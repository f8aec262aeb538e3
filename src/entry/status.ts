import { migrationStatus } from '../core/migration/api';
import type { Status } from '../core/contract';
import { runnableSpec } from '../core/migrations/select';
import { servicesForActiveSpreadsheet } from './services';

export function getMigrationStatus(): Status {
  return migrationStatus(servicesForActiveSpreadsheet(), runnableSpec());
}
