import type { LockPort } from '../core/ports';

/** The document lock, fetched on first use so executions that never lock pay nothing for it. */
export function gasDocumentLock(): LockPort {
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  const get = (): GoogleAppsScript.Lock.Lock => {
    if (lock === null) {
      lock = LockService.getDocumentLock();
      if (!lock) throw new Error('No document lock: the add-on must run inside a spreadsheet.');
    }
    return lock;
  };
  return {
    tryLock: (timeoutMs) => get().tryLock(timeoutMs),
    release: () => get().releaseLock(),
  };
}
