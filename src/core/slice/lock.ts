// The document lock, one way for every entry point (CONTRACT.md "Locking"): migration slices, verification,
// rollback and settings all wait the same time for it and, when another execution holds it, say the same thing.
import type { LockPort } from '../ports';

/**
 * How long an entry point waits for the document lock. Long enough to outlast another execution's short critical
 * section (a settings write, a status read under the lock), short against a sidebar call's patience.
 */
export const LOCK_WAIT_MS = 3000;

/** Why nothing was done, followed by what to do (`then`, e.g. "check the status again"). */
export function busyMessage(then: string): string {
  return (
    'Another run is in progress on this spreadsheet (a migration, verification or rollback, by someone else or ' +
    `in another tab). Nothing was changed: wait for it to pause or finish, then ${then}.`
  );
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
