import { ServiceError, messages } from './errors';
import type { Execution } from './execution';
import { service } from './service';
import type { CacheEntry } from './state';

// CacheService: https://developers.google.com/apps-script/reference/cache/cache
// 100 KB per value, at most 6 hours, 1000 items: https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)

export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const MAX_CACHE_KEY_CHARS = 250;
export const MAX_TTL_SECONDS = 21600;
export const DEFAULT_TTL_SECONDS = 600;
export const MAX_CACHE_ITEMS = 1000;

function cacheHandle(exec: Execution, entries: Map<string, CacheEntry>): object {
  const live = (k: string): CacheEntry | undefined => {
    const e = entries.get(k);
    if (e && e.expiresAt <= exec.nowMs()) {
      entries.delete(k);
      return undefined;
    }
    return e;
  };
  const checkKey = (k: unknown): string => {
    const s = String(k);
    if (s.length > MAX_CACHE_KEY_CHARS) throw new ServiceError(messages.argumentTooLarge('key'));
    return s;
  };
  const store = (pairs: [string, string][], ttl: unknown) => {
    const seconds =
      ttl === undefined ? DEFAULT_TTL_SECONDS : Math.min(Math.max(Number(ttl), 1), MAX_TTL_SECONDS);
    for (const [, v] of pairs) {
      if (Buffer.byteLength(v, 'utf8') > MAX_CACHE_VALUE_BYTES)
        throw new ServiceError(messages.argumentTooLarge('value'));
    }
    for (const [k, v] of pairs) entries.set(k, { value: v, expiresAt: exec.nowMs() + seconds * 1000 });
    for (const k of [...entries.keys()]) live(k);
    if (entries.size > MAX_CACHE_ITEMS) {
      const soonest = [...entries.entries()].sort((a, b) => a[1].expiresAt - b[1].expiresAt);
      for (const [k] of soonest.slice(0, entries.size - MAX_CACHE_ITEMS)) entries.delete(k);
    }
  };
  return service(exec, 'Cache', {
    get(k: unknown) {
      exec.charge(exec.costs.cacheGetMs);
      return live(checkKey(k))?.value ?? null;
    },
    getAll(keys: unknown) {
      exec.charge(exec.costs.cacheGetMs);
      const out = new exec.realm.Object() as Record<string, string>;
      for (const k of Array.isArray(keys) ? keys : []) {
        const e = live(checkKey(k));
        if (e) out[String(k)] = e.value;
      }
      return out;
    },
    put(k: unknown, v: unknown, ttl?: unknown) {
      exec.charge(exec.costs.cachePutMs);
      store([[checkKey(k), String(v)]], ttl);
    },
    putAll(values: unknown, ttl?: unknown) {
      exec.charge(exec.costs.cachePutMs);
      const pairs = Object.entries((values ?? {}) as Record<string, unknown>).map(
        ([k, v]): [string, string] => [checkKey(k), String(v)],
      );
      store(pairs, ttl);
    },
    remove(k: unknown) {
      exec.charge(exec.costs.cachePutMs);
      entries.delete(checkKey(k));
    },
    removeAll(keys: unknown) {
      exec.charge(exec.costs.cachePutMs);
      for (const k of Array.isArray(keys) ? keys : []) entries.delete(String(k));
    },
  });
}

function cacheFor(exec: Execution, name: string): Map<string, CacheEntry> {
  let c = exec.world.caches.get(name);
  if (!c) {
    c = new Map();
    exec.world.caches.set(name, c);
  }
  return c;
}

export function cacheService(exec: Execution): object {
  return service(exec, 'CacheService', {
    getScriptCache: () => cacheHandle(exec, cacheFor(exec, 'script')),
    getUserCache: () => cacheHandle(exec, cacheFor(exec, 'user')),
    getDocumentCache() {
      const id = exec.options.documentId;
      return id ? cacheHandle(exec, cacheFor(exec, `document:${id}`)) : null;
    },
  });
}
