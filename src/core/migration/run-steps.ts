// The steps of one run, in order, until done or out of time, and how the slice ends: paused (with its resume
// trigger, or waiting for its owner), done (history entry, schema_version, checkpoints cleared) or failed (with
// what to do next); an unattended outcome is mailed to the owner.
import { CHAIN_KEY, SCHEMA_VERSION_KEY } from '../state/keys';
import { appendHistory } from '../history';
import type { HistoryEntry, Status, StepRecord } from '../contract';
import { messagesFor } from '../messages';
import { BackupUnproven } from './backup';
import { checkpointKeys, readBaseline } from './checkpoint';
import { indexOf, readChain } from './chain';
import type { RunContext } from './context';
import { applyFreeze, thawRun } from './freeze';
import type { PauseRequest } from './live';
import { noticeRecipient, sendNotice, type RunOutcome } from './notice';
import { ownerPausedMessage } from './pause';
import { plain, statusFromCheckpoint, statusFromHistory } from './status';
import { STEPS, kindOf } from './steps';
import { runPhases } from '../slice/phases';
import { StructureChanged, asStructureChange } from './structure-watch';
import { topUpAppendedRows } from './top-up';
import { ensureResumeTrigger, removeResumeTriggers } from '../slice/trigger';

export function runSteps(ctx: RunContext, firing: string | null): Status {
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
    const commit = () => {
      ctx.touch();
      ctx.commit();
    };
    applyFreeze(ctx.spreadsheet, checkpoint, ctx.plan, ctx.logger, commit, messagesFor(ctx.services.session));
    // The steps are the run's phases: the next one is the first not done, and a step's end is its record done.
    const next = () => {
      const record = checkpoint.steps.find((step) => step.status !== 'done' && step.status !== 'skipped');
      return record ? record.name : null;
    };
    const outcome = runPhases(next, (name) => {
      const record = checkpoint.steps.find((step) => step.name === name) as StepRecord;
      current = name;
      ctx.rowsRemaining = null;
      if (record.status !== 'running') {
        record.status = 'running';
        record.started_at = ctx.nowIso();
        ctx.touch();
      }
      if (STEPS[kindOf(ctx, name)](ctx) === 'paused') return 'paused';
      record.status = 'done';
      record.completed_at = ctx.nowIso();
      ctx.touch();
      ctx.logger.info(`Step ${name} done.`);
      return 'done';
    });
    return outcome === 'paused' ? pause(ctx, firing) : finish(ctx, firing);
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
    throw new Error(messagesFor(ctx.services.session)('backup_failed', { message }));
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
