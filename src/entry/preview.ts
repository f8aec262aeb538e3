import { previewMigration as preview } from '../core/migration/api';
import { describePlan } from '../core/migration/describe';
import type { Plan, PreviewOptions } from '../core/contract';
import { tellOutcome } from '../gas/ui';
import { ownerText } from './owner-text';
import { servicesForActiveSpreadsheet } from './services';

/** The dry run of the next pending migration (and the later ones up to {target}); writes nothing anywhere. */
export function previewMigration(options?: PreviewOptions): Plan {
  return preview(servicesForActiveSpreadsheet(), options);
}

export function menuPreviewMigration(): void {
  const t = ownerText();
  tellOutcome(t('title_preview'), () => describePlan(previewMigration(), t));
}
