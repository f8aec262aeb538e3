import { resumeFromTrigger } from '../core/migration/api';
import { readCheckpoint } from '../core/migration/checkpoint';
import { spreadsheetForTrigger } from '../core/slice/trigger';
import type { Status } from '../core/contract';
import type { KeyValueStore } from '../core/ports';
import { gasDocumentStore, gasUserStore } from '../gas/properties';
import { consoleLogger } from '../gas/session';
import { gasTriggers } from '../gas/triggers';
import { servicesForSpreadsheetId } from './services';

/** The document's properties as just read, or null where the trigger's execution has none. */
function readDocumentProperties(store: KeyValueStore): Record<string, string> | null {
  try {
    return store.getAll();
  } catch (error) {
    return null;
  }
}

function checkpointSpreadsheet(all: Record<string, string> | null): string | null {
  if (!all) return null;
  try {
    const saved = readCheckpoint(all);
    return saved ? saved.checkpoint.spreadsheet_id : null;
  } catch (error) {
    return null;
  }
}

/**
 * The time-driven trigger's handler. Its execution has no active spreadsheet and no UI
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions): the spreadsheet is
 * the one the document's checkpoint names when the document's properties are at hand (the slice reuses that
 * read), else the one recorded for this trigger in the user's properties.
 */
export function resumeMigrationTrigger(event?: { triggerUid?: string }): Status | null {
  const triggerUid = event && event.triggerUid ? String(event.triggerUid) : null;
  const documentStore = gasDocumentStore();
  const documentAll = readDocumentProperties(documentStore);
  const userStore = gasUserStore();
  const spreadsheetId =
    checkpointSpreadsheet(documentAll) ?? spreadsheetForTrigger(userStore.getAll(), triggerUid);
  if (!spreadsheetId) {
    consoleLogger().warn('[migration] Resume trigger fired but no paused run was found: removing it.');
    if (triggerUid) gasTriggers().delete(triggerUid);
    return null;
  }
  return resumeFromTrigger(
    servicesForSpreadsheetId(spreadsheetId, { documentStore, documentAll, userStore }),
    triggerUid,
  );
}
