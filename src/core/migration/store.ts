import type { KeyValueStore } from '../ports';

/**
 * The document properties of one execution, read once (getProperties) and kept in memory; every component of
 * the execution shares it, so reads after the first cost nothing. `batch` gathers writes and deletes into one
 * round trip.
 */
export class ExecutionStore implements KeyValueStore {
  private cache: Record<string, string> | null = null;
  private batching: { set: Record<string, string>; deleted: Set<string> } | null = null;

  constructor(private readonly store: KeyValueStore) {}

  getAll(): Record<string, string> {
    if (this.cache === null) this.cache = { ...this.store.getAll() };
    return { ...this.cache };
  }

  /** The cached map itself (no copy), for code that reads many keys. */
  all(): Record<string, string> {
    this.getAll();
    return this.cache as Record<string, string>;
  }

  get(key: string): string | null {
    const all = this.all();
    return Object.prototype.hasOwnProperty.call(all, key) ? all[key] : null;
  }

  setMany(values: Record<string, string>): void {
    if (Object.keys(values).length === 0) return;
    const all = this.all();
    if (this.batching) {
      for (const [key, value] of Object.entries(values)) {
        this.batching.set[key] = value;
        this.batching.deleted.delete(key);
      }
    } else {
      this.store.setMany(values);
    }
    Object.assign(all, values);
  }

  delete(key: string): void {
    const all = this.all();
    if (!Object.prototype.hasOwnProperty.call(all, key)) return;
    if (this.batching) {
      this.batching.deleted.add(key);
      delete this.batching.set[key];
    } else {
      this.store.delete(key);
    }
    delete all[key];
  }

  replaceAll(values: Record<string, string>): void {
    if (this.store.replaceAll) this.store.replaceAll(values);
    else {
      const before = this.all();
      this.store.setMany(values);
      for (const key of Object.keys(before)) if (!(key in values)) this.store.delete(key);
    }
    this.cache = { ...values };
  }

  /** Runs `change` with writes held back, then stores the result in one round trip (two without replaceAll). */
  batch(change: () => void): void {
    const all = this.all();
    this.batching = { set: {}, deleted: new Set() };
    let pending: { set: Record<string, string>; deleted: Set<string> };
    try {
      change();
    } finally {
      pending = this.batching;
      this.batching = null;
    }
    if (pending.deleted.size === 0) {
      if (Object.keys(pending.set).length > 0) this.store.setMany(pending.set);
    } else if (this.store.replaceAll) {
      this.store.replaceAll({ ...all });
    } else {
      if (Object.keys(pending.set).length > 0) this.store.setMany(pending.set);
      for (const key of pending.deleted) this.store.delete(key);
    }
  }
}
