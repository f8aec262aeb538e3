import { startMigration as start } from '../core/migration/api';
import { describeStatus } from '../core/migration/describe';
import type { Status } from '../core/contract';
import { V3_MIGRATION } from '../core/spec/v3';
import { tell } from '../gas/ui';
import { servicesForActiveSpreadsheet } from './services';

/** Starts a run (or continues the one in progress); {force: true} starts over. Returns a Status. */
export function startMigration(options?: { force?: boolean }): Status {
  return start(servicesForActiveSpreadsheet(), V3_MIGRATION, options);
}

export function menuStartMigration(): void {
  let text: string;
  try {
    text = describeStatus(startMigration());
  } catch (error) {
    text = (error as Error).message;
  }
  tell('Run migration', text);
}
