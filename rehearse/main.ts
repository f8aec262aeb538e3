// `npm start [-- <file.xlsx> [options]]`: rehearse the migration locally with the built bundle in the emulator.
// Exit codes (also in --help and the README): 0 success; 1 the migration or a verification failed, or the workbook
// given to --verify-only is not migrated; 2 nothing was rehearsed (bad input, a limit, a blocked plan, the build).

import fs from 'node:fs';
import path from 'node:path';
import type { Options } from './args';
import { USAGE, parseArgs } from './args';
import { ensureBuilt } from './build';
import { BadInput, EXIT } from './errors';
import type { Checked } from './load';
import { loadIntoWorld, readChecked } from './load';
import { notCarriedText } from './not-carried';
import { outputPaths, prepareFolder, writeReport } from './outputs';
import { costText, summaryText } from './print';
import type { Output } from './progress';
import type { Execution, RehearsalResult } from './rehearsal';
import { blockingOf, rehearse } from './rehearsal';
import { verifyOnly } from './verify-only';
import type { VerifyOnlyResult } from './verify-only';
import type { RehearsalWorld, WorldSettings } from './world';
import { REPO_ROOT, createWorld } from './world';
import { writeWorkbook } from './xlsx-write';
import { OPERACIONES_SHEET } from './zeues-schema';

export interface MainIO {
  stdout: Output;
  stderr: Output;
  /** Folder relative paths are resolved from (default: where npm was run, INIT_CWD, else the process's). */
  cwd?: string;
  /** Build dist/ first when it is stale (default true; --no-build turns it off). A function replaces the build. */
  build?: boolean | (() => string | null);
  world?: (settings: WorldSettings) => Promise<RehearsalWorld>;
  /** The real time (default: the machine's clock). */
  clock?: () => Date;
}

/** Thrown when dist/ cannot be built: nothing was rehearsed, exit 2. */
class BuildFailed extends Error {}

interface Clock {
  start: string;
  pinned: boolean;
}

