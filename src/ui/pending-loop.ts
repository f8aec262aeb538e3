// A rollback or a verification that would pass Apps Script's time limit stops and answers "pending" with how
// far it got; the same call goes on from its checkpoint. The panel makes that call again for the owner, showing
// each answer, until one is finished.
import type { RollbackReport, VerificationReport } from './contract';

export interface PendingProgress {
  done: number;
  total: number;
  /** The rollback's stage (export, restore, verify, other_sheets); absent for a verification. */
  stage?: string;
}

const count = (value: unknown): number => (typeof value === 'number' && value >= 0 ? value : 0);

/** How far a verification still pending got (its checks say `pending`), or null when it is finished. */
export function verificationProgress(report: VerificationReport | null): PendingProgress | null {
  const checks =
    report && report.checks && typeof report.checks === 'object' ? Object.values(report.checks) : [];
  if (!checks.some((check) => check?.pending === true)) return null;
  const withProgress = checks.find((check) => check?.progress && typeof check.progress === 'object');
  const progress = (withProgress?.progress ?? {}) as { done?: unknown; total?: unknown };
  return { done: count(progress.done), total: count(progress.total) };
}

/** How far a rollback still pending got, or null when it is finished. */
export function rollbackProgress(report: RollbackReport | null): PendingProgress | null {
  if (!report || report.pending !== true) return null;
  const progress = report.progress;
  return {
    done: count(progress?.done),
    total: count(progress?.total),
    stage: typeof progress?.stage === 'string' ? progress.stage : undefined,
  };
}

export interface PendingLoop<T> {
  call: () => Promise<T>;
  progressOf: (answer: T) => PendingProgress | null;
  /** Every answer, pending ones included, as it arrives. */
  onAnswer: (answer: T) => void;
  /** Pending answers in a row without progress before the panel stops calling (another execution may hold it). */
  maxCallsWithoutProgress?: number;
}

/**
 * Calls until an answer is finished and returns it; or returns the last pending answer after
 * `maxCallsWithoutProgress` calls that got no further. A call that fails rejects, as the call itself would.
 */
export async function callWhilePending<T>(loop: PendingLoop<T>): Promise<T> {
  const patience = loop.maxCallsWithoutProgress ?? 3;
  let last = '';
  let idle = 0;
  for (;;) {
    const answer = await loop.call();
    loop.onAnswer(answer);
    const progress = loop.progressOf(answer);
    if (!progress) return answer;
    const now = JSON.stringify(progress);
    idle = now === last ? idle + 1 : 0;
    last = now;
    if (idle >= patience) return answer;
  }
}
