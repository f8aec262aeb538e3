// One slice of a run: lock, read the checkpoint (or plan and record a new run), run the steps in order until
// done or out of time, and record the outcome. startMigration, continueMigration and the resume trigger all
// come here.
import { appendHistory } from '../history';
import type { Grid, Services, SpreadsheetPort } from '../ports';
import type { MigrationSpec } from '../spec/migration-spec';
import { PUBLISHED_MS_PER_CELL, ReadPace, SHARE_OF_TIME_LEFT, pacedSpreadsheet } from '../read-pace';
import { TimeBudget } from './budget';
import {
  type Checkpoint,
  MAX_STORE_BYTES,
  PLAN_KEY,
  RUN_KEY,
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
import { assertCanEdit, planFromFacts, readPlanFacts, targetSpreadsheet } from './plan';
import { currentStatus, plain, statusFromCheckpoint, statusFromHistory } from './status';
import { STEPS } from './steps';
import { ExecutionStore } from './store';
import { ensureResumeTrigger, rearmBusyTrigger, removeResumeTriggers } from './trigger';
import type { HistoryEntry, Status, StepName } from '../contract';
import { START_OVER, type RunPlan } from './types';

export type SliceMode =
  { kind: 'start'; force: boolean } | { kind: 'continue' } | { kind: 'trigger'; triggerUid: string | null };

/** How long a slice waits for the document lock before reporting a run in progress. */
export const LOCK_WAIT_MS = 3000;
/** Room the run's own properties need beside what is stored already (checkpoint, plan, baseline, history). */
const RUN_PROPERTY_BYTES = 30 * 1024;

export const IN_PROGRESS =
  'Another migration run is in progress on this spreadsheet (someone else, or another tab). Nothing was ' +
  'changed: wait for it to pause or finish, then check the status again.';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function runSlice(services: Services, spec: MigrationSpec, mode: SliceMode): Status {
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
    const status = currentStatus(spec, all, iso(services.clock.now()));
    if (mode.kind === 'trigger') rearmBusyTrigger(scoped, status.state, spreadsheet.id, mode.triggerUid);
    return plain({ ...status, state: 'running', message: IN_PROGRESS });
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
      saved = null;
    }
    let created = false;
    let values: Grid | null = null;
    let formulas: string[][] | null = null;
    let headers: string[] | null = null;
    let checkpoint: Checkpoint;
    let plan: RunPlan;
    if (saved) {
      checkpoint = saved.checkpoint;
      plan = saved.plan;
      pace.adopt(checkpoint.read_ms_per_cell);
      checkpoint.executions += 1;
    } else {
      if (mode.kind !== 'start') {
        if (mode.kind === 'trigger') removeResumeTriggers(scoped, spreadsheet.id, mode.triggerUid);
        return currentStatus(spec, all, iso(services.clock.now()));
      }
      if (!mode.force) {
        const last = statusFromHistory(spec, all, iso(startMs));
        if (last.state === 'done') return last;
      }
      pace.msPerCell = PUBLISHED_MS_PER_CELL;
      ({ checkpoint, plan, values, formulas, headers } = beginRun(
        scoped,
        store,
        spec,
        startMs,
        spreadsheet,
        pace,
        abandonedTrigger,
      ));
      created = true;
    }
    const firing = mode.kind === 'trigger' ? mode.triggerUid : null;
    const budget = new TimeBudget(services.clock, startMs, config.time_budget_seconds);
    const ctx = new RunContext(
      scoped,
      store,
      spec,
      config,
      spreadsheet,
      plan,
      checkpoint,
      budget,
      logger,
      created,
      pace,
    );
    ctx.planValues = values;
    ctx.planFormulas = formulas;
    ctx.knownHeaders = headers;
    return runSteps(ctx, firing);
  } finally {
    // The lock is not released by hand: Apps Script releases it when the execution ends
    // (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()), and the slice ends here.
    store.releaseAll();
  }
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
): {
  checkpoint: Checkpoint;
  plan: RunPlan;
  values: Grid | null;
  formulas: string[][] | null;
  headers: string[];
} {
  const all = store.all();
  const config = readConfig(all);
  const deadline = startMs + config.time_budget_seconds * 1000;
  const fits = (cells: number): boolean =>
    pace.predictMs(1, cells) <= SHARE_OF_TIME_LEFT * (deadline - services.clock.now());
  const facts = readPlanFacts(services, spreadsheet, spec, config, fits);
  const { plan: shown, run: plan } = planFromFacts(facts, spec, config, startMs);
  const kept = Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith('migration.')));
  if (storeBytes(kept) + RUN_PROPERTY_BYTES > MAX_STORE_BYTES) {
    shown.blocking.push(
      `The document properties are almost full (${Math.round(storeBytes(kept) / 1024)} KB of 500 KB), so the run ` +
        "could not save its checkpoints. Delete old history entries or other add-ons' data, then try again.",
    );
  }
  if (shown.blocking.length > 0) {
    throw new Error(`The migration cannot start. ${shown.blocking.join(' ')}`);
  }
  const formulas = assertCanEdit(spreadsheet, facts, spec, fits);
  const runId = `${spec.id}-${iso(startMs)
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
  const checkpoint = newCheckpoint(spec, plan, runId, iso(startMs));
  checkpoint.trigger = triggerMayExist;
  try {
    store.batch(() => {
      for (const key of checkpointKeys(store.all())) store.delete(key);
      store.setMany({ [PLAN_KEY]: encode(PLAN_KEY, plan), [RUN_KEY]: encode(RUN_KEY, checkpoint) });
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
  let current: StepName = checkpoint.steps[0].name;
  try {
    for (const record of checkpoint.steps) {
      if (record.status === 'done' || record.status === 'skipped') continue;
      current = record.name;
      if (record.status !== 'running') {
        record.status = 'running';
        record.started_at = ctx.nowIso();
        ctx.touch();
      }
      if (STEPS[record.name](ctx) === 'paused') return pause(ctx, firing);
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
  if (baseline) entry.baseline = baseline;
  if (checkpoint.report) entry.report = checkpoint.report;
  return plain(entry);
}

function pause(ctx: RunContext, firing: string | null): Status {
  const checkpoint = ctx.checkpoint;
  checkpoint.state = 'paused';
  checkpoint.trigger = true;
  ctx.touch();
  ctx.commit(ctx.reportIntentAtEnd);
  let message: string | undefined;
  try {
    ensureResumeTrigger(ctx.services, checkpoint.spreadsheet_id, firing, ctx.triggerMayExist);
  } catch (error) {
    message =
      `The run paused but its resume trigger could not be created (${(error as Error).message}). ` +
      'Resume it from the menu (Migration > Resume migration) or keep the migration panel open.';
    ctx.logger.warn(message);
  }
  ctx.logger.info(
    `Paused after ${Math.round(ctx.budget.elapsedMs() / 1000)} s; the run resumes from its checkpoint.`,
  );
  const status = statusFromCheckpoint(ctx.spec, checkpoint);
  return message ? { ...status, message } : status;
}

function finish(ctx: RunContext, firing: string | null): Status {
  const checkpoint = ctx.checkpoint;
  ctx.spreadsheet.setMetadata('schema_version', ctx.spec.id.replace(/^v/, ''));
  if (checkpoint.trigger || firing) removeResumeTriggers(ctx.services, checkpoint.spreadsheet_id, firing);
  const entry = historyEntry(ctx, 'done');
  ctx.store.batch(() => {
    appendHistory(ctx.store, ctx.store.all(), entry);
    for (const key of checkpointKeys(ctx.store.all())) ctx.store.delete(key);
  });
  ctx.logger.info(`Run ${checkpoint.run_id} done in ${checkpoint.executions} execution(s).`);
  return statusFromHistory(ctx.spec, ctx.store.all(), ctx.nowIso());
}

function fail(ctx: RunContext, stepName: StepName, error: Error, firing: string | null): Status {
  const checkpoint = ctx.checkpoint;
  const message = error && error.message ? error.message : String(error);
  ctx.logger.error(`Step ${stepName} failed: ${message}`);
  if (ctx.createdThisExecution && stepName === 'create_backup' && !checkpoint.backup.file_id) {
    // The run never changed anything: forget it, so the spreadsheet is exactly as before, and report why.
    ctx.store.batch(() => {
      for (const key of checkpointKeys(ctx.store.all())) ctx.store.delete(key);
    });
    if (checkpoint.trigger || firing) removeResumeTriggers(ctx.services, checkpoint.spreadsheet_id, firing);
    throw new Error(`The migration could not make its backup, so nothing was changed: ${message}`);
  }
  const sheetChanged = checkpoint.steps.some(
    (step) => step.name === 'add_v3_columns' && step.status === 'done',
  );
  const record = checkpoint.steps.find((step) => step.name === stepName);
  if (record) record.status = 'failed';
  checkpoint.state = 'failed';
  checkpoint.error = {
    step: stepName,
    message,
    next: sheetChanged
      ? 'Fix the cause and resume (Migration > Resume migration), or roll back from the backup.'
      : 'The sheet was not changed. Fix the cause and resume (Migration > Resume migration), or start over with ' +
        `${START_OVER}.`,
  };
  if (checkpoint.trigger || firing) {
    removeResumeTriggers(ctx.services, checkpoint.spreadsheet_id, firing);
    checkpoint.trigger = false;
  }
  const entry = historyEntry(ctx, 'failed');
  ctx.touch();
  ctx.store.batch(() => {
    ctx.commit(ctx.reportIntentAtEnd);
    appendHistory(ctx.store, ctx.store.all(), entry);
  });
  return statusFromCheckpoint(ctx.spec, checkpoint);
}
