import { continueMigration as continueRun } from '../core/migration/api';
import { describeStatus } from '../core/migration/describe';
import type { ContinueOptions, Status } from '../core/contract';
import { tellOutcome } from '../gas/ui';
import { ownerText } from './owner-text';
import { resumeMigration } from './pause';
import { servicesForActiveSpreadsheet } from './services';

/** One more time-budgeted slice of the run in progress, unless its owner paused it. Returns a Status. */
export function continueMigration(options?: ContinueOptions): Status {
  return continueRun(servicesForActiveSpreadsheet(), options);
}

/** Resume migration, from the menu: the owner's explicit resume, so a run they paused goes on too. */
export function menuContinueMigration(): void {
  const t = ownerText();
  tellOutcome(t('title_resume'), () => describeStatus(resumeMigration(), t));
}
