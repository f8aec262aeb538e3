// One slice of a run: lock, read the checkpoint (or plan and record a new run), run the steps in order until
// done or out of time, and record the outcome. startMigration, continueMigration and the resume trigger all
// come here.
import { CHAIN_KEY, CHECKPOINT_PREFIX, PLAN_KEY, RUN_KEY, SCHEMA_VERSION_KEY } from '../state/keys';
import { appendHistory } from '../history';
import type { Grid, KeyValueStore, Logger, Services, SpreadsheetPort } from '../ports';
import type { MigrationSpec } from '../spec/migration-spec';
import { PUBLISHED_MS_PER_CELL, ReadPace, SHARE_OF_TIME_LEFT, pacedSpreadsheet } from '../read-pace';
import { BackupUnproven } from './backup';
import { TimeBudget } from '../slice/budget';
import { applyFreeze, thawRun } from './freeze';
import { LOCK_WAIT_MS, busyMessage } from '../slice/lock';
import {
  type Checkpoint,
  MAX_STORE_BYTES,
  checkpointKeys,
  encode,
  newCheckpoint,
  readBaseline,
  readCheckpoint,
  storeBytes,
} from './checkpoint';
import { readConfig } from './config';
import { RunContext } from './context';
import { leveledLogger } from './logger';
import { assertCanEdit, planFromFacts, readPlanFacts, targetSpreadsheet, type PlanFacts } from './plan';
import { currentStatus, plain, statusFromCheckpoint, statusFromHistory } from './status';
import { STEPS, kindOf } from './steps';
import { ExecutionStore } from './store';
import { topUpAppendedRows } from './top-up';
import { StructureChanged, asStructureChange } from './structure-watch';
import { ensureResumeTrigger, rearmBusyTrigger, removeResumeTriggers } from './trigger';
import type { HistoryEntry, MigrationConfig, Status } from '../contract';
import { baseSchema, migrationById, migrations } from '../migrations/registry';
import { sheetSpec } from '../migrations/sheet-spec';
import type { Migration } from '../migrations/types';
import {
  type ChainRecord,
  alreadyAtStatus,
  encodeChain,
  indexOf,
  likelyNext,
  readChain,
  readingOf,
  specOf,
} from './chain';
import { type RunPlan } from './types';
import { PAUSE_KEY, type PauseRequest, SlicePulse, readPause } from './live';
import { messagesFor, type Translate } from '../messages';
import { ownerPausedMessage } from './pause';
import { noticeRecipient, sendNotice, type RunOutcome } from './notice';

export type SliceMode =
  | { kind: 'start'; force: boolean; target: Migration | null; live?: boolean; resume?: boolean }
  | { kind: 'continue'; live?: boolean }
  | { kind: 'trigger'; triggerUid: string | null };

/** Room the run's own properties need beside what is stored already (checkpoint, plan, baseline, history). */
const RUN_PROPERTY_BYTES = 30 * 1024;
/** A chain goes on to its next migration in the same slice only with this share of the budget left. */
const NEXT_RUN_SHARE = 0.3;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** What one slice works with, whichever run of the chain it is in. */
interface Slice {
  services: Services;
  store: ExecutionStore;
  config: MigrationConfig;
  logger: Logger;
  spreadsheet: SpreadsheetPort;
  pace: ReadPace;
  budget: TimeBudget;
  startMs: number;
  firing: string | null;
  /** Exchanges progress and the owner's pause with the panel between blocks (see ./live.ts). */
  live: boolean;
  /** The document properties themselves, beside the execution's copy: a live slice reads the pause from them. */
  rawProperties: KeyValueStore;
  /** An execution of the resume trigger: nobody watches it, so its outcome is mailed to the owner. */
  unattended: boolean;
}

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
    const status = currentStatus(all, iso(services.clock.now()));
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
      saved = readCheckpoint(all);
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
      const spec = specOf(saved.checkpoint.migration);
      const chainTarget = target ? laterTarget(target, spec) : null;
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
        return currentStatus(all, iso(services.clock.now()));
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

/** A live slice saves its progress and looks for the owner's pause between blocks. */
function goLive(slice: Slice, ctx: RunContext): void {
  ctx.unattended = slice.unattended;
  if (!slice.live) return;
  const checkpoint = ctx.checkpoint;
  ctx.pulse = new SlicePulse(slice.services.clock, slice.services.cache, slice.rawProperties, () => ({
    run_id: checkpoint.run_id,
    steps: ctx.liveSteps(),
    updated_at: ctx.nowIso(),
  }));
}

