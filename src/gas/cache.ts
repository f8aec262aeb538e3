import type { CachePort } from '../core/ports';

export function gasDocumentCache(): CachePort {
  const cache = CacheService.getDocumentCache();
  if (!cache) throw new Error('No document cache: the add-on must run inside a spreadsheet.');
  return {
    get: (key) => cache.get(key),
    put: (key, value, seconds) => cache.put(key, value, seconds),
    remove: (key) => cache.remove(key),
  };
}
