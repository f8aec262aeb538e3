import { createHash } from 'node:crypto';

/** Deterministic ids: two worlds built the same way hand out the same ids in the same order. */
export class IdSource {
  private counter = 0;
  private uuids = 0;

  next(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  number(): number {
    this.counter += 1;
    return this.counter;
  }

  uuid(): string {
    this.uuids += 1;
    const h = createHash('sha256').update(`uuid-${this.uuids}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
