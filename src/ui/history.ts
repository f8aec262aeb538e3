// History entries as the panel shows them. The server may add fields over time: unknown ones are ignored,
// missing ones become '—'.
import type { HistoryEntry } from './contract';
import { outcomeOf, type Outcome } from './labels';

export type HistoryKind = 'migration' | 'rollback' | 'verification' | 'cleanup' | 'other';

export interface HistoryRow {
  kind: HistoryKind;
  migration: string | null;
  runId: string | null;
  outcome: Outcome | null;
  startedAt: string | null;
  completedAt: string | null;
  backupName: string | null;
  backupUrl: string | null;
  error: string | null;
}

function str(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function errorText(value: unknown): string | null {
  if (typeof value === 'string') return value || null;
  if (Array.isArray(value))
    return (
      value
        .map((v) => errorText(v))
        .filter(Boolean)
        .join(' ') || null
    );
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const message = str(o.message);
    const step = str(o.step);
    if (message) return step ? `${step}: ${message}` : message;
  }
  return null;
}

/** Only http(s) links are made clickable; anything else (javascript:, data:) is not a link. */
export function safeUrl(value: unknown): string | null {
  const url = str(value);
  return url && /^https?:\/\//i.test(url) ? url : null;
}

const KINDS: HistoryKind[] = ['migration', 'rollback', 'verification', 'cleanup'];

export function toHistoryRow(raw: unknown): HistoryRow {
  const entry: HistoryEntry =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as HistoryEntry) : {};
  const kind = KINDS.find((k) => k === entry.kind) ?? 'other';
  const backup =
    entry.backup && typeof entry.backup === 'object' ? (entry.backup as Record<string, unknown>) : {};
  return {
    kind,
    migration: str(entry.migration),
    runId: str(entry.run_id),
    outcome: outcomeOf(entry),
    startedAt: str(entry.started_at),
    completedAt: str(entry.completed_at),
    backupName: str(backup.name),
    backupUrl: safeUrl(backup.url),
    error: errorText(entry.error),
  };
}

export function toHistoryRows(raw: unknown): HistoryRow[] {
  return Array.isArray(raw) ? raw.map(toHistoryRow) : [];
}
