// One slice of a run: lock, read the checkpoint (or plan and record a new run), run the steps in order until
// done or out of time, and record the outcome. startMigration, continueMigration and the resume trigger all
// come here.
import { CHAIN_KEY } from '../state/keys';
import type { Services } from '../ports';
import type { MigrationSpec } from '../migrations/migration-spec';
import { PUBLISHED_MS_PER_CELL, ReadPace, pacedSpreadsheet } from '../slice/read-pace';
import { TimeBudget } from '../slice/budget';
import { thawRun } from './freeze';
import { LOCK_WAIT_MS, busyMessage } from '../slice/lock';
import { readCheckpoint } from './checkpoint';
import { readConfig } from '../state/config';
import { RunContext } from './context';
import { leveledLogger } from './logger';
import { targetSpreadsheet } from './plan';
import { currentStatus, plain } from './status';
import { ExecutionStore } from './store';
import { ensureResumeTrigger, rearmBusyTrigger, removeResumeTriggers } from '../slice/trigger';
import type { Status } from '../contract';
import { migrationById } from '../migrations/registry';
import type { Migration } from '../migrations/types';
import { type ChainRecord, encodeChain, indexOf, readChain, specOf } from './chain';
import { PAUSE_KEY, type PauseRequest, readPause } from './live';
import { messagesFor, type Translate } from '../messages';
import { runSteps } from './run-steps';
import { beginNext, goLive, iso, type Slice } from './run-begin';
import { ownerPausedMessage } from './pause';

export type SliceMode =
  | { kind: 'start'; force: boolean; target: Migration | null; live?: boolean; resume?: boolean }
  | { kind: 'continue'; live?: boolean }
  | { kind: 'trigger'; triggerUid: string | null };

/** A chain goes on to its next migration in the same slice only with this share of the budget left. */
const NEXT_RUN_SHARE = 0.3;

export function runSlice(services: Services, mode: SliceMode): Status {
  const store = new ExecutionStore(services.properties);
  const all = store.all();
  const config = readConfig(all);
  const logger = leveledLogger(services.logger, config.log_level);
  const scoped: Services = { ...services, properties: store, logger };
  // A new run's first block read assumes the published speed; a resumed run adopts the speed its last execution
  // measured, or (none recorded) stays with the cautious default.
  const pace = new ReadPace(services.clock);
  const spreadsheet = pacedSpreadsheet(targetSpreadsheet(scoped), pace);
  const startMs = services.clock.now();
  if (!services.lock.tryLock(LOCK_WAIT_MS)) {
    logger.warn('The document lock is held by another execution: nothing done.');
    // A start is refused (CONTRACT.md "Locking"); a continuation reports the state as stored, and why it did nothing.
    const t = messagesFor(services.session);
    if (mode.kind === 'start') throw new Error(busyMessage(t, 'start'));
    const status = currentStatus(all, iso(services.clock.now()), t);
    if (mode.kind === 'trigger') rearmBusyTrigger(scoped, status.state, spreadsheet.id, mode.triggerUid);
    return plain({ ...status, message: busyMessage(t, 'status') });
  }
  try {
    const forced = mode.kind === 'start' && mode.force;
    let saved: ReturnType<typeof readCheckpoint>;
    // A trigger of the run given up by a start over may still exist: the new run takes it over (and removes it
    // when it ends), so a refused start over changes nothing and a crash after it leaves no stray trigger.
    let abandonedTrigger = false;
    try {
      saved = readCheckpoint(all, messagesFor(services.session));
    } catch (damaged) {
      if (!forced) throw damaged;
      logger.warn(`Starting over: ${(damaged as Error).message}`);
      saved = null;
      abandonedTrigger = true;
    }
    if (saved && forced) {
      logger.info(`Starting over: run ${saved.checkpoint.run_id} is abandoned.`);
      abandonedTrigger = saved.checkpoint.trigger;
      thawRun(scoped, spreadsheet, saved.checkpoint, logger);
      saved = null;
    }
    const slice: Slice = {
      services: scoped,
      store,
      config,
      logger,
      spreadsheet,
      pace,
      budget: new TimeBudget(services.clock, startMs, config.time_budget_seconds),
      startMs,
      firing: mode.kind === 'trigger' ? mode.triggerUid : null,
      live: mode.kind !== 'trigger' && mode.live === true,
      rawProperties: services.properties,
      unattended: mode.kind === 'trigger',
    };
    const pauseRequest = readPause(all[PAUSE_KEY]);
    if (pauseRequest && mode.kind !== 'start') {
      const waiting = stayPaused(slice, all, pauseRequest);
      if (waiting) return waiting;
    }
    const target = mode.kind === 'start' ? mode.target : null;
    let status: Status;
    if (saved) {
      const spec = specOf(saved.checkpoint.migration, messagesFor(services.session));
      const chainTarget = target ? laterTarget(target, spec, messagesFor(services.session)) : null;
      const { checkpoint, plan } = saved;
      pace.adopt(checkpoint.read_ms_per_cell);
      checkpoint.executions += 1;
      const ctx = new RunContext(
        scoped,
        store,
        spec,
        config,
        spreadsheet,
        plan,
        checkpoint,
        slice.budget,
        logger,
        false,
        pace,
      );
      if (chainTarget)
        ctx.stage(CHAIN_KEY, encodeChain({ target: chainTarget.id, started_at: iso(startMs) }));
      // the owner resumes explicitly: the pause request is done with
      if (pauseRequest) store.delete(PAUSE_KEY);
      goLive(slice, ctx);
      status = runSteps(ctx, slice.firing);
    } else {
      const chain = readChain(all);
      // nothing in progress: only a start begins a run (a resume has nothing to resume)
      if ((mode.kind !== 'start' || mode.resume === true) && !chain) {
        if (mode.kind === 'trigger') removeResumeTriggers(scoped, spreadsheet.id, mode.triggerUid);
        return currentStatus(all, iso(services.clock.now()), messagesFor(services.session));
      }
      const towards = mode.kind === 'start' ? target : chain ? migrationById(chain.target) : null;
      pace.msPerCell = PUBLISHED_MS_PER_CELL;
      status = beginNext(slice, towards, {
        force: forced,
        triggerMayExist: abandonedTrigger || mode.kind !== 'start',
        continuing: mode.kind !== 'start',
      });
    }
    // a {target} chain goes on with its next migration, in this slice while time allows
    while (status.state === 'done' && status.run_id !== null) {
      const chain = readChain(store.all());
      if (!chain) break;
      if (slice.budget.spent(NEXT_RUN_SHARE * config.time_budget_seconds * 1000)) {
        return pauseBetweenRuns(slice, status, chain);
      }
      const next = beginNext(slice, migrationById(chain.target), {
        force: false,
        triggerMayExist: false,
        continuing: true,
      });
      if (next.run_id === status.run_id) break;
      status = next;
    }
    return status;
  } finally {
    // The lock is not released by hand: Apps Script releases it when the execution ends
    // (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()), and the slice ends here.
    store.releaseAll();
  }
}