/**
 * The owner paused the run: a slice that is not their explicit resume changes nothing, and a resume trigger
 * that fired removes itself. Null when there is no run in progress to hold (the request is stale).
 */
function stayPaused(slice: Slice, all: Record<string, string>, request: PauseRequest): Status | null {
  const status = currentStatus(all, iso(slice.services.clock.now()));
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
function laterTarget(target: Migration, running: MigrationSpec): Migration | null {
  const at = indexOf(running.id);
  if (indexOf(target.id) < at) {
    throw new Error(
      `Migration ${running.id} is in progress, so target ${target.id} is below the current schema. Finish or ` +
        'roll back the run in progress first. Nothing was changed.',
    );
  }
  return indexOf(target.id) > at ? target : null;
}

/**
 * Plans the next pending migration up to `target` (the next one only without it) from the live sheet and runs
 * it; or says there is nothing to do (`done`, nothing written) or refuses a target below the current schema.
 * The migration is guessed from the history and confirmed by the headers the plan reads, so the usual case
 * reads the sheet once.
 */
function beginNext(
  slice: Slice,
  target: Migration | null,
  options: { force: boolean; triggerMayExist: boolean; continuing: boolean },
): Status {
  const { services, store, config, spreadsheet } = slice;
  const nowIso = iso(services.clock.now());
  const deadline = slice.startMs + config.time_budget_seconds * 1000;
  const fits = (cells: number): boolean =>
    slice.pace.predictMs(1, cells) <= SHARE_OF_TIME_LEFT * (deadline - services.clock.now());
  let migration = likelyNext(store.all());
  let spec = sheetSpec(migration);
  let facts = readPlanFacts(services, spreadsheet, spec, config, fits);
  const reading = readingOf(facts, migration, () => spreadsheet.metadata(SCHEMA_VERSION_KEY));
  if (reading.current === 'unknown') {
    // nothing runs on it: the plan says why (a missing sheet, its headers), else that it is not a ZEUES sheet
    beginRun(services, store, spec, slice.startMs, spreadsheet, slice.pace, false, facts, null, [
      unknownSheetReason(facts.sheet_name, messagesFor(services.session)),
    ]);
  }
  const next = reading.pending[0] ?? null;
  const chain = migrations();
  const nextAt = next ? indexOf(next.id) : chain.length;
  const goal = target ?? next;
  if (goal && indexOf(goal.id) < nextAt - 1) {
    throw new Error(
      `Target ${goal.id} is below the current schema (${reading.current}): the chain only goes forward. To go ` +
        'back, roll back the newer migrations one by one. Nothing was changed.',
    );
  }
  if (!next || !goal || indexOf(goal.id) < nextAt) {
    // nothing pending up to the goal
    if (options.force) {
      throw new Error(
        `There is nothing to start over: the spreadsheet already has schema ${reading.current}. Nothing was changed.`,
      );
    }
    if (options.continuing && store.get(CHAIN_KEY) !== null) store.delete(CHAIN_KEY);
    const reached = goal && indexOf(goal.id) < nextAt ? goal : chain[nextAt - 1];
    return reached ? doneStatus(store.all(), reached, nowIso) : currentStatus(store.all(), nowIso);
  }
  if (next.id !== migration.id) {
    const earlier = { spec, facts };
    migration = next;
    spec = sheetSpec(next);
    facts = readPlanFacts(services, spreadsheet, spec, config, fits, earlier);
  }
  const chainTarget = goal.id !== next.id ? goal : null;
  const begun = beginRun(
    services,
    store,
    spec,
    slice.startMs,
    spreadsheet,
    slice.pace,
    options.triggerMayExist,
    facts,
    chainTarget,
  );
  const ctx = new RunContext(
    services,
    store,
    spec,
    config,
    spreadsheet,
    begun.plan,
    begun.checkpoint,
    slice.budget,
    slice.logger,
    true,
    slice.pace,
  );
  ctx.planValues = begun.values;
  ctx.planFormulas = begun.formulas;
  ctx.knownHeaders = begun.headers;
  goLive(slice, ctx);
  return runSteps(ctx, slice.firing);
}

export function unknownSheetReason(sheetName: string, t: Translate): string {
  const base = baseSchema();
  return t('plan_unknown_sheet', {
    sheet: sheetName,
    schema: base.version,
    headers: base.signature.map((column) => column.header).join(', '),
  });
}

/** The done status of `migration`: its recorded run, or (applied before the add-on kept a history) a plain done. */
function doneStatus(all: Record<string, string>, migration: Migration, nowIso: string): Status {
  const recorded = statusFromHistory(sheetSpec(migration), all, nowIso);
  return recorded.state === 'done' ? recorded : alreadyAtStatus(migration, nowIso);
}

/** Out of time between two runs of a chain: the next one starts on the next slice (the trigger, or the panel). */
function pauseBetweenRuns(slice: Slice, finished: Status, chain: ChainRecord): Status {
  const status = currentStatus(slice.store.all(), iso(slice.services.clock.now()));
  const t = messagesFor(slice.services.session);
  let message = t('chain_next_slice', { migration: finished.migration, target: chain.target });
  try {
    ensureResumeTrigger(slice.services, slice.spreadsheet.id, null, false);
  } catch (error) {
    message += t('chain_trigger_failed', { error: (error as Error).message, menu: t('menu_path') });
  }
  return plain({ ...status, message });
}

/** Plans from the live sheet and records the new run (its intent) in one write. Throws on blocking reasons. */
function beginRun(
  services: Services,
  store: ExecutionStore,
  spec: MigrationSpec,
  startMs: number,
  spreadsheet: SpreadsheetPort,
  pace: ReadPace,
  triggerMayExist: boolean,
  facts: PlanFacts,
  chainTarget: Migration | null,
  /** Reasons the run may not start, given when the plan itself finds none. */
  fallbackBlocking: string[] = [],
): {
  checkpoint: Checkpoint;
  plan: RunPlan;
  values: Grid | null;
  formulas: string[][] | null;
  headers: string[];
} {
  const all = store.all();
  const config = readConfig(all);
  const t = messagesFor(services.session);
  const { plan: shown, run: plan } = planFromFacts(facts, spec, config, startMs, t);
  const kept = Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith(CHECKPOINT_PREFIX)));
  if (storeBytes(kept) + RUN_PROPERTY_BYTES > MAX_STORE_BYTES) {
    shown.blocking.push(
      `The document properties are almost full (${Math.round(storeBytes(kept) / 1024)} KB of 500 KB), so the run ` +
        "could not save its checkpoints. Delete old history entries or other add-ons' data, then try again.",
    );
  }
  if (shown.blocking.length === 0) shown.blocking.push(...fallbackBlocking);
  if (shown.blocking.length > 0) {
    throw new Error(t('plan_cannot_start', { reasons: shown.blocking.join(' ') }));
  }
  const formulas = assertCanEdit(spreadsheet, facts, spec);
  const runId = `${spec.id}-${iso(startMs)
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
  const checkpoint = newCheckpoint(spec, plan, runId, iso(startMs));
  checkpoint.trigger = triggerMayExist;
  if (config.edit_freeze) checkpoint.freeze = { applied: false };
  try {
    store.batch(() => {
      for (const key of checkpointKeys(store.all())) store.delete(key);
      store.setMany({
        [PLAN_KEY]: encode(PLAN_KEY, plan),
        [RUN_KEY]: encode(RUN_KEY, checkpoint),
        ...(chainTarget
          ? { [CHAIN_KEY]: encodeChain({ target: chainTarget.id, started_at: iso(startMs) }) }
          : {}),
      });
    });
  } catch (error) {
    if (/quota/i.test((error as Error).message)) {
      throw new Error(
        'The document properties are full (500 KB), so the run could not save its checkpoint. Nothing was ' +
          "changed. Delete old history entries or other add-ons' data, then try again.",
      );
    }
    throw error;
  }
  services.logger.info(
    `Run ${runId} planned: ${plan.data_rows} rows, adding ${plan.to_add.join(', ')} after column ${plan.insert_after}.`,
  );
  // Past the last column the header row is empty, up to the grid's width.
  const headers = facts.headers.concat(
    new Array<string>(Math.max(0, plan.max_columns - facts.headers.length)).fill(''),
  );
  return { checkpoint, plan, values: facts.values, formulas, headers };
}

function runSteps(ctx: RunContext, firing: string | null): Status {
  const checkpoint = ctx.checkpoint;
  if (checkpoint.state === 'failed') {
    ctx.logger.info(
      `Resuming run ${checkpoint.run_id} after its failure in ${checkpoint.error?.step ?? 'a step'}.`,
    );
    delete checkpoint.error;
  }
  checkpoint.state = 'running';
  let current: string = checkpoint.steps[0].name;
  try {
    applyFreeze(ctx.spreadsheet, checkpoint, ctx.plan, ctx.logger, () => {
      ctx.touch();
      ctx.commit();
    });
    for (const record of checkpoint.steps) {
      if (record.status === 'done' || record.status === 'skipped') continue;
      current = record.name;
      ctx.rowsRemaining = null;
      if (record.status !== 'running') {
        record.status = 'running';
        record.started_at = ctx.nowIso();
        ctx.touch();
      }
      if (STEPS[kindOf(ctx, record.name)](ctx) === 'paused') return pause(ctx, firing);
      record.status = 'done';
      record.completed_at = ctx.nowIso();
      ctx.touch();
      ctx.logger.info(`Step ${record.name} done.`);
    }
    return finish(ctx, firing);
  } catch (error) {
    return fail(ctx, current, error as Error, firing);
  }
}

function historyEntry(ctx: RunContext, state: string): HistoryEntry {
  const checkpoint = ctx.checkpoint;
  const entry: HistoryEntry = {
    kind: 'migration',
    migration: ctx.spec.id,
    run_id: checkpoint.run_id,
    started_at: checkpoint.started_at,
    completed_at: state === 'done' ? ctx.nowIso() : null,
    state,
    spreadsheet_id: checkpoint.spreadsheet_id,
    sheet: ctx.plan.sheet_name,
    rows: ctx.plan.data_rows,
    v21_columns: ctx.plan.v21_columns,
    columns_added: ctx.plan.to_add,
    executions: checkpoint.executions,
    steps: checkpoint.steps,
  };
  if (checkpoint.backup.file_id) entry.backup = { ...checkpoint.backup };
  if (checkpoint.error) entry.error = checkpoint.error;
  const baseline = readBaseline(ctx.store.all());
  // what the run wrote goes with its baseline: a later verification proves it lay inside the new columns
  if (baseline) {
    entry.baseline = {
      ...baseline,
      ...(checkpoint.written ? { written: checkpoint.written } : {}),
      ...(checkpoint.filled_through !== undefined ? { filled_through: checkpoint.filled_through } : {}),
    };
  }
  if (checkpoint.report) entry.report = checkpoint.report;
  return plain(entry);
}

function pause(ctx: RunContext, firing: string | null): Status {
  const checkpoint = ctx.checkpoint;
  const owner = ctx.ownerPause;
  if (owner) return pauseForOwner(ctx, firing, owner);
  checkpoint.state = 'paused';
  checkpoint.trigger = true;
  ctx.touch();
  ctx.commit(ctx.reportIntentAtEnd);
  let message: string | undefined;
  try {
    ensureResumeTrigger(ctx.services, checkpoint.spreadsheet_id, firing, ctx.triggerMayExist);
  } catch (error) {
    const t = messagesFor(ctx.services.session);
    message = t('run_trigger_failed', { error: (error as Error).message, menu: t('menu_path') });
    ctx.logger.warn(message);
  }
  ctx.logger.info(
    `Paused after ${Math.round(ctx.budget.elapsedMs() / 1000)} s; the run resumes from its checkpoint.`,
  );
  const status = statusFromCheckpoint(ctx.spec, checkpoint);
  return message ? { ...status, message } : status;
}

/** Stopped at a block for the owner: no resume trigger (one left from an earlier pause goes), the cursor saved. */
function pauseForOwner(ctx: RunContext, firing: string | null, request: PauseRequest): Status {
  const checkpoint = ctx.checkpoint;
  checkpoint.state = 'paused';
  if (checkpoint.trigger || firing) {
    try {
      removeResumeTriggers(ctx.services, checkpoint.spreadsheet_id, firing);
      checkpoint.trigger = false;
    } catch (error) {
      // it fires, finds the pause and removes itself
      ctx.logger.warn(`The resume trigger could not be removed: ${(error as Error).message}`);
    }
  }
  ctx.touch();
  ctx.commit(ctx.reportIntentAtEnd);
  ctx.logger.info(`Paused by its owner after ${Math.round(ctx.budget.elapsedMs() / 1000)} s.`);
  return plain({
    ...statusFromCheckpoint(ctx.spec, checkpoint),
    pause_requested_at: request.requested_at,
    message: ownerPausedMessage(ctx.services, request),
  });
}

function finish(ctx: RunContext, firing: string | null): Status {
  const checkpoint = ctx.checkpoint;
  // rows appended while the verification read get their new columns too (those it read are in its report)
  if (checkpoint.filled_through !== undefined) topUpAppendedRows(ctx);
  thawRun(ctx.services, ctx.spreadsheet, checkpoint, ctx.logger);
  ctx.spreadsheet.setMetadata(SCHEMA_VERSION_KEY, ctx.spec.toVersion);
  if (checkpoint.trigger || firing) removeResumeTriggers(ctx.services, checkpoint.spreadsheet_id, firing);
  const entry = historyEntry(ctx, 'done');
  const chain = readChain(ctx.store.all());
  const chainGoesOn = chain !== null && indexOf(chain.target) > indexOf(ctx.spec.id);
  // the notice is recorded with the outcome, then sent: never twice (./notice.ts)
  const to = chainGoesOn ? null : noticeRecipient(ctx.services, ctx.config, ctx.unattended);
  if (to) entry.notice = { to, at: ctx.nowIso() };
  ctx.store.batch(() => {
    appendHistory(ctx.store, ctx.store.all(), entry);
    for (const key of checkpointKeys(ctx.store.all())) {
      if (key !== CHAIN_KEY || !chainGoesOn) ctx.store.delete(key);
    }
  });
  if (to) sendNotice(ctx.services, to, outcomeOf(ctx, 'done'));
  ctx.logger.info(`Run ${checkpoint.run_id} done in ${checkpoint.executions} execution(s).`);
  return statusFromHistory(ctx.spec, ctx.store.all(), ctx.nowIso());
}

function fail(ctx: RunContext, stepName: string, thrown: Error, firing: string | null): Status {
  const checkpoint = ctx.checkpoint;
  const error = thrown instanceof Error ? asStructureChange(ctx, thrown) : thrown;
  const message = error && error.message ? error.message : String(error);
  ctx.logger.error(`Step ${stepName} failed: ${message}`);
  // The protection goes now; a resume of the run protects the sheets again.
  const frozen = checkpoint.freeze !== undefined;
  thawRun(ctx.services, ctx.spreadsheet, checkpoint, ctx.logger);
  if (frozen && !checkpoint.freeze) checkpoint.freeze = { applied: false };
  if (
    ctx.createdThisExecution &&
    kindOf(ctx, stepName) === 'backup' &&
    !checkpoint.backup.file_id &&
    !(error instanceof BackupUnproven)
  ) {
    // The run never changed anything: forget it, so the spreadsheet is exactly as before, and report why.
    ctx.store.batch(() => {
      for (const key of checkpointKeys(ctx.store.all())) ctx.store.delete(key);
    });
    if (checkpoint.trigger || firing) removeResumeTriggers(ctx.services, checkpoint.spreadsheet_id, firing);
    throw new Error(`The migration could not make its backup, so nothing was changed: ${message}`);
  }
  const sheetChanged = checkpoint.steps.some(
    (step) => kindOf(ctx, step.name) === 'add_columns' && step.status === 'done',
  );
  const record = checkpoint.steps.find((step) => step.name === stepName);
  if (record) record.status = 'failed';
  checkpoint.state = 'failed';
  const t = messagesFor(ctx.services.session);
  checkpoint.error = {
    step: stepName,
    message,
    next:
      error instanceof StructureChanged
        ? error.next
        : t(sheetChanged ? 'run_resume_next_fixed' : 'run_resume_next_unchanged', { menu: t('menu_path') }),
  };
  if (checkpoint.trigger || firing) {
    removeResumeTriggers(ctx.services, checkpoint.spreadsheet_id, firing);
    checkpoint.trigger = false;
  }
  const entry = historyEntry(ctx, 'failed');
  const to = noticeRecipient(ctx.services, ctx.config, ctx.unattended);
  if (to) entry.notice = { to, at: ctx.nowIso() };
  ctx.touch();
  ctx.store.batch(() => {
    ctx.commit(ctx.reportIntentAtEnd);
    appendHistory(ctx.store, ctx.store.all(), entry);
  });
  if (to) sendNotice(ctx.services, to, outcomeOf(ctx, 'failed'));
  return statusFromCheckpoint(ctx.spec, checkpoint);
}

function outcomeOf(ctx: RunContext, state: 'done' | 'failed'): RunOutcome {
  const { backup, error } = ctx.checkpoint;
  return {
    migration: ctx.spec.id,
    state,
    spreadsheet: { id: ctx.checkpoint.spreadsheet_id, name: ctx.spreadsheet.name },
    backup: backup.file_id && backup.url ? { name: backup.name, url: backup.url } : null,
    ...(error ? { error } : {}),
  };
}
