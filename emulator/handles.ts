// Maps the proxies handed to the code under test back to the stored things they stand for, so that a
// handle passed back in (setActiveSheet(sheet), makeCopy(name, folder), deleteTrigger(t)) can be resolved.

const registry = new WeakMap<object, { kind: string; data: unknown }>();

export function register<T extends object>(handle: T, kind: string, data: unknown): T {
  registry.set(handle, { kind, data });
  return handle;
}

export function resolve<T>(handle: unknown, kind: string): T | undefined {
  if (handle === null || typeof handle !== 'object') return undefined;
  const entry = registry.get(handle);
  return entry && entry.kind === kind ? (entry.data as T) : undefined;
}
