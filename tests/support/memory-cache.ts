import type { CachePort } from '../../src/core/ports';

/** An in-memory CachePort that counts its calls (each is one round trip in Apps Script). */
export class MemoryCache implements CachePort {
  readonly entries = new Map<string, string>();
  calls = { get: 0, put: 0, remove: 0 };

  get(key: string): string | null {
    this.calls.get += 1;
    return this.entries.has(key) ? (this.entries.get(key) as string) : null;
  }

  put(key: string, value: string, _seconds: number): void {
    this.calls.put += 1;
    if (value.length > 100_000) throw new Error('Argument too large: value');
    this.entries.set(key, value);
  }

  remove(key: string): void {
    this.calls.remove += 1;
    this.entries.delete(key);
  }
}
