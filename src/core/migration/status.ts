// The Status the sidebar and tests read: from the checkpoint while a run exists, else from the history.
import { readHistory } from '../history';
import { translator, type Translate } from '../messages';
import type { MigrationSpec } from '../migrations/migration-spec';
import type { Checkpoint } from './checkpoint';
import { readCheckpoint } from './checkpoint';
import { indexOf, likelyNext, readChain, specOf } from './chain';
import { applyingRun } from './schema-info';
import { migrationById } from '../migrations/registry';
import { sheetSpec } from '../migrations/sheet-spec';
import { type BackupInfo, type HistoryEntry, type Status, type StepRecord } from '../contract';

function pendingSteps(spec: MigrationSpec): StepRecord[] {
  return spec.steps.map((step) => ({ name: step.name, status: 'pending' }));
}

function backupOf(record: {
  file_id?: string;
  name: string;
  url?: string;
  created_at?: string;
}): BackupInfo | null {
  if (!record.file_id) return null;
  return {
    file_id: record.file_id,
    name: record.name,
    url: record.url ?? '',
    created_at: record.created_at ?? '',
  };
}

/** Drops undefined fields so the value is plain JSON for google.script.run. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function statusFromCheckpoint(spec: MigrationSpec, checkpoint: Checkpoint): Status {
  const status: Status = {
    migration: spec.id,
    run_id: checkpoint.run_id,
    state: checkpoint.state,
    dry_run: false,
    steps: checkpoint.steps.map((step) => ({ ...step })),
    updated_at: checkpoint.updated_at,
  };
  const backup = backupOf(checkpoint.backup);
  if (backup) status.backup = backup;
  if (checkpoint.error) status.error = { ...checkpoint.error };
  return plain(status);
}

/** The newest migration or rollback in the history: what the spreadsheet's state is once checkpoints are gone. */
export function latestRun(all: Record<string, string>, spec: MigrationSpec): HistoryEntry | null {
  return (
    readHistory(all).find(
      (entry) =>
        (entry.kind === 'migration' || entry.kind === 'rollback') && (entry.migration ?? spec.id) === spec.id,
    ) ?? null
  );
}

export function statusFromHistory(spec: MigrationSpec, all: Record<string, string>, nowIso: string): Status {
  const entry = latestRun(all, spec);
  if (entry && entry.kind === 'rollback' && entry.state !== 'failed') {
    return plain({
      migration: spec.id,
      run_id: (entry.migration_run_id as string | undefined) ?? entry.run_id,
      state: 'rolled_back',
      dry_run: false,
      steps: Array.isArray(entry.steps) ? (entry.steps as StepRecord[]) : pendingSteps(spec),
      updated_at: entry.completed_at ?? entry.started_at,
    });
  }
  if (entry && entry.kind === 'migration' && entry.state === 'done') {
    const status: Status = {
      migration: spec.id,
      run_id: entry.run_id,
      state: 'done',
      dry_run: false,
      steps: Array.isArray(entry.steps) ? (entry.steps as StepRecord[]) : pendingSteps(spec),
      updated_at: entry.completed_at ?? entry.started_at,
    };
    const backup = entry.backup as BackupInfo | undefined;
    if (backup && backup.file_id) status.backup = backupOf(backup) as BackupInfo;
    return plain(status);
  }
  return {
    migration: spec.id,
    run_id: null,
    state: 'not_started',
    dry_run: false,
    steps: pendingSteps(spec),
    updated_at: nowIso,
  };
}

/**
 * The status with no side effect, from one read of the document properties: the run in progress; else the next
 * run of a `{target}` chain, paused between two runs; else the newest run or rollback recorded; else the next
 * migration, not started.
 */
export function currentStatus(
  all: Record<string, string>,
  nowIso: string,
  t: Translate = translator('en'),
): Status {
  const saved = readCheckpoint(all, t);
  if (saved) return statusFromCheckpoint(specOf(saved.checkpoint.migration, t), saved.checkpoint);
  const chain = readChain(all);
  const next = likelyNext(all);
  if (chain && indexOf(next.id) <= indexOf(chain.target) && !applyingRun(readHistory(all), next.id)) {
    return {
      migration: next.id,
      run_id: null,
      state: 'paused',
      dry_run: false,
      steps: pendingSteps(sheetSpec(next)),
      updated_at: nowIso,
      message: t('chain_goes_on', { target: chain.target, next: next.id }),
    };
  }
  const latest = readHistory(all).find((entry) => entry.kind === 'migration' || entry.kind === 'rollback');
  const spec = latest && typeof latest.migration === 'string' ? migrationById(latest.migration) : null;
  return statusFromHistory(sheetSpec(spec ?? next), all, nowIso);
}
