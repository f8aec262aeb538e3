import { resumeFromTrigger } from '../core/migration/api';
import { readCheckpoint } from '../core/migration/checkpoint';
import { spreadsheetForTrigger } from '../core/migration/trigger';
import type { Status } from '../core/migration/types';
import { V3_MIGRATION } from '../core/spec/v3';
import { gasDocumentStore, gasUserStore } from '../gas/properties';
import { consoleLogger } from '../gas/session';
import { servicesForSpreadsheetId } from './services';

/**
 * The time-driven trigger's handler. Its execution has no active spreadsheet and no UI
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions): the spreadsheet is
 * the one recorded for this trigger in the user's properties, else the one the document's checkpoint names.
 */
export function resumeMigrationTrigger(event?: { triggerUid?: string }): Status | null {
  const triggerUid = event && event.triggerUid ? String(event.triggerUid) : null;
  let spreadsheetId = spreadsheetForTrigger(gasUserStore().getAll(), triggerUid);
  if (!spreadsheetId) {
    try {
      const saved = readCheckpoint(gasDocumentStore().getAll());
      spreadsheetId = saved ? saved.checkpoint.spreadsheet_id : null;
    } catch (error) {
      spreadsheetId = null;
    }
  }
  if (!spreadsheetId) {
    consoleLogger().warn('[migration] Resume trigger fired but no paused run was found: nothing to do.');
    return null;
  }
  return resumeFromTrigger(servicesForSpreadsheetId(spreadsheetId), V3_MIGRATION, triggerUid);
}
