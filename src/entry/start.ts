import { startMigration as start } from '../core/migration/api';
import { describePlan, describeStatus } from '../core/migration/describe';
import type { StartOptions, Status } from '../core/contract';
import { confirm, tellOutcome } from '../gas/ui';
import { previewMigration } from './preview';
import { getMigrationStatus } from './status';
import { servicesForActiveSpreadsheet } from './services';

/**
 * Starts the next pending migration (or continues the run in progress); {force: true} starts over; {target}
 * runs each pending migration up to it in turn. Returns a Status.
 */
export function startMigration(options?: StartOptions): Status {
  return start(servicesForActiveSpreadsheet(), options);
}

/**
 * Run migration, from the menu: shows the plan and starts only when the user confirms; a plan with blocking
 * reasons is shown and nothing starts. A run in progress (or failed, to resume) goes on without asking again.
 */
export function menuStartMigration(): void {
  tellOutcome('Run migration', () => {
    const { state } = getMigrationStatus();
    const continuing = state === 'running' || state === 'paused' || state === 'failed';
    if (!continuing) {
      const plan = previewMigration();
      if (plan.blocking.length > 0) return describePlan(plan);
      const prompt = `${describePlan(plan)}\n\nBack up the spreadsheet and change sheet "${plan.sheet.name}" now?`;
      if (!confirm('Run migration', prompt)) return 'Nothing was changed.';
    }
    return describeStatus(startMigration());
  });
}
