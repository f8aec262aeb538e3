import type { CachePort } from '../core/ports';

/** The document cache, fetched on first use. */
export function gasDocumentCache(): CachePort {
  let cache: GoogleAppsScript.Cache.Cache | null = null;
  const get = (): GoogleAppsScript.Cache.Cache => {
    if (cache === null) {
      cache = CacheService.getDocumentCache();
      if (!cache) throw new Error('No document cache: the add-on must run inside a spreadsheet.');
    }
    return cache;
  };
  return {
    get: (key) => get().get(key),
    put: (key, value, seconds) => get().put(key, value, seconds),
    remove: (key) => get().remove(key),
    getAll: (keys) => get().getAll(keys),
    putAll: (values, seconds) => get().putAll(values, seconds),
  };
}
