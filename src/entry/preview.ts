import { previewMigration as preview } from '../core/migration/api';
import { describePlan } from '../core/migration/describe';
import type { Plan } from '../core/contract';
import { runnableSpec } from '../core/migrations/select';
import { tellOutcome } from '../gas/ui';
import { servicesForActiveSpreadsheet } from './services';

/** The dry run: a Plan read from the live sheet; writes nothing anywhere. */
export function previewMigration(): Plan {
  return preview(servicesForActiveSpreadsheet(), runnableSpec());
}

export function menuPreviewMigration(): void {
  tellOutcome('Migration preview (dry run)', () => describePlan(previewMigration()));
}
