// Builds dist/ when it is missing or older than its sources, so `npm start` always runs the current bundle.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs);
}

export function distIsStale(root: string): boolean {
  const bundle = path.join(root, 'dist', 'Code.js');
  if (!fs.existsSync(bundle)) return true;
  const sources = ['src', 'build.mjs', 'appsscript.json']
    .map((p) => path.join(root, p))
    .filter((p) => fs.existsSync(p));
  return Math.max(...sources.map(newestMtime)) > fs.statSync(bundle).mtimeMs;
}

/** Runs `node build.mjs` when needed; returns an error message, or null when dist/ is ready. */
export function ensureBuilt(root: string, log: (line: string) => void): string | null {
  if (!distIsStale(root)) return null;
  log('Building dist/ (it is missing or older than src/) ...');
  const result = spawnSync(process.execPath, ['build.mjs'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    return `the build failed (node build.mjs, exit ${result.status}):\n${result.stderr || result.stdout}`;
  }
  return null;
}
