// One progress bar per migration step, drawn from Status.steps[].progress, under a heading per migration of the
// chain. On a terminal the running step's bar is redrawn in place; elsewhere (CI, a pipe) a line is printed each
// time a step moves on.

import type { Status, StepRecord, StepStatus } from './contract';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

const WIDTH = 28;
const MARK: Record<StepStatus, string> = {
  pending: ' ',
  running: '>',
  done: '✓',
  failed: '✗',
  skipped: '-',
};

export function bar(done: number, total: number, width = WIDTH): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

export function stepLine(step: StepRecord, nameWidth = 20): string {
  const { done, total } = step.progress ?? { done: step.status === 'done' ? 1 : 0, total: 1 };
  const counts = step.progress ? ` ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}` : '';
  const share =
    step.status === 'skipped'
      ? ''
      : ` ${String(Math.round((total > 0 ? done / total : 1) * 100)).padStart(3)}%`;
  return `  ${MARK[step.status]} ${step.name.padEnd(nameWidth)} ${bar(done, total)}${share}${counts}  ${step.status}`;
}

function allDone(status: Status): boolean {
  return status.steps.length > 0 && status.steps.every((s) => s.status === 'done' || s.status === 'skipped');
}

export class ProgressBoard {
  private printed = new Map<string, string>();
  private finished = new Set<string>();
  private liveLine = false;

  constructor(private readonly out: Output) {}

  update(status: Status): void {
    const nameWidth = Math.max(...status.steps.map((s) => s.name.length));
    for (const step of status.steps) {
      if (this.finished.has(step.name) || step.status === 'pending') continue;
      const line = stepLine(step, nameWidth);
      const final = step.status !== 'running';
      if (this.out.isTTY) {
        this.out.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
        this.liveLine = !final;
      } else if (final || this.printed.get(step.name) !== line) {
        this.out.write(`${line}\n`);
      }
      this.printed.set(step.name, line);
      if (final) this.finished.add(step.name);
      else break;
    }
  }

  /** Ends a bar left open on a terminal (a run that paused or failed mid-step). */
  close(): void {
    if (this.liveLine) this.out.write('\n');
    this.liveLine = false;
  }
}

/**
 * A ProgressBoard per migration of a chain, each under its heading; `applied` lists those that finished. A
 * migration that started and finished between two statuses (one execution can run several) gets a line saying so.
 */
export class ChainProgress {
  readonly applied: string[] = [];
  private board: ProgressBoard | null = null;
  private migration = '';

  /** `chain`: the migrations the run goes through, in order. */
  constructor(
    private readonly out: Output,
    private readonly chain: readonly string[],
  ) {}

  update(status: Status): void {
    if (!this.board || status.migration !== this.migration) {
      this.board?.close();
      for (const skipped of this.between(this.migration, status.migration)) {
        this.out.write(`Migration ${skipped}: done (in the same execution as the next one)\n`);
        this.applied.push(skipped);
      }
      if (this.migration && !this.applied.includes(this.migration)) this.applied.push(this.migration);
      this.migration = status.migration;
      this.out.write(`Migration ${status.migration}:\n`);
      this.board = new ProgressBoard(this.out);
    }
    this.board.update(status);
    const finished = status.state === 'done' || (status.state === 'paused' && allDone(status));
    if (finished && !this.applied.includes(status.migration)) this.applied.push(status.migration);
  }

  /** Migrations of the chain strictly between the one shown last (or the start) and `next`. */
  private between(last: string, next: string): string[] {
    const from = last ? this.chain.indexOf(last) + 1 : 0;
    const to = this.chain.indexOf(next);
    return to > from ? this.chain.slice(from, to) : [];
  }

  close(): void {
    this.board?.close();
  }
}
