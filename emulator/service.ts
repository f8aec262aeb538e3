import type { Execution } from './execution';
import { messages } from './errors';

// Every service object the code under test sees is one of these proxies: known methods are counted,
// timed and authorized by the execution; anything else throws "not emulated: Class.method".

const PASSIVE = new Set([
  'toJSON',
  'then',
  'constructor',
  'toString',
  'valueOf',
  'inspect',
  'asymmetricMatch',
]);

export function service<T extends object>(exec: Execution, cls: string, impl: T): T {
  return new Proxy(impl, {
    get(target, prop) {
      if (typeof prop === 'symbol') return Reflect.get(target, prop);
      const v: unknown = Reflect.get(target, prop);
      if (typeof v === 'function') {
        return (...args: unknown[]) =>
          exec.invoke(cls, prop, () => (v as (...a: unknown[]) => unknown).apply(target, args));
      }
      if (v !== undefined || PASSIVE.has(prop) || prop.startsWith('__')) return v;
      return () => {
        throw exec.error(messages.notEmulated(`${cls}.${prop}`));
      };
    },
  });
}

/** An enum the way Apps Script exposes them: each member's toString() is its name. */
export function enumOf<K extends string>(names: readonly K[]): Record<K, K> {
  const out = {} as Record<K, K>;
  for (const n of names) out[n] = n;
  return out;
}
