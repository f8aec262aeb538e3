import path from 'node:path';
import { format, inspect } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import NodeEnvironment from 'jest-environment-node';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import { acquireHeavyLock } from './heavy-lock';
import { isHeavy } from './heavy-files';

// The jest environment of every test file: console output is held back and printed only when a test fails (its
// own output, plus what describe bodies and hooks printed before it), so a passing run shows the summary and a
// failing one shows its figures and logs next to the failure. SHOW_LOGS=1 prints everything as it comes.
// A heavy test file (tests/support/heavy-files.js) runs inside the heavy-file lock: never two at once.

/**
 * A worker whose heap is this large when its next file starts (the last file's module registry is gone by then)
 * collects its garbage first: the memory a 150,000-row world held goes back to the system instead of staying with
 * the worker while the other one runs the next heavy file.
 */
const COLLECT_ABOVE_BYTES = 250 * 1024 * 1024;

/**
 * Full collections in a row. The last file's worlds live in vm contexts (the bundle's) inside a vm context
 * (jest's), and a context is freed only by a collection after the one that found it unreachable: measured after
 * tests/bundle/live/large-run, the heap went 456 -> 286 -> 286 -> 12 MB over three collections (the worker's RSS
 * from 490 to 175 MB), and a fourth freed nothing more.
 */
const COLLECTIONS = 3;

/** Collects until the last file's contexts are gone; V8 gives freed pages back. `gc` is exposed on demand. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  for (let i = 0; i < COLLECTIONS; i++) gc();
}

const HELD = ['log', 'info', 'warn', 'error', 'debug', 'dir', 'table', 'trace'] as const;

interface Entry {
  method: string;
  text: string;
  origin: string;
}

/** The first stack frame outside this file: where the test called console. */
function callSite(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const outside = frames.find((line) => !line.includes('quiet-environment'));
  const place = outside?.match(/\(?([^()\s]+:\d+):\d+\)?\s*$/)?.[1];
  return place ? path.relative(process.cwd(), place) : 'an unknown place';
}

export default class QuietEnvironment extends NodeEnvironment {
  private real: Console | undefined;
  /** Output outside tests (describe bodies, beforeAll/afterAll): printed with the next failure, if any. */
  private outside: Entry[] = [];
  private current: Entry[] = [];
  private inTest = false;
  private readonly heavy: boolean;
  private releaseHeavy: (() => void) | null = null;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.heavy = isHeavy(context.testPath);
  }

  async setup(): Promise<void> {
    await super.setup();
    if (process.memoryUsage().heapUsed > COLLECT_ABOVE_BYTES) collectGarbage();
    if (this.heavy) this.releaseHeavy = await acquireHeavyLock();
  }

  async teardown(): Promise<void> {
    await super.teardown();
    this.releaseHeavy?.();
    this.releaseHeavy = null;
  }

  handleTestEvent(event: Circus.Event, state: Circus.State): void {
    switch (event.name) {
      case 'setup':
        if (process.env.SHOW_LOGS !== '1') this.holdConsole();
        break;
      case 'test_start':
        this.inTest = true;
        this.current = [];
        break;
      case 'test_done':
        this.inTest = false;
        if (event.test.errors.length > 0) this.print(`the failing test "${fullName(event.test)}"`);
        this.current = [];
        break;
      case 'hook_failure':
        this.print(`the failing ${event.hook.type} hook`);
        break;
      case 'run_finish':
        if (state.unhandledErrors.length > 0) this.print('the error outside any test');
        break;
      default:
        break;
    }
  }

  private holdConsole(): void {
    this.real = this.global.console as Console;
    const held = Object.create(this.real) as Record<string, unknown>;
    for (const method of HELD) {
      held[method] = (...args: unknown[]) => {
        const text =
          method === 'dir' || method === 'table' ? inspect(args[0], { depth: 4 }) : format(...args);
        (this.inTest ? this.current : this.outside).push({ method, text, origin: callSite() });
      };
    }
    this.global.console = held as unknown as Console;
  }

  private print(reason: string): void {
    const pending = [...this.outside, ...this.current];
    this.outside = [];
    this.current = [];
    if (!this.real || pending.length === 0) return;
    const blocks = pending.map((e) => `console.${e.method} at ${e.origin}\n${e.text.replace(/^/gm, '  ')}`);
    this.real.log(`Console output held back until ${reason}:\n\n${blocks.join('\n\n')}`);
  }
}

function fullName(test: Circus.TestEntry): string {
  const names = [test.name];
  let block: Circus.DescribeBlock | undefined = test.parent;
  while (block && block.name !== 'ROOT_DESCRIBE_BLOCK') {
    names.unshift(block.name);
    block = block.parent;
  }
  return names.join(' › ');
}
