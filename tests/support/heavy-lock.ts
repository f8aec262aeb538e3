import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Two heavy test files (tests/support/heavy-files.js) at once would take the suite past its 1.5 GB memory budget,
// so the test environment runs each inside this lock: a directory (mkdir is atomic) holding the pid of the worker
// that owns it, shared by the workers of one jest run (named after their parent, the jest process). A lock whose
// owner died (a worker killed mid-file) is taken over; a lock held past `maxWaitMs` is an error naming it.

export interface HeavyLockOptions {
  dir?: string;
  pollMs?: number;
  maxWaitMs?: number;
}

/** Where the workers of this jest run meet: one directory per parent process. */
export function heavyLockDir(): string {
  return path.join(os.tmpdir(), `sheet-migrator-heavy-tests-${process.ppid}`);
}

function ownerAlive(dir: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
  } catch {
    return true; // just made, its pid not written yet
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(dir: string): boolean {
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (ownerAlive(dir)) return false;
    fs.rmSync(dir, { recursive: true, force: true });
    return tryTake(dir);
  }
  fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
  return true;
}

/** Waits for the lock and takes it; the function returned gives it back. */
export async function acquireHeavyLock(options: HeavyLockOptions = {}): Promise<() => void> {
  const dir = options.dir ?? heavyLockDir();
  const pollMs = options.pollMs ?? 100;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  const started = Date.now();
  while (!tryTake(dir)) {
    if (Date.now() - started > maxWaitMs) {
      throw new Error(
        `A heavy test file waited ${Math.round(maxWaitMs / 1000)} s for ${dir}, held by a live process. ` +
          `If no other jest run is going on, remove that directory and run the tests again.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
