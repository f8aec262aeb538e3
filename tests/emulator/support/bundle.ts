import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { World, type WorldOptions } from '../../../emulator';

/** Writes a small hand-written bundle (file name -> source) into a fresh temp folder; returns the folder. */
export function bundle(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-bundle-'));
  for (const [name, source] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), source);
  return dir;
}

/** A world running the given Code.js source (plus optional extra files). */
export function worldWith(
  code: string,
  options: WorldOptions = {},
  extra: Record<string, string> = {},
): World {
  return new World({ ...options, distDir: bundle({ 'Code.js': code, ...extra }) });
}

/** A one-sheet spreadsheet: header row + n data rows of `columns` columns. */
export function table(rows: number, columns: number): unknown[][] {
  const header = Array.from({ length: columns }, (_, c) => `H${c + 1}`);
  const data = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => `r${r + 2}c${c + 1}`),
  );
  return [header, ...data];
}
