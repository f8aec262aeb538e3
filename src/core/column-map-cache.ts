import { COLUMN_MAP_CACHE_INDEX, COLUMN_MAP_CACHE_PREFIX } from './state/keys';
import { buildColumnMap, headerText, type ColumnMap } from './column-map';
import { digestRows } from './digest';
import type { CachePort } from './ports';
import type { MigrationSpec } from './migrations/migration-spec';

/**
 * Column maps cached in the document cache, keyed by a digest of the header row (and of the spec's aliases
 * and new headers): a changed header row has another key, so it is never answered by a stale map. The cache
 * may lose entries at any time (https://developers.google.com/apps-script/reference/cache/cache), which only
 * costs a rebuild.
 */
const TTL_SECONDS = 6 * 60 * 60;
const MAX_VALUE_CHARS = 90_000;
const MAX_INDEXED_KEYS = 20;

export function headerRowDigest(headers: unknown[], spec?: MigrationSpec): string {
  const identity = spec
    ? [spec.id, spec.keyColumn.header, spec.keyColumn.aliases, spec.newColumns.map((column) => column.header)]
    : null;
  // The block digest's 64 bits over the text: a handful of header rows per document, no adversary.
  return digestRows([[JSON.stringify([identity, headers.map(headerText)])]], null, 1);
}

export function columnMapCacheKey(headers: unknown[], spec?: MigrationSpec): string {
  return COLUMN_MAP_CACHE_PREFIX + headerRowDigest(headers, spec);
}

function parseMap(json: string | null, headers: string[]): ColumnMap | null {
  if (!json) return null;
  try {
    const map = JSON.parse(json) as ColumnMap;
    // a digest collision or a damaged entry must not return another row's map
    if (!Array.isArray(map.headers) || map.headers.length !== headers.length) return null;
    if (map.headers.some((header, i) => header !== headers[i])) return null;
    return map;
  } catch {
    return null;
  }
}

function parseIndex(json: string | null): string[] {
  try {
    const parsed = JSON.parse(json || '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

function readIndex(cache: CachePort): string[] {
  return parseIndex(cache.get(COLUMN_MAP_CACHE_INDEX));
}

/**
 * The column map of a header row: from the cache when this exact row (and spec) was mapped before, else
 * built and cached.
 */
export function cachedColumnMap(cache: CachePort, headers: unknown[], spec?: MigrationSpec): ColumnMap {
  const texts = headers.map(headerText);
  const key = columnMapCacheKey(texts, spec);
  // with getAll/putAll a hit costs one round trip and a miss two
  const found = cache.getAll ? cache.getAll([key, COLUMN_MAP_CACHE_INDEX]) : null;
  const hit = parseMap(found ? (found[key] ?? null) : cache.get(key), texts);
  if (hit) return hit;
  const map = buildColumnMap(texts, spec);
  const json = JSON.stringify(map);
  if (json.length <= MAX_VALUE_CHARS) {
    const known = found ? parseIndex(found[COLUMN_MAP_CACHE_INDEX] ?? null) : readIndex(cache);
    const index = JSON.stringify([...known.filter((k) => k !== key), key].slice(-MAX_INDEXED_KEYS));
    if (cache.putAll) {
      cache.putAll({ [key]: json, [COLUMN_MAP_CACHE_INDEX]: index }, TTL_SECONDS);
    } else {
      cache.put(key, json, TTL_SECONDS);
      cache.put(COLUMN_MAP_CACHE_INDEX, index, TTL_SECONDS);
    }
  }
  return map;
}

/** Forget every cached map of this document: call after inserting or deleting columns. */
export function clearColumnMapCache(cache: CachePort): void {
  for (const key of readIndex(cache)) cache.remove(key);
  cache.remove(COLUMN_MAP_CACHE_INDEX);
}
