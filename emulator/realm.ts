import vm from 'node:vm';

// Objects made in one vm realm fail `instanceof` in another: values handed to the code under test are
// built with the vm's own Array/Object/Date/Error, and values coming back are copied into plain host values.

export interface Realm {
  context: vm.Context;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
}

export function isDate(v: unknown): v is Date {
  // typeof first: nearly every cell is a primitive, and the tag check boxes it
  return typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';
}

export function createRealm(globals: Record<string, unknown>): Realm {
  const context = vm.createContext(globals);
  const pick = vm.runInContext(
    '({ Array: Array, Object: Object, Date: Date, Error: Error })',
    context,
  ) as Omit<Realm, 'context'>;
  return { context, ...pick };
}

/** A `Date` constructor for the vm whose `new Date()` and `Date.now()` report the virtual time. */
export function virtualDate(realm: Realm, nowMs: () => number): DateConstructor {
  const make = vm.runInContext(
    `(function (nowFn, RealDate) {
      function Date() {
        if (!(this instanceof Date)) return new RealDate(nowFn()).toString();
        if (arguments.length === 0) return new RealDate(nowFn());
        var args = [null].concat(Array.prototype.slice.call(arguments));
        return new (Function.prototype.bind.apply(RealDate, args))();
      }
      Date.prototype = RealDate.prototype;
      Date.now = function () { return nowFn(); };
      Date.UTC = RealDate.UTC;
      Date.parse = RealDate.parse;
      return Date;
    })`,
    realm.context,
  ) as (now: () => number, real: DateConstructor) => DateConstructor;
  return make(nowMs, realm.Date);
}

export function vmArray<T>(realm: Realm, items: readonly T[]): T[] {
  const out = new realm.Array(items.length) as T[];
  for (let i = 0; i < items.length; i++) out[i] = items[i];
  return out;
}

export function vmError(realm: Realm, message: string, name = 'Exception'): Error {
  const e = new realm.Error(message);
  e.name = name;
  return e;
}

/** Deep copy of a host value into the vm realm (plain objects, arrays, Dates; other values as they are). */
export function toVm(realm: Realm, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isDate(value)) return new realm.Date(value.getTime());
  if (Array.isArray(value))
    return vmArray(
      realm,
      value.map((v) => toVm(realm, v)),
    );
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out = new realm.Object() as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) out[k] = toVm(realm, v);
  return out;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * What `google.script.run` accepts: JSON-like values only. Throws naming the first offending path.
 * https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values
 */
export function assertJsonLike(value: unknown, path: string): void {
  const fail = (what: string) => {
    throw new Error(
      `${path} is ${what}: google.script.run passes only JSON-like values (no Date, function or undefined; ` +
        'send times as ISO-8601 strings)',
    );
  };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`a non-finite number (${value})`);
    return;
  }
  if (value === undefined) fail('undefined');
  if (typeof value === 'function') fail('a function');
  if (typeof value !== 'object') fail(`a ${typeof value}`);
  if (isDate(value)) fail('a Date');
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertJsonLike(v, `${path}[${i}]`));
    return;
  }
  if (!isPlainObject(value as object)) fail(`an object of class ${Object.prototype.toString.call(value)}`);
  for (const [k, v] of Object.entries(value as object)) assertJsonLike(v, `${path}.${k}`);
}

/** Deep plain host copy of a value from the vm: JSON-like parts copied, Dates as host Dates. */
export function fromVm(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (isDate(value)) return new Date((value as Date).getTime());
  if (Array.isArray(value)) return value.map((v) => fromVm(v));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const copy = fromVm(v);
    if (copy !== undefined) out[k] = copy;
  }
  return out;
}
