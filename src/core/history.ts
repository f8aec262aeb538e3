import { HISTORY_PREFIX } from './state/keys';
import type { HistoryEntry } from './contract';
import type { KeyValueStore } from './ports';
import { propertyValue } from './state/property-size';

/**
 * The run history: one document property per entry (`history.<seq>`), newest kept, oldest dropped past
 * HISTORY_LIMIT. It outlives the `migration.*` checkpoints, which are cleared when a run ends. Each entry is a
 * plain JSON object that must stay under the 9 KB property limit; callers keep reports to a summary.
 */
export const HISTORY_LIMIT = 25;

function sequenceOf(key: string): number {
  return Number(key.slice(HISTORY_PREFIX.length));
}

function historyKeys(all: Record<string, string>): string[] {
  return Object.keys(all)
    .filter((key) => key.startsWith(HISTORY_PREFIX) && Number.isFinite(sequenceOf(key)))
    .sort((a, b) => sequenceOf(a) - sequenceOf(b));
}

/** Newest first. Entries that do not parse are skipped rather than hiding the rest. */
export function readHistory(all: Record<string, string>): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const key of historyKeys(all).reverse()) {
    try {
      entries.push(JSON.parse(all[key]) as HistoryEntry);
    } catch {
      // a damaged entry is left out; the others are still shown
    }
  }
  return entries;
}

export function encodeHistoryEntry(entry: HistoryEntry): string {
  return propertyValue(entry, `History entry for run ${entry.run_id}`);
}

/**
 * Adds an entry, or replaces the entry of the same kind and run (so a step that runs twice after a crash
 * records once). `all` is the store's current content (one read the caller has usually made already).
 */
export function appendHistory(store: KeyValueStore, all: Record<string, string>, entry: HistoryEntry): void {
  const keys = historyKeys(all);
  const existing = keys.find((key) => {
    try {
      const parsed = JSON.parse(all[key]) as HistoryEntry;
      return parsed.run_id === entry.run_id && parsed.kind === entry.kind;
    } catch {
      return false;
    }
  });
  const next = keys.length > 0 ? sequenceOf(keys[keys.length - 1]) + 1 : 1;
  const key = existing ?? `${HISTORY_PREFIX}${next}`;
  store.setMany({ [key]: encodeHistoryEntry(entry) });
  all[key] = encodeHistoryEntry(entry);
  const kept = existing ? keys : [...keys, key];
  for (const old of kept.slice(0, Math.max(0, kept.length - HISTORY_LIMIT))) {
    store.delete(old);
    delete all[old];
  }
}
