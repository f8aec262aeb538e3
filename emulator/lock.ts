import { ServiceError, messages } from './errors';
import type { Execution } from './execution';
import { service } from './service';

// LockService: https://developers.google.com/apps-script/reference/lock/lock
// Executions here run one after another; world.lockHeldElsewhere(...) stands for a concurrent execution.

export const MAX_LOCK_WAIT_MS = 300000;

function lockHandle(exec: Execution, key: string): object {
  const elsewhere = () => exec.world.locksHeldElsewhere.has(key);
  const wait = (ms: unknown) => Math.min(Math.max(Number(ms) || 0, 0), MAX_LOCK_WAIT_MS);
  return service(exec, 'Lock', {
    tryLock(timeoutMs: unknown) {
      exec.charge(exec.costs.lockMs);
      if (exec.heldLocks.has(key)) return true;
      if (elsewhere()) {
        exec.charge(wait(timeoutMs));
        return false;
      }
      exec.heldLocks.add(key);
      return true;
    },
    waitLock(timeoutMs: unknown) {
      exec.charge(exec.costs.lockMs);
      if (exec.heldLocks.has(key)) return;
      if (elsewhere()) {
        exec.charge(wait(timeoutMs));
        throw new ServiceError(messages.lockTimeout);
      }
      exec.heldLocks.add(key);
    },
    hasLock: () => exec.heldLocks.has(key),
    releaseLock() {
      exec.heldLocks.delete(key);
    },
  });
}

export function lockService(exec: Execution): object {
  return service(exec, 'LockService', {
    getDocumentLock() {
      const id = exec.options.documentId;
      return id ? lockHandle(exec, `document:${id}`) : null;
    },
    getScriptLock: () => lockHandle(exec, 'script'),
    getUserLock: () => lockHandle(exec, 'user'),
  });
}
