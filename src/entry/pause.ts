// The owner's pause and resume: pauseMigration() stops the run at its next block and keeps it paused;
// resumeMigration() (and startMigration()) is the only way it goes on.
import { resumeMigration as resume } from '../core/migration/api';
import { requestPause } from '../core/migration/pause';
import type { ContinueOptions, Status } from '../core/contract';
import { describeStatus } from '../core/migration/describe';
import { tellOutcome } from '../gas/ui';
import { ownerText } from './owner-text';
import { servicesForActiveSpreadsheet } from './services';

export function pauseMigration(): Status {
  return requestPause(servicesForActiveSpreadsheet());
}

/** Continues the run in progress from its checkpoint, whether the owner paused it or its time ran out. */
export function resumeMigration(options?: ContinueOptions): Status {
  return resume(servicesForActiveSpreadsheet(), options);
}

export function menuPauseMigration(): void {
  const t = ownerText();
  tellOutcome(t('title_pause'), () => describeStatus(pauseMigration(), t));
}
