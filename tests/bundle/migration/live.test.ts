// A live slice (the panel's, {live: true}) on the built bundle. Its progress: a status read in the middle of the
// slice (another execution, as the panel's poll is) shows the rows done so far. The owner's pause: pauseMigration() while a live slice runs (another execution, as the
// panel's call is) stops it at its next block; the run then stays paused: no resume trigger, continueMigration()
// and the trigger change nothing; resumeMigration() goes on from the checkpoint and the run ends as a clean one.
import { SHEET, driveToEnd, fixture, type Fixture, type Status } from '../../support/migration-bundle';
import { expectSameCells } from '../../support/same-cells';

type Paused = Status & { pause_requested_at?: string };

// 100 µs a cell and a 120 s budget: after the first slice (the copy), the next slice of 10,000 rows reads
// several blocks (the backup comparison, then the verification) over about two minutes.
const SAMPLE = { rows: 10000 };
const SLOW = { costs: { readPerCellUs: 100 } };

/** A run whose first slice made the backup copy and paused: the next slice reads block after block. */
function copied(): Fixture {
  const f = fixture(SAMPLE, SLOW);
  f.world.call('setMigrationConfig', [{ time_budget_seconds: 120 }], f.as);
  const first = f.world.call('startMigration', [{}], f.as) as Status;
  if (first.state !== 'paused') throw new Error(`the first slice should pause, it is ${first.state}`);
  return f;
}

function valueOf(r: { ok: boolean; value?: unknown }): Status {
  if (!r.ok) throw new Error('the execution failed');
  return r.value as Status;
}

function progressOf(status: Status): number {
  return status.steps.reduce((sum, step) => sum + (step.progress?.done ?? 0), 0);
}

type Hook = (moment: { call: number; nowMs: number }) => void;

/** beforeCall hooks on calls 1..calls: `act` runs once, before the first call `afterMs` into the execution. */
function onceAfter(calls: number, startMs: number, afterMs: number, act: () => void): Record<number, Hook> {
  let done = false;
  const hook: Hook = ({ nowMs }) => {
    if (done || nowMs - startMs < afterMs) return;
    done = true;
    act();
  };
  return Object.fromEntries(Array.from({ length: calls }, (_, i) => [i + 1, hook]));
}

/** Runs `fn` as a second execution while the first holds the document lock (as the panel's call would). */
function meanwhile(f: Fixture, fn: string): { ok: boolean; value?: Paused; error?: { message: string } } {
  f.world.lockHeldElsewhere(f.ss.id, true);
  try {
    const r = f.world.run(fn, [], f.as);
    return r.ok ? { ok: true, value: r.value as Paused } : { ok: false, error: r.error };
  } finally {
    f.world.lockHeldElsewhere(f.ss.id, false);
  }
}

describe('pausing a live slice', () => {
  // the same slice undisturbed: where a time-budget pause would stop it, and how many calls it makes
  const reference = copied();
  const undisturbed = reference.world.run('continueMigration', [{ live: true }], reference.as);

  const f = copied();
  const original = f.ss.sheet(SHEET).values();
  let pauseCall: ReturnType<typeof meanwhile> | null = null;
  // a third of the way into the slice: the backup is made and its comparison under way
  const slice = f.world.run('continueMigration', [{ live: true }], {
    ...f.as,
    beforeCall: onceAfter(
      undisturbed.stats.roundTrips,
      f.world.clock.nowMs(),
      undisturbed.stats.virtualMs / 3,
      () => {
        pauseCall = meanwhile(f, 'pauseMigration');
      },
    ),
  });
  const paused = (slice.ok ? slice.value : null) as Paused;
  const triggersAfterPause = f.world.triggers();
  const continued = f.world.call('continueMigration', [{ live: true }], f.as) as Paused;
  f.world.clock.advance(2 * 60 * 60 * 1000);
  const fired = f.world.runDueTriggers();
  const afterTriggers = f.world.call('getMigrationStatus', [], f.as) as Paused;

  it('the undisturbed slice goes on until its time is spent or the run is done', () => {
    expect(['paused', 'done']).toContain(valueOf(undisturbed).state);
    expect(progressOf(valueOf(undisturbed))).toBeGreaterThan(0);
  });

  it('pauseMigration during the slice records the request and says the slice stops at its next block', () => {
    expect(pauseCall).toMatchObject({ ok: true, value: { state: 'running' } });
    expect(pauseCall!.value!.pause_requested_at).toEqual(expect.any(String));
    expect(pauseCall!.value!.message).toMatch(/stops at its next block/);
  });

  it('the slice stops at its next block, well before its time is spent, with no resume trigger', () => {
    expect(slice.ok).toBe(true);
    expect(paused.state).toBe('paused');
    expect(paused.pause_requested_at).toEqual(expect.any(String));
    expect(paused.message).toMatch(/waits for you/);
    expect(slice.stats.virtualMs).toBeLessThan(undisturbed.stats.virtualMs);
    expect(progressOf(paused)).toBeLessThan(progressOf(valueOf(undisturbed)));
    expect(triggersAfterPause.filter((t) => t.nextRunAt !== null)).toEqual([]);
  });

  it('continueMigration and the hours after change nothing: the run waits for its owner', () => {
    expect(continued.state).toBe('paused');
    expect(continued.message).toMatch(/waits for you/);
    expect(progressOf(continued)).toBe(progressOf(paused));
    expect(fired).toEqual([]);
    expect(progressOf(afterTriggers)).toBe(progressOf(paused));
    expect(afterTriggers).toMatchObject({ state: 'paused', pause_requested_at: paused.pause_requested_at });
  });

  it('resumeMigration goes on from the checkpoint and the run ends with every row verified', () => {
    const resumed = f.world.call('resumeMigration', [], f.as) as Paused;
    expect(resumed.pause_requested_at).toBeUndefined();
    expect(progressOf(resumed)).toBeGreaterThan(progressOf(paused));
    const end = driveToEnd(f);
    expect(end.state).toBe('done');
    expect(f.world.triggers()).toEqual([]);
    expect(end.steps.every((step) => step.status === 'done')).toBe(true);
    const migrated = f.ss.sheet(SHEET).values();
    expectSameCells(
      migrated.map((row) => row.slice(0, original[0].length)),
      original,
    );
  });
});

