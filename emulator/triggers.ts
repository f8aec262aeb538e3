import { ServiceError, messages } from './errors';
import type { Execution } from './execution';
import { register, resolve } from './handles';
import { isDate, vmArray } from './realm';
import { enumOf, service } from './service';
import type { TriggerRecord } from './state';

// ScriptApp and time-driven triggers: https://developers.google.com/apps-script/reference/script/clock-trigger-builder
// 20 triggers per user per script: https://developers.google.com/apps-script/guides/services/quotas
// Add-on triggers (at most hourly, one of each type per document):
// https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions

export const MAX_TRIGGERS = 20;
export const HOUR_MS = 60 * 60 * 1000;
const MINUTE_CHOICES = [1, 5, 10, 15, 30];
const HOUR_CHOICES = [1, 2, 4, 6, 8, 12];

export const AuthMode = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const TriggerSource = enumOf([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'SLIDES',
  'CALENDAR',
] as const);
export const EventType = enumOf([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const);

function triggerHandle(exec: Execution, t: TriggerRecord): object {
  const impl = {
    getUniqueId: () => t.id,
    getHandlerFunction: () => t.handler,
    getEventType: () => EventType.CLOCK,
    getTriggerSource: () => TriggerSource.CLOCK,
    getTriggerSourceId: () => null,
  };
  return register(service(exec, 'Trigger', impl), 'Trigger', t);
}

function clockBuilder(exec: Execution, handler: string): object {
  const { world } = exec;
  const addon = world.installation === 'addon';
  let once: number | null = null;
  let everyMs: number | null = null;
  const impl = {
    after(ms: unknown) {
      once = exec.nowMs() + Math.max(0, Number(ms));
      return proxy;
    },
    at(date: unknown) {
      if (!isDate(date))
        throw new ServiceError(
          "The parameters (String) don't match the method signature for ScriptApp.ClockTriggerBuilder.at.",
        );
      once = date.getTime();
      return proxy;
    },
    everyMinutes(n: unknown) {
      if (!MINUTE_CHOICES.includes(Number(n))) throw new ServiceError(messages.everyMinutes);
      everyMs = Number(n) * 60000;
      return proxy;
    },
    everyHours(n: unknown) {
      if (!HOUR_CHOICES.includes(Number(n))) {
        throw new ServiceError('The value passed to everyHours must be one of 1, 2, 4, 6, 8 or 12.');
      }
      everyMs = Number(n) * HOUR_MS;
      return proxy;
    },
    everyDays(n: unknown) {
      everyMs = Math.max(1, Number(n)) * 24 * HOUR_MS;
      return proxy;
    },
    inTimezone: () => proxy,
    atHour: () => proxy,
    nearMinute: () => proxy,
    create() {
      exec.charge(exec.costs.triggerMs);
      if (once === null && everyMs === null)
        throw new ServiceError('Missing schedule: call after, at or every... first.');
      if (addon && everyMs !== null && everyMs < HOUR_MS) throw new ServiceError(messages.addonRecurrence);
      if (world.triggers.length >= MAX_TRIGGERS) throw new ServiceError(messages.tooManyTriggers);
      const doc = exec.options.documentId;
      if (addon && doc && world.triggers.some((t) => t.spreadsheetId === doc)) {
        throw new ServiceError(messages.addonTriggerPerDocument);
      }
      const now = exec.nowMs();
      let next = once ?? now + (everyMs as number);
      if (addon) next = Math.max(next, now + HOUR_MS);
      const record: TriggerRecord = {
        id: String(world.ids.number()),
        handler,
        type: 'CLOCK',
        nextRunAt: next,
        everyMs,
        spreadsheetId: doc,
      };
      world.triggers.push(record);
      return triggerHandle(exec, record);
    },
  };
  const proxy: object = service(exec, 'ClockTriggerBuilder', impl);
  return proxy;
}

export function scriptApp(exec: Execution): object {
  const { world } = exec;
  const list = (records: TriggerRecord[]) =>
    vmArray(
      exec.realm,
      records.map((t) => triggerHandle(exec, t)),
    );
  const impl = {
    AuthMode,
    TriggerSource,
    EventType,
    newTrigger(handler: unknown) {
      const name = String(handler);
      return service(exec, 'TriggerBuilder', { timeBased: () => clockBuilder(exec, name) });
    },
    getProjectTriggers() {
      exec.charge(exec.costs.triggerMs);
      return list(world.triggers);
    },
    getUserTriggers(ss: unknown) {
      exec.charge(exec.costs.triggerMs);
      const data = resolve<{ id: string }>(ss, 'Spreadsheet');
      if (!data) throw new ServiceError('Invalid argument: document');
      return list(world.triggers.filter((t) => t.spreadsheetId === data.id));
    },
    deleteTrigger(trigger: unknown) {
      exec.charge(exec.costs.triggerMs);
      const t = resolve<TriggerRecord>(trigger, 'Trigger');
      if (!t) throw new ServiceError('Invalid argument: trigger');
      world.triggers = world.triggers.filter((x) => x.id !== t.id);
    },
    getScriptId: () => 'script-1',
  };
  return service(exec, 'ScriptApp', impl);
}
