import type { TriggerPort } from '../core/ports';

/**
 * Time-driven triggers of this user for this script. An add-on's triggers are per user and per document
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions), so when a
 * spreadsheet id is given only the triggers created from that spreadsheet are listed.
 */
export function gasTriggers(spreadsheetId?: string): TriggerPort {
  const matching = (handler: string) =>
    ScriptApp.getProjectTriggers().filter(
      (trigger) =>
        trigger.getHandlerFunction() === handler &&
        trigger.getEventType() === ScriptApp.EventType.CLOCK &&
        (spreadsheetId === undefined || !trigger.getTriggerSourceId() || trigger.getTriggerSourceId() === spreadsheetId),
    );
  return {
    list: (handler) => matching(handler).map((trigger) => trigger.getUniqueId()),
    createAfter: (handler, delayMs) =>
      ScriptApp.newTrigger(handler).timeBased().after(delayMs).create().getUniqueId(),
    delete: (id) => {
      const trigger = ScriptApp.getProjectTriggers().find((candidate) => candidate.getUniqueId() === id);
      if (trigger) ScriptApp.deleteTrigger(trigger);
    },
    count: () => ScriptApp.getProjectTriggers().length,
  };
}
