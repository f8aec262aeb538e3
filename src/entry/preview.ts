import { previewMigration as preview } from '../core/migration/api';
import { describePlan } from '../core/migration/describe';
import type { Plan, PreviewOptions } from '../core/contract';
import { tellOutcome } from '../gas/ui';
import { servicesForActiveSpreadsheet } from './services';

/** The dry run of the next pending migration (and the later ones up to {target}); writes nothing anywhere. */
export function previewMigration(options?: PreviewOptions): Plan {
  return preview(servicesForActiveSpreadsheet(), options);
}

export function menuPreviewMigration(): void {
  tellOutcome('Migration preview (dry run)', () => describePlan(previewMigration()));
}
