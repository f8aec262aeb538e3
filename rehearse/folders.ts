import fs from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p` that fails instead of spinning: Node's `mkdirSync(p, { recursive: true })` loops for ever at full CPU
 * when the parent exists but refuses children (`/proc/x`: mkdir says ENOENT, the parent says EEXIST). Creates the
 * missing folders one at a time; returns the topmost one it created, or undefined when `folder` existed.
 */
export function makeFolders(folder: string): string | undefined {
  const missing: string[] = [];
  let at = path.resolve(folder);
  while (!fs.existsSync(at)) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const dir of missing) fs.mkdirSync(dir);
  return missing[0];
}
