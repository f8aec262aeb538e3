import { ServiceError, messages } from './errors';
import type { Execution } from './execution';
import { service } from './service';

// PropertiesService: https://developers.google.com/apps-script/reference/properties
// Limits (9 KB per value, 500 KB per store): https://developers.google.com/apps-script/guides/services/quotas

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function storeBytes(map: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of map) n += bytes(k) + bytes(v);
  return n;
}

/** Applies `changes` to `map` only if every value and the whole store stay within the limits. */
function commit(map: Map<string, string>, changes: [string, string][], replaceAll: boolean): void {
  const next = replaceAll ? new Map<string, string>() : new Map(map);
  for (const [k, v] of changes) {
    if (bytes(v) > MAX_VALUE_BYTES) throw new ServiceError(messages.propertyQuota);
    next.set(k, v);
  }
  if (storeBytes(next) > MAX_STORE_BYTES) throw new ServiceError(messages.propertyQuota);
  map.clear();
  for (const [k, v] of next) map.set(k, v);
}

function key(k: unknown): string {
  if (k === null || k === undefined) throw new ServiceError('Invalid argument: key');
  return String(k);
}

function storeHandle(exec: Execution, map: Map<string, string>): object {
  const get = () => exec.charge(exec.costs.propertiesGetMs);
  const set = () => exec.charge(exec.costs.propertiesSetMs);
  const impl = {
    getProperty(k: unknown) {
      get();
      return map.get(key(k)) ?? null;
    },
    getProperties() {
      get();
      const out = new exec.realm.Object() as Record<string, string>;
      for (const [k, v] of map) out[k] = v;
      return out;
    },
    getKeys() {
      get();
      const out = new exec.realm.Array() as string[];
      for (const k of map.keys()) out.push(k);
      return out;
    },
    setProperty(k: unknown, v: unknown) {
      set();
      commit(map, [[key(k), String(v)]], false);
      return proxy;
    },
    setProperties(values: unknown, deleteAllOthers?: unknown) {
      set();
      if (values === null || typeof values !== 'object')
        throw new ServiceError('Invalid argument: properties');
      const changes = Object.entries(values as Record<string, unknown>).map(([k, v]): [string, string] => [
        k,
        String(v),
      ]);
      commit(map, changes, deleteAllOthers === true);
      return proxy;
    },
    deleteProperty(k: unknown) {
      set();
      map.delete(key(k));
      return proxy;
    },
    deleteAllProperties() {
      set();
      map.clear();
      return proxy;
    },
  };
  const proxy: object = service(exec, 'Properties', impl);
  return proxy;
}

export function documentStore(exec: Execution, id: string): Map<string, string> {
  const docs = exec.world.properties.documents;
  let map = docs.get(id);
  if (!map) {
    map = new Map();
    docs.set(id, map);
  }
  return map;
}

export function propertiesService(exec: Execution): object {
  const { properties } = exec.world;
  return service(exec, 'PropertiesService', {
    getScriptProperties: () => storeHandle(exec, properties.script),
    getUserProperties: () => storeHandle(exec, properties.user),
    getDocumentProperties() {
      const id = exec.options.documentId;
      return id ? storeHandle(exec, documentStore(exec, id)) : null;
    },
  });
}
