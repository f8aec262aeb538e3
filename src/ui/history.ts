// History entries as the sidebar shows them. The server may add fields over time: unknown ones are ignored,
// missing ones become '—'.
import type { HistoryEntry } from './contract';

export type HistoryKind = 'migration' | 'rollback' | 'verification' | 'other';
export type Outcome = 'success' | 'failure' | 'state' | 'unknown';

export interface HistoryRow {
  kind: HistoryKind;
  runId: string | null;
  outcome: Outcome;
  state: string | null;
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

export function toHistoryRow(raw: unknown): HistoryRow {
  const entry: HistoryEntry =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as HistoryEntry) : {};
  const kind =
    entry.kind === 'migration' || entry.kind === 'rollback' || entry.kind === 'verification'
      ? entry.kind
      : 'other';
  const state = str(entry.state);
  let outcome: Outcome = 'unknown';
  if (typeof entry.success === 'boolean') outcome = entry.success ? 'success' : 'failure';
  else if (state) outcome = 'state';
  const backup =
    entry.backup && typeof entry.backup === 'object' ? (entry.backup as Record<string, unknown>) : {};
  return {
    kind,
    runId: str(entry.run_id),
    outcome,
    state,
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
