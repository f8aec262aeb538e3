// A world built once and forked per test: the fork is an independent copy of everything the world holds
// (spreadsheets, Drive, properties, caches, triggers, locks, clock, ids, totals), so a test that changes its fork
// changes nothing in the original or in any other fork. Cell storage is shared copy-on-write, the way the
// emulator's makeCopy shares it, so forking a large sheet costs nothing until one side writes.
import { World } from '../../emulator';
import { Grid } from '../../emulator/model/grid';

type Memo = Map<object, unknown>;

function cloneValue(value: unknown, memo: Memo): unknown {
  if (value === null || typeof value !== 'object') return value; // primitives; functions are shared as they are
  const seen = memo.get(value);
  if (seen !== undefined) return seen;
  if (value instanceof Grid) {
    const shared = value.share();
    memo.set(value, shared);
    return shared;
  }
  if (value instanceof Date) return new Date(value.getTime());
  if (ArrayBuffer.isView(value)) return (value as unknown as { slice(): unknown }).slice();
  if (value instanceof Map) {
    const out = new Map();
    memo.set(value, out);
    for (const [k, v] of value) out.set(cloneValue(k, memo), cloneValue(v, memo));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set();
    memo.set(value, out);
    for (const v of value) out.add(cloneValue(v, memo));
    return out;
  }
  const out: object = Array.isArray(value)
    ? new Array(value.length)
    : Object.create(Object.getPrototypeOf(value));
  memo.set(value, out);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    if ('value' in descriptor) descriptor.value = cloneValue(descriptor.value, memo);
    Object.defineProperty(out, key, descriptor);
  }
  return out;
}

/**
 * A member holding functions (like `drive`, closures over `this.state`) is a facade: the fork keeps the one its
 * constructor made, which reads the fork's own state. Every other member is data and is copied.
 */
function isFacade(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object' || value instanceof Map || Array.isArray(value))
    return false;
  return Object.values(value).some((member) => typeof member === 'function');
}

export function forkWorld(world: World): World {
  const source = world as unknown as Record<string, unknown>;
  const fork = new World({
    distDir: (source.state as { distDir: string }).distDir,
  }) as unknown as Record<string, unknown>;
  const memo: Memo = new Map();
  for (const key of Object.keys(source)) {
    if (!isFacade(fork[key])) fork[key] = cloneValue(source[key], memo);
  }
  return fork as unknown as World;
}

/**
 * `build()` run once per key in this test file, then a fork of its world for every caller: the same world a
 * fresh build would give, without building it again.
 */
export function forked<T extends { world: World }>(
  cache: Map<string, T>,
  key: string,
  build: () => T,
  rebind: (built: T, fork: World) => T,
): T {
  let built = cache.get(key);
  if (!built) {
    built = build();
    cache.set(key, built);
  }
  return rebind(built, forkWorld(built.world));
}
