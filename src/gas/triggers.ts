import type { TriggerPort } from '../core/ports';

type Trigger = GoogleAppsScript.Script.Trigger;

/**
 * Time-driven triggers of this user for this script. Handles listed in this execution are kept, so deleting one
 * costs one call.
 */
export function gasTriggers(): TriggerPort {
  const known = new Map<string, Trigger>();
  const all = (): Trigger[] => ScriptApp.getProjectTriggers();
  return {
    list(handler) {
      const ids: string[] = [];
      for (const trigger of all()) {
        if (trigger.getHandlerFunction() !== handler) continue;
        const id = trigger.getUniqueId();
        known.set(id, trigger);
        ids.push(id);
      }
      return ids;
    },
    createAfter(handler, delayMs) {
      const trigger = ScriptApp.newTrigger(handler).timeBased().after(delayMs).create();
      const id = trigger.getUniqueId();
      known.set(id, trigger);
      return id;
    },
    delete(id) {
      const trigger = known.get(id) ?? all().find((candidate) => candidate.getUniqueId() === id);
      if (trigger) ScriptApp.deleteTrigger(trigger);
      known.delete(id);
    },
    count: () => all().length,
  };
}