/**
 * The owner paused the run: a slice that is not their explicit resume changes nothing, and a resume trigger
 * that fired removes itself. Null when there is no run in progress to hold (the request is stale).
 */
function stayPaused(slice: Slice, all: Record<string, string>, request: PauseRequest): Status | null {
  const status = currentStatus(all, iso(slice.services.clock.now()), messagesFor(slice.services.session));
  if (status.state !== 'running' && status.state !== 'paused') return null;
  if (slice.firing !== null) {
    try {
      removeResumeTriggers(slice.services, slice.spreadsheet.id, slice.firing);
    } catch (error) {
      slice.logger.warn(`The resume trigger could not be removed: ${(error as Error).message}`);
    }
  }
  slice.logger.info('The run is paused by its owner: nothing done until they resume it.');
  return plain({
    ...status,
    state: 'paused',
    pause_requested_at: request.requested_at,
    message: ownerPausedMessage(slice.services, request),
  });
}

/** A target at or after the run in progress: the run goes on, and the chain after it when the target is later. */
function laterTarget(target: Migration, running: MigrationSpec, t: Translate): Migration | null {
  const at = indexOf(running.id);
  if (indexOf(target.id) < at) {
    throw new Error(t('target_below_running', { running: running.id, target: target.id }));
  }
  return indexOf(target.id) > at ? target : null;
}

/** Out of time between two runs of a chain: the next one starts on the next slice (the trigger, or the panel). */
function pauseBetweenRuns(slice: Slice, finished: Status, chain: ChainRecord): Status {
  const status = currentStatus(
    slice.store.all(),
    iso(slice.services.clock.now()),
    messagesFor(slice.services.session),
  );
  const t = messagesFor(slice.services.session);
  let message = t('chain_next_slice', { migration: finished.migration, target: chain.target });
  try {
    ensureResumeTrigger(slice.services, slice.spreadsheet.id, null, false);
  } catch (error) {
    message += t('chain_trigger_failed', { error: (error as Error).message, menu: t('menu_path') });
  }
  return plain({ ...status, message });
}
