import { BASELINE_KEY } from '../state/keys';
import type { BackupRef } from '../baseline';
import type { HistoryEntry } from '../contract';
import { appendHistory, readHistory } from '../history';
import type { MigrationConfig } from '../contract';
import type { Clock, DrivePort, KeyValueStore } from '../ports';
import { readCheckpoint } from './checkpoint';
import { daysSince } from './eligibility';

/**
 * Old backups: the backups recorded by migration runs whose recorded completion is older than the rollback
 * window. The backup of a run still inside its window, of a run not finished yet, or of a rollback not finished yet
 * (it restores from and verifies against that backup) is never offered.
 */
export interface OldBackup {
  file_id: string;
  name: string;
  url: string;
  migration_run_id: string;
  days_since_migration: number;
}

function backupOf(entry: HistoryEntry): Partial<BackupRef> | null {
  const baseline = entry.baseline as { backup?: Partial<BackupRef> } | undefined;
  const backup = baseline?.backup ?? (entry.backup as Partial<BackupRef> | undefined);
  return backup && typeof backup.file_id === 'string' ? backup : null;
}

function unfinishedBackupId(all: Record<string, string>): string | null {
  try {
    const baseline = JSON.parse(all[BASELINE_KEY] || 'null') as {
      backup?: { file_id?: unknown };
    } | null;
    return typeof baseline?.backup?.file_id === 'string' ? baseline.backup.file_id : null;
  } catch {
    return null;
  }
}

/** One Drive call per old backup (does it still exist); nothing is changed. */
export function findOldBackups(
  all: Record<string, string>,
  config: MigrationConfig,
  clock: Clock,
  drive: DrivePort,
): OldBackup[] {
  const kept = new Set<string>();
  const unfinished = unfinishedBackupId(all);
  if (unfinished) kept.add(unfinished);
  const rollback = readCheckpoint(all);
  if (rollback) kept.add(rollback.target.backup.file_id);
  const old: { backup: Partial<BackupRef>; runId: string; days: number }[] = [];
  for (const entry of readHistory(all)) {
    if (entry.kind !== 'migration') continue;
    const backup = backupOf(entry);
    const since = entry.completed_at || entry.started_at;
    if (!backup || !since) continue;
    const days = daysSince(since, clock);
    if (days <= config.rollback_window_days) kept.add(backup.file_id as string);
    else old.push({ backup, runId: entry.run_id, days });
  }
  const found: OldBackup[] = [];
  const seen = new Set<string>();
  for (const { backup, runId, days } of old) {
    const id = backup.file_id as string;
    if (kept.has(id) || seen.has(id)) continue;
    seen.add(id);
    const file = drive.file(id);
    if (!file) continue;
    found.push({
      file_id: id,
      name: file.name,
      url: file.url,
      migration_run_id: runId,
      days_since_migration: days,
    });
  }
  return found;
}

/** Trashes the listed backups (trashing one twice is harmless) and records the clean-up in the history. */
export function trashOldBackups(
  backups: OldBackup[],
  drive: DrivePort,
  store: KeyValueStore,
  clock: Clock,
  user: string,
): void {
  const startedAt = new Date(clock.now()).toISOString();
  for (const backup of backups) drive.trash(backup.file_id);
  appendHistory(store, store.getAll(), {
    kind: 'cleanup',
    run_id: `cleanup-${startedAt}`,
    started_at: startedAt,
    completed_at: new Date(clock.now()).toISOString(),
    state: 'done',
    user,
    trashed_count: backups.length,
    trashed: backups.slice(0, 40).map((backup) => ({ file_id: backup.file_id, name: backup.name })),
  });
}
