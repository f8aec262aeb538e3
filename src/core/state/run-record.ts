import { BASELINE_KEY, RUN_KEY } from './keys';
import type { Baseline } from '../baseline';
import type { HistoryEntry } from '../contract';
import { readHistory } from '../history';

/**
 * The migration run a rollback undoes, read from what the run recorded: its history entry (completed runs)
 * or its `migration.baseline` checkpoint (a run that stopped midway; checkpoints are cleared on success).
 * The window counts from the run's recorded completion, never from a file date.
 */

export interface MigrationRecord {
  run_id: string;
  /** 'done' for a completed run; otherwise the state the run stopped in ('failed', 'paused', ...). */
  state: string;
  completed: boolean;
  /** ISO time the window counts from: the recorded completion, or the last time an unfinished run recorded. */
  since: string;
  baseline: Baseline;
}

export interface RollbackFacts {
  /** The newest migration run that can be rolled back, or null. */
  migration: MigrationRecord | null;
  /** The completed rollback of that run, when it was already rolled back. */
  rolledBack: HistoryEntry | null;
  history: HistoryEntry[];
}

function isBaseline(value: unknown): value is Baseline {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Partial<Baseline>;
  return (
    typeof b.run_id === 'string' &&
    typeof b.sheet_name === 'string' &&
    Array.isArray(b.columns_added) &&
    typeof b.backup === 'object' &&
    b.backup !== null &&
    typeof b.backup.file_id === 'string'
  );
}

function parseBaseline(json: string | undefined): Baseline | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as unknown;
    return isBaseline(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function parseRun(json: string | undefined, runId: string): { state: string; updated_at: string } | null {
  if (!json) return null;
  try {
    const run = JSON.parse(json) as { run_id?: unknown; state?: unknown; updated_at?: unknown };
    if (run.run_id !== runId || typeof run.state !== 'string' || typeof run.updated_at !== 'string')
      return null;
    return { state: run.state, updated_at: run.updated_at };
  } catch {
    return null;
  }
}

function entryTime(entry: HistoryEntry | undefined): string | null {
  if (!entry) return null;
  return entry.completed_at || entry.started_at || null;
}

export function isCompletedRollbackOf(entry: HistoryEntry, migrationRunId: string): boolean {
  return entry.kind === 'rollback' && entry.state === 'done' && entry.migration_run_id === migrationRunId;
}

/** Everything a rollback needs to know about past runs, from one read of the document properties. */
export function readRollbackFacts(all: Record<string, string>): RollbackFacts {
  const history = readHistory(all);
  const migrations = history.filter((entry) => entry.kind === 'migration');
  let migration: MigrationRecord | null = null;

  const unfinished = parseBaseline(all[BASELINE_KEY]);
  if (unfinished) {
    const entry = migrations.find((candidate) => candidate.run_id === unfinished.run_id);
    const run = parseRun(all[RUN_KEY], unfinished.run_id);
    migration = {
      run_id: unfinished.run_id,
      state: run?.state ?? entry?.state ?? 'running',
      completed: false,
      since: run?.updated_at ?? entryTime(entry) ?? unfinished.backup.created_at,
      baseline: unfinished,
    };
  } else {
    // the newest applied migration not rolled back yet: rolling back again goes one migration further back
    const applied = migrations.filter((entry) => entry.state === 'done' && isBaseline(entry.baseline));
    const done =
      applied.find((entry) => !history.some((other) => isCompletedRollbackOf(other, entry.run_id))) ??
      applied[0];
    if (done) {
      migration = {
        run_id: done.run_id,
        state: 'done',
        completed: true,
        since: done.completed_at ?? done.started_at,
        baseline: done.baseline as Baseline,
      };
    }
  }
  const rolledBack = migration
    ? (history.find((entry) => isCompletedRollbackOf(entry, (migration as MigrationRecord).run_id)) ?? null)
    : null;
  return { migration, rolledBack, history };
}
