// A migration driven to its end the way a closed panel leaves it: startMigration, then each due resume trigger.
import type { World } from '../emulator';

export interface RunToEnd {
  /** The last call's state ('done', 'paused' when the slice limit was reached, or 'error: ...'). */
  state: string;
  /** Peak resident memory of this process while it ran, in bytes. */
  peakRss: number;
  wallMs: number;
}

export function runToEnd(
  world: World,
  as: { activeSpreadsheet: string },
  args: unknown[] = [],
  maxSlices = 40,
): RunToEnd {
  let peakRss = process.memoryUsage().rss;
  const wallStart = Date.now();
  let result = world.run('startMigration', args, as);
  let state = result.ok ? (result.value as { state: string }).state : `error: ${result.error.message}`;
  for (let i = 0; i < maxSlices && state === 'paused'; i += 1) {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const runs = world.runDueTriggers();
    if (runs.length === 0) break;
    result = runs[runs.length - 1];
    state = result.ok
      ? ((result.value as { state: string } | null)?.state ?? 'null')
      : `error: ${result.error.message}`;
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { state, peakRss, wallMs: Date.now() - wallStart };
}
