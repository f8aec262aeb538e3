// The resume trigger: at most one time-driven trigger for resumeMigrationTrigger per document, created when a
// slice pauses and removed when the run ends. Editor add-ons may fire it at most hourly and its execution has
// no active spreadsheet (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions),
// so the spreadsheet id is kept in the user's properties under the trigger's id.
import { messagesFor } from '../messages';
import { RESUME_PREFIX } from '../state/keys';
import type { RunState } from '../contract';
import type { Services } from '../ports';

export const RESUME_HANDLER = 'resumeMigrationTrigger';
export const RESUME_DELAY_MS = 60 * 60 * 1000;
const PENDING = 'pending';

/**
 * The resume trigger recorded for this spreadsheet. A user's project triggers include those of every document
 * the add-on runs in, so a trigger counts as this document's only when the user's properties say so; one
 * created by an execution that died before recording its id ('pending') is recognised as the trigger no
 * document has recorded.
 */
function recordedTrigger(services: Services, spreadsheetId: string, firing: string | null): string | null {
  const store = services.userProperties;
  if (!store) return null;
  const all = store.getAll();
  const recorded = all[RESUME_PREFIX + spreadsheetId] ?? null;
  if (recorded === null) return null;
  const live = services.triggers.list(RESUME_HANDLER).filter((id) => id !== firing);
  if (recorded !== PENDING) return live.includes(recorded) ? recorded : null;
  const owned = new Set(
    Object.keys(all)
      .filter((key) => key.startsWith(RESUME_PREFIX))
      .map((key) => all[key]),
  );
  const unrecorded = live.filter((id) => !owned.has(id));
  return unrecorded.length === 1 ? unrecorded[0] : null;
}

/**
 * Makes sure exactly one resume trigger exists for this spreadsheet; `firing` is the trigger running now
 * (already used up). `mayExist` false: no execution of the run can have made one (its checkpoint never said
 * so, and the trigger is recorded in the checkpoint before it is created), so none is looked for.
 */
export function ensureResumeTrigger(
  services: Services,
  spreadsheetId: string,
  firing: string | null,
  mayExist = true,
): void {
  const key = RESUME_PREFIX + spreadsheetId;
  const existing = mayExist || firing ? recordedTrigger(services, spreadsheetId, firing) : null;
  if (firing) services.triggers.delete(firing);
  if (existing) {
    services.userProperties?.setMany({ [key]: existing });
    return;
  }
  // Intent first: a trigger whose id was never recorded is still found, as the one no document recorded.
  services.userProperties?.setMany({ [key]: PENDING });
  const id = services.triggers.createAfter(RESUME_HANDLER, RESUME_DELAY_MS);
  services.userProperties?.setMany({ [key]: id });
}

/**
 * Removes this spreadsheet's resume trigger and its record, never another document's. `firing`: the trigger
 * running now, which is the run's only one (each pause leaves exactly one), so only it is deleted.
 */
export function removeResumeTriggers(
  services: Services,
  spreadsheetId: string,
  firing: string | null = null,
): void {
  const recorded = firing ? firing : recordedTrigger(services, spreadsheetId, null);
  if (recorded) services.triggers.delete(recorded);
  // deleting a key that is not there is harmless, and costs what asking first would
  services.userProperties?.delete(RESUME_PREFIX + spreadsheetId);
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

/**
 * A resume trigger that fired while another execution held the lock is used up (a one-off trigger never fires
 * again): a run that is still paused or running gets a fresh one, or it would wait for a trigger that never comes.
 */
export function rearmBusyTrigger(
  services: Services,
  state: RunState,
  spreadsheetId: string,
  firing: string | null,
): void {
  try {
    if (state === 'paused' || state === 'running') {
      ensureResumeTrigger(services, spreadsheetId, firing);
    } else if (firing) {
      services.triggers.delete(firing);
    }
  } catch (error) {
    const t = messagesFor(services.session);
    services.logger.warn(
      t('trigger_not_replaced', {
        error: (error as Error).message,
        menu: t('menu_path'),
        resume: t('menu_resume'),
      }),
    );
  }
}
