import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MainIO } from '../../rehearse/main';
import type { RehearsalWorld } from '../../rehearse/world';

export interface Captured {
  io: MainIO;
  stdout: () => string;
  stderr: () => string;
}

/** IO for main(): captures the output; the world factory defaults to one that fails the test if used. */
export function capture(world?: () => Promise<RehearsalWorld>, cwd?: string): Captured {
  let out = '';
  let err = '';
  const io: MainIO = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    build: false,
    cwd,
    world:
      world ??
      (() => {
        throw new Error('the emulator must not be started for this input');
      }),
  };
  return { io, stdout: () => out, stderr: () => err };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
