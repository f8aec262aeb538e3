/** The world's virtual clock: executions start at its time and advance it by their modelled duration. */
export class VirtualClock {
  private ms: number;

  constructor(startIso: string) {
    const ms = Date.parse(startIso);
    if (Number.isNaN(ms)) throw new Error(`World option "now" must be an ISO-8601 date, got ${startIso}`);
    this.ms = ms;
  }

  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  iso(): string {
    return new Date(this.ms).toISOString();
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`clock.advance needs a non-negative number of milliseconds, got ${ms}`);
    this.ms += ms;
  }

  /** Moves the clock forward to `ms` (never backwards). */
  advanceTo(ms: number): void {
    if (ms > this.ms) this.ms = ms;
  }
}
