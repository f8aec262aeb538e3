// How long a run has left, from the throughput the server itself measured: rows per second of server time
// (each status carries `updated_at` and the rows each step has done), so the figure holds whatever the panel's
// own clock or network does. With the panel open the run goes slice after slice; closed, the hourly trigger
// runs one slice an hour (editor add-ons may not fire time-driven triggers more often:
// https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions).
import type { Status, Step } from './contract';

/**
 * Steps that usually finish in a few calls whatever the sheet's size (a freshly inserted column is filled in
 * one write): they add no rows to the work left until they report progress of their own.
 */
const QUICK_STEP = /^(add_|verify_schema|ensure_|initialize_)/;
const TRIGGER_PERIOD_SECONDS = 3600;

export interface Eta {
  /** Seconds left with the panel open (it drives the run slice after slice). */
  open: number;
  /** Seconds left if the panel is closed now (the hourly trigger runs a slice an hour). */
  closed: number;
}

interface Sample {
  at: number;
  rows: number;
  runId: string | null;
}

function parse(iso: unknown): number | null {
  if (typeof iso !== 'string') return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** Rows the run has worked through so far: every row-by-row step counts what it has done. */
export function rowsDone(steps: Step[]): number {
  return steps.reduce((sum, step) => {
    if (!step.progress) return sum;
    const done = step.status === 'done' ? step.progress.total : step.progress.done;
    return sum + Math.max(0, Math.min(done, step.progress.total));
  }, 0);
}

/**
 * Rows the run still has to work through: what is left of each step under way, and for each pending step
 * that works row by row (all but the quick ones) the sheet's rows (`rows`, or the largest total a step reported).
 */
export function rowsLeft(steps: Step[], rows: number | null): number {
  const known = Math.max(0, ...steps.map((s) => (s.progress ? s.progress.total : 0)));
  const perStep = known > 0 ? known : (rows ?? 0);
  return steps.reduce((sum, step) => {
    if (step.status === 'done' || step.status === 'skipped') return sum;
    if (step.progress) return sum + Math.max(0, step.progress.total - step.progress.done);
    if (step.status === 'pending' && !QUICK_STEP.test(String(step.name))) return sum + perStep;
    return sum;
  }, 0);
}

export class ThroughputEstimator {
  private last: Sample | null = null;
  private rows = 0;
  private seconds = 0;

  /**
   * `budgetSeconds`: the time budget of one slice. An interval longer than a slice and a half is a wait
   * (for the trigger, for a person), not work, and is left out of the throughput.
   */
  constructor(private readonly budgetSeconds: () => number) {}

  observe(status: Status | null): void {
    if (!status || !Array.isArray(status.steps)) return;
    const at = parse(status.updated_at);
    if (at === null) return;
    const rows = rowsDone(status.steps);
    const last = this.last;
    if (!last || last.runId !== status.run_id || rows < last.rows) {
      this.rows = 0;
      this.seconds = 0;
      this.bootstrap(status, at);
    } else if (at > last.at && rows > last.rows) {
      const seconds = (at - last.at) / 1000;
      if (seconds <= this.budgetSeconds() * 1.5) {
        this.rows += rows - last.rows;
        this.seconds += seconds;
      }
    }
    if (!last || at >= last.at) this.last = { at, rows, runId: status.run_id };
  }

  /** The first status seen: the step under way started inside its slice, so its own rate is a measure. */
  private bootstrap(status: Status, at: number): void {
    const step = status.steps.find((s) => s.status === 'running' && s.progress && s.progress.done > 0);
    const started = parse(step?.started_at);
    if (!step?.progress || started === null) return;
    const seconds = (at - started) / 1000;
    if (seconds > 0 && seconds <= this.budgetSeconds() * 1.5) {
      this.rows = step.progress.done;
      this.seconds = seconds;
    }
  }

  /** Rows per second of server time, or null until something has been measured. */
  rate(): number | null {
    return this.rows > 0 && this.seconds > 0 ? this.rows / this.seconds : null;
  }

  reset(): void {
    this.last = null;
    this.rows = 0;
    this.seconds = 0;
  }
}

/**
 * The time left, or null before any throughput is measured. `inFlight`: a slice is running now, and it goes on
 * to the end of its budget even if the panel closes; every further budget's worth of work waits for the trigger.
 */
export function estimate(
  status: Status | null,
  rate: number | null,
  rows: number | null,
  budget: number,
  inFlight: boolean,
): Eta | null {
  if (!status || rate === null || rate <= 0 || !Array.isArray(status.steps)) return null;
  const open = rowsLeft(status.steps, rows) / rate;
  const slices = Math.ceil(open / Math.max(1, budget));
  const waits = Math.max(0, slices - (inFlight ? 1 : 0));
  return { open, closed: open + waits * TRIGGER_PERIOD_SECONDS };
}
