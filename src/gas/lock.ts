import type { LockPort } from '../core/ports';

export function gasDocumentLock(): LockPort {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error('No document lock: the add-on must run inside a spreadsheet.');
  return {
    tryLock: (timeoutMs) => lock.tryLock(timeoutMs),
    release: () => lock.releaseLock(),
  };
}
