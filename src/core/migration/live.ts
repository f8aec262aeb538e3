// What a slice and the panel tell each other while the slice runs: the owner's pause request (a document
// property, so it outlives the slice and keeps the run paused) and the slice's progress (the document cache, so
// a status read mid-slice sees it; losing it loses nothing). A slice started by the panel with {live: true}
// exchanges both at block boundaries, at most once every PULSE_MS: two round trips (a cache put and a property
// read) each time. Other slices (menu, trigger) exchange nothing mid-slice and read the pause request only with
// the properties they read at their start.
import type { CachePort, Clock, KeyValueStore } from '../ports';
import type { StepRecord } from '../contract';
import { PAUSE_KEY, PROGRESS_CACHE_KEY } from '../state/keys';

export { PAUSE_KEY } from '../state/keys';
/** Virtual time between two exchanges of a live slice. */
export const PULSE_MS = 5000;
/** How long the cached progress lives: longer than any slice. */
const PROGRESS_SECONDS = 600;

export interface PauseRequest {
  requested_at: string;
  by: string;
}

export interface LiveProgress {
  run_id: string;
  steps: StepRecord[];
  updated_at: string;
}

export function encodePause(request: PauseRequest): string {
  return JSON.stringify(request);
}

/** The owner's pause request, or null (none, or unreadable: a damaged value pauses nothing). */
export function readPause(value: string | null | undefined): PauseRequest | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<PauseRequest>;
    return typeof parsed.requested_at === 'string'
      ? { requested_at: parsed.requested_at, by: typeof parsed.by === 'string' ? parsed.by : '' }
      : null;
  } catch (error) {
    return null;
  }
}

/** The progress a live slice saved for `runId`, if it is still cached. */
export function readLiveProgress(cache: CachePort, runId: string): LiveProgress | null {
  let value: string | null;
  try {
    value = cache.get(PROGRESS_CACHE_KEY);
  } catch (error) {
    return null;
  }
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as LiveProgress;
    return parsed.run_id === runId && Array.isArray(parsed.steps) ? parsed : null;
  } catch (error) {
    return null;
  }
}

/**
 * A live slice's exchange with the panel: `due()` is asked between blocks; when PULSE_MS have passed since the
 * last exchange it saves the progress and reads the pause request. Once a pause is seen it stays seen.
 */
export class SlicePulse {
  private lastMs: number;
  private seen: PauseRequest | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly cache: CachePort,
    private readonly properties: KeyValueStore,
    private readonly progress: () => LiveProgress,
  ) {
    this.lastMs = clock.now();
  }

  get pause(): PauseRequest | null {
    return this.seen;
  }

  /** True when the owner asked to pause: the slice stops at this block. */
  stopRequested(): boolean {
    if (this.seen) return true;
    const now = this.clock.now();
    if (now - this.lastMs < PULSE_MS) return false;
    this.lastMs = now;
    try {
      this.cache.put(PROGRESS_CACHE_KEY, JSON.stringify(this.progress()), PROGRESS_SECONDS);
    } catch (error) {
      // the progress is a courtesy to the panel: a cache that refuses it changes nothing in the run
    }
    this.seen = readPause(this.properties.get(PAUSE_KEY));
    return this.seen !== null;
  }
}
