import { startMigration as start } from '../core/migration/api';
import { describePlan, describeStatus } from '../core/migration/describe';
import type { StartOptions, Status } from '../core/contract';
import { confirm, tellOutcome } from '../gas/ui';
import { ownerText } from './owner-text';
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
  const t = ownerText();
  tellOutcome(t('title_run'), () => {
    const { state } = getMigrationStatus();
    const continuing = state === 'running' || state === 'paused' || state === 'failed';
    if (!continuing) {
      const plan = previewMigration();
      if (plan.blocking.length > 0) return describePlan(plan, t);
      const prompt = t('run_confirm', { plan: describePlan(plan, t), sheet: plan.sheet.name });
      if (!confirm(t('title_run'), prompt)) return t('nothing_changed');
    }
    return describeStatus(startMigration(), t);
  });
}
