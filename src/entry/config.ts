import { migrationConfig, updateMigrationConfig } from '../core/migration/api';
import type { MigrationConfig } from '../core/contract';
import { servicesForActiveSpreadsheet } from './services';

export function getMigrationConfig(): MigrationConfig {
  return migrationConfig(servicesForActiveSpreadsheet());
}

/** Validates every field first (an Error names the bad one; nothing is stored), then saves in one write. */
export function setMigrationConfig(partial: Partial<MigrationConfig>): MigrationConfig {
  return updateMigrationConfig(servicesForActiveSpreadsheet(), partial);
}
