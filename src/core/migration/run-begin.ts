// The start of a run: the next pending migration of the chain planned from the live sheet (or nothing to do, or a
// target below the schema refused), then the run recorded (plan, checkpoint, the edit check) and its steps begun.
import { CHAIN_KEY, CHECKPOINT_PREFIX, PLAN_KEY, RUN_KEY, SCHEMA_VERSION_KEY } from '../state/keys';
import type { Grid, KeyValueStore, Logger, Services, SpreadsheetPort } from '../ports';
import type { MigrationSpec } from '../migrations/migration-spec';
import { ReadPace, SHARE_OF_TIME_LEFT } from '../slice/read-pace';
import { TimeBudget } from '../slice/budget';
import {
  type Checkpoint,
  MAX_STORE_BYTES,
  checkpointKeys,
  encode,
  newCheckpoint,
  storeBytes,
} from './checkpoint';
import { readConfig } from '../state/config';
import { RunContext } from './context';
import { assertCanEdit, planFromFacts, readPlanFacts, type PlanFacts } from './plan';
import { currentStatus, statusFromHistory } from './status';
import { ExecutionStore } from './store';
import type { MigrationConfig, Status } from '../contract';
import { baseSchema, migrations } from '../migrations/registry';
import { sheetSpec } from '../migrations/sheet-spec';
import type { Migration } from '../migrations/types';
import { alreadyAtStatus, encodeChain, indexOf, likelyNext, readingOf } from './chain';
import { type RunPlan } from './types';
import { SlicePulse } from './live';
import { messagesFor, type Translate } from '../messages';

import { runSteps } from './run-steps';

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** What one slice works with, whichever run of the chain it is in. */
export interface Slice {
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

/** Room the run's own properties need beside what is stored already (checkpoint, plan, baseline, history). */
const RUN_PROPERTY_BYTES = 30 * 1024;

/**
 * Plans the next pending migration up to `target` (the next one only without it) from the live sheet and runs
 * it; or says there is nothing to do (`done`, nothing written) or refuses a target below the current schema.
 * The migration is guessed from the history and confirmed by the headers the plan reads, so the usual case
 * reads the sheet once.
 */
export function beginNext(
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
      messagesFor(services.session)('target_below_schema', { target: goal.id, current: reading.current }),
    );
  }
  if (!next || !goal || indexOf(goal.id) < nextAt) {
    // nothing pending up to the goal
    if (options.force) {
      throw new Error(messagesFor(services.session)('nothing_to_start_over', { current: reading.current }));
    }
    if (options.continuing && store.get(CHAIN_KEY) !== null) store.delete(CHAIN_KEY);
    const reached = goal && indexOf(goal.id) < nextAt ? goal : chain[nextAt - 1];
    const t = messagesFor(services.session);
    return reached ? doneStatus(store.all(), reached, nowIso, t) : currentStatus(store.all(), nowIso, t);
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
function doneStatus(all: Record<string, string>, migration: Migration, nowIso: string, t: Translate): Status {
  const recorded = statusFromHistory(sheetSpec(migration), all, nowIso);
  return recorded.state === 'done' ? recorded : alreadyAtStatus(migration, nowIso, t);
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
    shown.blocking.push(t('properties_full', { kb: Math.round(storeBytes(kept) / 1024) }));
  }
  if (shown.blocking.length === 0) shown.blocking.push(...fallbackBlocking);
  if (shown.blocking.length > 0) {
    throw new Error(t('plan_cannot_start', { reasons: shown.blocking.join(' ') }));
  }
  const formulas = assertCanEdit(spreadsheet, facts, spec, t);
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
      throw new Error(t('properties_quota'));
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

/** A live slice saves its progress and looks for the owner's pause between blocks. */
export function goLive(slice: Slice, ctx: RunContext): void {
  ctx.unattended = slice.unattended;
  if (!slice.live) return;
  const checkpoint = ctx.checkpoint;
  ctx.pulse = new SlicePulse(slice.services.clock, slice.services.cache, slice.rawProperties, () => ({
    run_id: checkpoint.run_id,
    steps: ctx.liveSteps(),
    updated_at: ctx.nowIso(),
  }));
}