export async function main(
  argv: readonly string[],
  io: MainIO = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const cwd = io.cwd ?? process.env.INIT_CWD ?? process.cwd();
  const written: string[] = [];
  let createdFolder: string | undefined;
  try {
    const options = parseArgs(argv);
    if (options.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const input = options.file ? path.resolve(cwd, options.file) : undefined;
    const outputs = outputPaths(options, cwd, input);
    if (!options.dryRun)
      createdFolder = prepareFolder(outputs.folder, options.out ? '--out' : 'the output folder');
    const clock: Clock = options.now
      ? { start: options.now, pinned: true }
      : { start: (io.clock?.() ?? new Date()).toISOString(), pinned: false };
    const sheet = options.sheet ?? OPERACIONES_SHEET;
    const checked = await readChecked(input, sheet, options.rows);
    const original = options.verifyOnly ? originalFile(options, cwd, input) : undefined;

    const world = await startWorld(options, io, clock);
    io.stdout.write(`${heading(checked, sheet, options)}\n${clockText(clock)}\n\n`);
    if (checked.notCarried.length > 0) {
      io.stdout.write(`${notCarriedText(checked.notCarried, checked.source)}\n\n`);
    }
    const started = Date.now();
    const ss = loadIntoWorld(world, checked);
    const common = {
      input: input ?? 'embedded sample workbook',
      sheet,
      clock,
      not_carried_over: checked.notCarried,
    };

    if (options.verifyOnly) {
      const result = await verifyOnly(
        world,
        ss,
        {
          sheet,
          configureSheet: options.sheet !== undefined,
          source: checked.source,
          before: checked.before,
        },
        async () => {
          if (!original) return null;
          const reference = await readChecked(original, sheet, undefined);
          return { ss: loadIntoWorld(world, reference), source: original, before: reference.before };
        },
        io.stdout,
      );
      if (result.notMigrated) {
        io.stderr.write(`error: ${result.notMigrated}\n`);
        return EXIT.verificationFailed;
      }
      if (!original) {
        throw new BadInput(
          `--verify-only compares ${checked.source} with the add-on's migration of its v2.1 original: ` +
            'name that workbook with --original FILE (the backup the add-on made, downloaded as .xlsx).',
        );
      }
      writeReport(outputs.report, {
        ...common,
        mode: 'verify-only',
        original,
        ...verifyReport(result),
        totals: world.totals,
      });
      written.push(outputs.report);
      printCost(io.stdout, result.executions, written, Date.now() - started);
      if (!result.passed) io.stderr.write('error: the verification failed (see above)\n');
      return result.passed ? EXIT.ok : EXIT.verificationFailed;
    }

    const mode = options.dryRun ? 'dry-run' : 'migrate';
    const result = await rehearse(
      world,
      ss,
      {
        name: ss.name,
        sheet,
        configureSheet: options.sheet !== undefined,
        mode,
        // The sample shows the whole chain; a file gets what the add-on's Run button would do: the next one.
        target: options.target ?? (input ? undefined : 'latest'),
        rollback: options.rollback,
        before: checked.before,
      },
      io.stdout,
      async (kind, workbook) => {
        const file = kind === 'migrated' ? outputs.migrated : outputs.rolledBack;
        await writeWorkbook(workbook, file);
        written.push(file);
      },
    );
    if (mode === 'migrate') {
      writeReport(outputs.report, {
        ...common,
        mode,
        ...migrationReport(result, options),
        totals: world.totals,
        outputs: [...written],
      });
      written.push(outputs.report);
    }
    printEnding(io.stdout, result, mode, written, Date.now() - started);
    const code = exitCode(result, mode);
    if (code !== EXIT.ok) io.stderr.write(`error: ${failureText(result)}\n`);
    return code;
  } catch (error) {
    if (error instanceof BadInput || error instanceof BuildFailed) {
      io.stderr.write(`error: ${error.message}\n`);
      return EXIT.badInput;
    }
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return EXIT.verificationFailed;
  } finally {
    if (createdFolder && written.length === 0) fs.rmSync(createdFolder, { recursive: true, force: true });
  }
}

async function startWorld(options: Options, io: MainIO, clock: Clock): Promise<RehearsalWorld> {
  if (io.build !== false && !options.noBuild) {
    const build =
      typeof io.build === 'function'
        ? io.build
        : () => ensureBuilt(REPO_ROOT, (line) => io.stderr.write(`${line}\n`));
    const failure = build();
    if (failure) throw new BuildFailed(failure);
  }
  return (io.world ?? createWorld)({ now: clock.start });
}

/** --verify-only's v2.1 original: --original, else `<name>.xlsx` beside `<name>.migrated.xlsx`. */
function originalFile(options: Options, cwd: string, input: string | undefined): string | undefined {
  if (options.original) return path.resolve(cwd, options.original);
  if (!input || !/\.migrated\.xlsx$/i.test(input)) return undefined;
  const sibling = input.replace(/\.migrated\.xlsx$/i, '.xlsx');
  return fs.existsSync(sibling) ? sibling : undefined;
}

function heading(checked: Checked, sheet: string, options: Options): string {
  const spools = checked.before.rows.toLocaleString('en-US');
  const what = options.file ? checked.source : `the sample workbook (${spools} spools)`;
  return `${options.verifyOnly ? 'Verifying' : 'Rehearsing on'} ${what}, sheet "${sheet}"`;
}

function clockText(clock: Clock): string {
  return clock.pinned
    ? `Clock: ${clock.start}, pinned with --now (backup names and report times use it).`
    : `Clock: ${clock.start}, the real time (backup names and report times use it; --now ${clock.start} repeats them).`;
}

function verifyReport(result: VerifyOnlyResult): object {
  return {
    plan: result.plan,
    not_migrated: result.notMigrated ?? null,
    reference: result.reference ?? null,
    comparison: result.comparison ?? null,
    passed: result.passed,
    executions: result.executions,
  };
}

function migrationReport(result: RehearsalResult, options: Options): object {
  return {
    target: result.target ?? null,
    applied: result.applied,
    rollback_mode: options.rollback ?? null,
    before: result.before,
    after: result.after,
    after_rollback: result.afterRollback ?? null,
    plan: result.plan ?? null,
    status: result.status ?? null,
    slices: result.slices,
    executions: result.executions,
    verification: result.verification ?? null,
    rollback: result.rollback ?? null,
    status_after_rollback: result.statusAfterRollback ?? null,
  };
}

function printCost(out: Output, executions: Execution[], written: string[], wallMs: number): void {
  out.write(`${costText(executions)}\n`);
  out.write(`(${(wallMs / 1000).toFixed(1)} s on this machine)\n\n`);
  for (const file of written) out.write(`wrote ${file}\n`);
}

function printEnding(
  out: Output,
  result: RehearsalResult,
  mode: 'migrate' | 'dry-run',
  written: string[],
  wallMs: number,
): void {
  if (mode === 'migrate') {
    out.write(`Before / after (sheet "${result.plan?.sheet.name ?? ''}"):\n`);
    out.write(`${summaryText(result.before, result.after)}\n`);
    if (result.afterRollback) {
      out.write(
        `\nAfter the rollback:\n${summaryText(result.before, result.afterRollback, 'rolled back')}\n`,
      );
    }
    out.write('\n');
  }
  if (mode === 'dry-run') out.write('Dry run: nothing was changed and no file was written.\n\n');
  printCost(out, result.executions, written, wallMs);
}

function exitCode(result: RehearsalResult, mode: 'migrate' | 'dry-run'): number {
  if (mode === 'dry-run') return result.plan && blockingOf(result.plan).length > 0 ? EXIT.badInput : EXIT.ok;
  if (result.status?.state !== 'done' || result.status.migration !== result.target) {
    return EXIT.verificationFailed;
  }
  if (!result.verification?.success) return EXIT.verificationFailed;
  if (result.rollback && !(result.rollback.success && result.rollback.verification.passed)) {
    return EXIT.verificationFailed;
  }
  return EXIT.ok;
}

function failureText(result: RehearsalResult): string {
  if (result.plan && blockingOf(result.plan).length > 0) {
    return `the migration cannot start: ${blockingOf(result.plan).join('; ')}`;
  }
  if (result.status && result.status.state !== 'done') {
    const cause = result.status.error
      ? `: step ${result.status.error.step}: ${result.status.error.message}`
      : '';
    return `the migration ended ${result.status.state}${cause}`;
  }
  if (result.status && result.status.migration !== result.target) {
    return `the chain stopped after ${result.status.migration}, before its target ${result.target}`;
  }
  if (result.verification && !result.verification.success) {
    const failed = Object.keys(result.verification.checks).filter(
      (name) => !result.verification?.checks[name]?.passed,
    );
    return `verification failed: ${failed.join(', ') || result.verification.errors.join('; ')}`;
  }
  if (result.rollback)
    return `the rollback (${result.rollback.mode}) failed: ${result.rollback.errors.join('; ')}`;
  return 'the rehearsal failed';
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
