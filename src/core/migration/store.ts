import type { KeyValueStore } from '../ports';

/**
 * The document properties of one execution, read once (getProperties) and kept in memory; every component of
 * the execution shares it, so reads after the first cost nothing. `batch` gathers writes and deletes into one
 * round trip.
 */
export class ExecutionStore implements KeyValueStore {
  private cache: Record<string, string> | null = null;
  private batching: { set: Record<string, string>; deleted: Set<string> } | null = null;
  private depth = 0;

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

  /** Holds writes and deletes back until the matching release(); holds nest. */
  hold(): void {
    this.all();
    if (this.depth === 0) this.batching = { set: {}, deleted: new Set() };
    this.depth += 1;
  }

  /** Ends a hold; the outermost one stores what was held in one round trip (two without replaceAll). */
  release(): void {
    if (this.depth === 0) return;
    this.depth -= 1;
    if (this.depth > 0) return;
    const pending = this.batching as { set: Record<string, string>; deleted: Set<string> };
    this.batching = null;
    if (pending.deleted.size === 0) {
      if (Object.keys(pending.set).length > 0) this.store.setMany(pending.set);
    } else if (this.store.replaceAll) {
      this.store.replaceAll({ ...this.all() });
    } else {
      if (Object.keys(pending.set).length > 0) this.store.setMany(pending.set);
      for (const key of pending.deleted) this.store.delete(key);
    }
  }

  /** Ends every hold (a finished step may leave its writes held for the run's final write). */
  releaseAll(): void {
    while (this.depth > 0) this.release();
  }

  /** Runs `change` with its writes held back, then stores them in one round trip. */
  batch(change: () => void): void {
    this.hold();
    try {
      change();
    } finally {
      this.release();
    }
  }
}
