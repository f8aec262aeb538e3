// The document lock, one way for every entry point (CONTRACT.md "Locking"): migration slices, verification,
// rollback and settings all wait the same time for it and, when another execution holds it, say the same thing.
import type { MessageKey, Translate } from '../messages';
import type { LockPort } from '../ports';

/**
 * How long an entry point waits for the document lock. Long enough to outlast another execution's short critical
 * section (a settings write, a status read under the lock), short against a sidebar call's patience.
 */
export const LOCK_WAIT_MS = 3000;

/** What to do once the lock is free, by entry point. */
export type BusyThen = 'status' | 'start' | 'verify' | 'rollback' | 'settings';

const THEN: Record<BusyThen, MessageKey> = {
  status: 'busy_then_status',
  start: 'busy_then_start',
  verify: 'busy_then_verify',
  rollback: 'busy_then_rollback',
  settings: 'busy_then_settings',
};

/** Why nothing was done, followed by what to do, in the owner's language. */
export function busyMessage(t: Translate, then: BusyThen): string {
  return t('busy', { then: t(THEN[then]) });
}

/** Runs `body` holding the document lock; when the lock is busy, returns `busy()` instead (which may throw). */
export function withDocumentLock<T>(lock: LockPort, body: () => T, busy: () => T): T {
  if (!lock.tryLock(LOCK_WAIT_MS)) return busy();
  try {
    return body();
  } finally {
    lock.release();
  }
}
