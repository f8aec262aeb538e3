import { migrationStatus } from '../core/migration/api';
import type { Status } from '../core/contract';
import { V3_MIGRATION } from '../core/spec/v3';
import { servicesForActiveSpreadsheet } from './services';

export function getMigrationStatus(): Status {
  return migrationStatus(servicesForActiveSpreadsheet(), V3_MIGRATION);
}