describe('pausing a run that waits for its resume trigger', () => {
  const f = copied();
  const first = f.world.call('getMigrationStatus', [], f.as) as Paused;
  const triggersBefore = f.world.triggers();
  const pause = f.world.call('pauseMigration', [], f.as) as Paused;
  const fired = f.world.runDueTriggers();

  it('is paused at once, and the trigger that fires removes itself and changes nothing', () => {
    expect(first.state).toBe('paused');
    expect(triggersBefore).toHaveLength(1);
    expect(pause).toMatchObject({ state: 'paused', pause_requested_at: expect.any(String) });
    expect(pause.message).toMatch(/waits for you/);
    expect(fired).toHaveLength(1);
    expect(fired[0].ok && (fired[0].value as Paused).state).toBe('paused');
    expect(progressOf(valueOf(fired[0]))).toBe(progressOf(first));
    expect(fired[0].stats.calls['Range.getValues'] ?? 0).toBe(0);
    expect(f.world.triggers()).toEqual([]);
  });

  it("a second pause changes nothing; the menu's Resume migration goes on", () => {
    const again = f.world.call('pauseMigration', [], f.as) as Paused;
    expect(again.pause_requested_at).toBe(pause.pause_requested_at);
    f.world.run('menuContinueMigration', [], { ...f.as, via: 'menu' });
    const status = f.world.call('getMigrationStatus', [], f.as) as Paused;
    expect(status.pause_requested_at).toBeUndefined();
    expect(progressOf(status)).toBeGreaterThan(progressOf(first));
  });
});

test('pauseMigration with no run in progress is refused and changes nothing', () => {
  const f = fixture({ rows: 20 });
  const before = JSON.stringify(f.world.snapshot());
  const r = f.world.run('pauseMigration', [], f.as);
  expect(r.ok).toBe(false);
  expect(!r.ok && r.error.message).toMatch(/nothing to pause/);
  expect(JSON.stringify(f.world.snapshot())).toBe(before);
});

describe('the status read while a live slice runs', () => {
  const f = copied();
  // the panel's poll, before every call of the slice
  const reads: Paused[] = [];
  const hook: Hook = () => {
    const read = meanwhile(f, 'getMigrationStatus');
    if (read.ok && read.value) reads.push(read.value);
  };
  const slice = f.world.run('continueMigration', [{ live: true }], {
    ...f.as,
    beforeCall: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [i + 1, hook])),
  });
  const partial = (status: Status) =>
    status.steps.find(
      (step) => step.progress && step.progress.done > 0 && step.progress.done < step.progress.total,
    );

  it('shows a step part done, running, before the slice returns', () => {
    expect(slice.ok).toBe(true);
    const midway = reads.filter((status) => status.state === 'running' && partial(status));
    expect(midway.length).toBeGreaterThan(0);
    const step = partial(midway[0])!;
    expect(step.progress!.done).toBeGreaterThan(0);
    expect(step.progress!.done).toBeLessThan(step.progress!.total);
  });

  it('moves forward from read to read, and the slice itself ends further on', () => {
    const totals = reads.map(progressOf);
    for (let i = 1; i < totals.length; i += 1) expect(totals[i]).toBeGreaterThanOrEqual(totals[i - 1]);
    expect(new Set(totals).size).toBeGreaterThan(2);
    expect(progressOf(valueOf(slice))).toBeGreaterThanOrEqual(totals[totals.length - 1]);
  });
});
