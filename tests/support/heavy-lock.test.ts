// The heavy-file lock (tests/support/heavy-lock.ts) and the order of the files (tests/support/sequencer.js): two
// heavy test files never run at once, and the sequencer spreads them between light ones.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireHeavyLock } from './heavy-lock';
import { isHeavy } from './heavy-files';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const HeavyApartSequencer = require('./sequencer');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heavy-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the heavy-file lock', () => {
  it('is a directory holding the pid of the process that took it, gone once given back', async () => {
    const lock = path.join(dir, 'lock');
    const release = await acquireHeavyLock({ dir: lock });
    expect(fs.readFileSync(path.join(lock, 'pid'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('makes a second taker wait until the first gives it back', async () => {
    const lock = path.join(dir, 'lock');
    const first = await acquireHeavyLock({ dir: lock, pollMs: 5 });
    let secondHas = false;
    const second = acquireHeavyLock({ dir: lock, pollMs: 5 }).then((release) => {
      secondHas = true;
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(secondHas).toBe(false);
    first();
    (await second)();
    expect(secondHas).toBe(true);
  });

  it('is taken over from a process that died holding it', async () => {
    const lock = path.join(dir, 'lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'pid'), dead);
    const release = await acquireHeavyLock({ dir: lock, maxWaitMs: 1000 });
    expect(fs.readFileSync(path.join(lock, 'pid'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('held by a live process past the wait, is an error naming the directory to remove', async () => {
    const lock = path.join(dir, 'lock');
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'pid'), String(process.ppid));
    await expect(acquireHeavyLock({ dir: lock, pollMs: 5, maxWaitMs: 30 })).rejects.toThrow(
      `held by a live process. If no other jest run is going on, remove that directory`,
    );
    expect(fs.existsSync(lock)).toBe(true);
  });
});

describe('the order of the test files', () => {
  const file = (name: string, heavy: boolean) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, `${heavy ? '/** @heavy a big world */\n' : ''}// ${name}\nit('x', () => {});\n`);
    return at;
  };

  it('knows a heavy file by the docblock that opens it, and only there', () => {
    expect(isHeavy(file('h.test.ts', true))).toBe(true);
    expect(isHeavy(file('l.test.ts', false))).toBe(false);
    const later = path.join(dir, 'later.test.ts');
    fs.writeFileSync(later, "// a comment first\n/** @heavy */\nit('x', () => {});\n");
    expect(isHeavy(later)).toBe(false);
  });

  it('puts light files expected to take as long as each heavy file after it', () => {
    const context = { config: { cache: false }, hasteFS: { getSize: () => 1 } };
    const durations: Record<string, number> = { h1: 20000, h2: 10000, h3: 5000 };
    for (let i = 0; i < 20; i += 1) durations[`l${i}`] = 3000;
    const tests = Object.keys(durations).map((name) => ({
      path: file(`${name}.test.ts`, name.startsWith('h')),
      context,
    }));
    const sequencer = new HeavyApartSequencer({ contexts: [], globalConfig: {} });
    sequencer._cache.set(
      context,
      Object.fromEntries(tests.map((t) => [t.path, [0, durations[path.basename(t.path, '.test.ts')]]])),
    );
    const order = (sequencer.sort(tests) as { path: string }[]).map((t) => path.basename(t.path, '.test.ts'));
    expect(order).toHaveLength(23);
    // longest heavy first, then light files adding up to at least its time (7 x 3 s for 20 s), then the next
    const heavyAt = order.map((name, i) => (name.startsWith('h') ? `${name}@${i}` : '')).filter(Boolean);
    expect(heavyAt).toEqual(['h1@0', 'h2@8', 'h3@13']);
  });
});
