// The resume trigger: at most one time-driven trigger for resumeMigrationTrigger per document, created when a
// slice pauses and removed when the run ends. Editor add-ons may fire it at most hourly and its execution has
// no active spreadsheet (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions),
// so the spreadsheet id is kept in the user's properties under the trigger's id.
import type { Services } from '../ports';

export const RESUME_HANDLER = 'resumeMigrationTrigger';
export const RESUME_DELAY_MS = 60 * 60 * 1000;
const RESUME_PREFIX = 'migration.resume.';
const PENDING = 'pending';

/** Makes sure exactly one resume trigger exists; `firing` is the trigger running now (already used up). */
export function ensureResumeTrigger(services: Services, spreadsheetId: string, firing: string | null): void {
  const existing = services.triggers.list(RESUME_HANDLER).filter((id) => id !== firing);
  if (firing) services.triggers.delete(firing);
  for (const extra of existing.slice(1)) services.triggers.delete(extra);
  if (existing.length > 0) {
    services.userProperties?.setMany({ [RESUME_PREFIX + spreadsheetId]: existing[0] });
    return;
  }
  // Intent first: a trigger whose id was never recorded still finds its spreadsheet through 'pending'.
  services.userProperties?.setMany({ [RESUME_PREFIX + spreadsheetId]: PENDING });
  const id = services.triggers.createAfter(RESUME_HANDLER, RESUME_DELAY_MS);
  services.userProperties?.setMany({ [RESUME_PREFIX + spreadsheetId]: id });
}

export function removeResumeTriggers(services: Services, spreadsheetId: string): void {
  for (const id of services.triggers.list(RESUME_HANDLER)) services.triggers.delete(id);
  const store = services.userProperties;
  if (store && store.get(RESUME_PREFIX + spreadsheetId) !== null) store.delete(RESUME_PREFIX + spreadsheetId);
}

/** The spreadsheet a firing trigger resumes: by its id, else the only one waiting for an unrecorded trigger. */
export function spreadsheetForTrigger(all: Record<string, string>, triggerUid: string | null): string | null {
  const entries = Object.entries(all).filter(([key]) => key.startsWith(RESUME_PREFIX));
  const byId = entries.find(([, value]) => triggerUid !== null && value === triggerUid);
  if (byId) return byId[0].slice(RESUME_PREFIX.length);
  const pending = entries.filter(([, value]) => value === PENDING);
  if (pending.length === 1) return pending[0][0].slice(RESUME_PREFIX.length);
  return entries.length === 1 ? entries[0][0].slice(RESUME_PREFIX.length) : null;
}
