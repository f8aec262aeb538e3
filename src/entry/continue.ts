import { continueMigration as continueRun } from '../core/migration/api';
import { describeStatus } from '../core/migration/describe';
import type { Status } from '../core/contract';
import { tellOutcome } from '../gas/ui';
import { servicesForActiveSpreadsheet } from './services';

/** One more time-budgeted slice of the run in progress. Returns a Status. */
export function continueMigration(): Status {
  return continueRun(servicesForActiveSpreadsheet());
}

export function menuContinueMigration(): void {
  tellOutcome('Resume migration', () => describeStatus(continueMigration()));
}
