// `npm start [-- <file.xlsx> [options]]`: rehearse the migration locally with the built bundle in the emulator.
// Exit codes: 0 success, 1 the migration or its verification failed, 2 bad input (see ./errors.ts).

import fs from 'node:fs';
import path from 'node:path';
import type { Options } from './args';
import { USAGE, parseArgs } from './args';
import { ensureBuilt } from './build';
import { BadInput, EXIT } from './errors';
import { costText, summaryText } from './print';
import type { Output } from './progress';
import type { Mode, RehearsalResult } from './rehearsal';
import { rehearse } from './rehearsal';
import { zeuesWorkbook } from './sample-workbook';
import type { WorkbookModel } from './workbook';
import { CELL_LIMIT, gridCells, overCellLimit } from './workbook';
import type { RehearsalWorld } from './world';
import { REPO_ROOT, createWorld } from './world';
import { readWorkbook, writeWorkbook } from './xlsx-io';
import { OPERACIONES_SHEET } from './zeues-schema';

export interface MainIO {
  stdout: Output;
  stderr: Output;
  /** Folder relative paths are resolved from (default: the process's). */
  cwd?: string;
  /** Build dist/ first when it is stale (default true; --no-build turns it off). */
  build?: boolean;
  world?: () => Promise<RehearsalWorld>;
}

const SAMPLE_NAME = 'ZEUES';
const SAMPLE_FILE_BASE = 'ZEUES-sample';

interface Outputs {
  migrated: string;
  rolledBack: string;
  report: string;
}

export async function main(
  argv: readonly string[],
  io: MainIO = { stdout: process.stdout, stderr: process.stderr },
) {
  const cwd = io.cwd ?? process.cwd();
  try {
    const options = parseArgs(argv);
    if (options.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const input = options.file ? path.resolve(cwd, options.file) : undefined;
    const workbook = input
      ? await readWorkbook(input)
      : zeuesWorkbook({ rows: options.rows, name: SAMPLE_NAME });
    const sheet = options.sheet ?? OPERACIONES_SHEET;
    checkWorkbook(workbook, sheet, input ?? 'the sample workbook');
    const outputs = outputPaths(options, cwd, input);

    if (io.build !== false && !options.noBuild) {
      const failure = ensureBuilt(REPO_ROOT, (line) => io.stderr.write(`${line}\n`));
      if (failure) {
        io.stderr.write(`error: ${failure}\n`);
        return EXIT.verificationFailed;
      }
    }
    const world = await (io.world ?? createWorld)();
    const mode: Mode = options.dryRun ? 'dry-run' : options.verifyOnly ? 'verify-only' : 'migrate';
    io.stdout.write(
      `Rehearsing on ${input ?? `the sample workbook (${(workbook.sheets[0].values.length - 1).toLocaleString('en-US')} spools)`}, sheet "${sheet}"\n\n`,
    );
    const started = Date.now();
    const result = rehearse(
      world,
      { workbook, sheet, configureSheet: options.sheet !== undefined, mode, rollback: options.rollback },
      io.stdout,
    );

    const written = await writeOutputs(result, mode, outputs, {
      input: input ?? null,
      sheet,
      options,
      world,
    });
    printEnding(io.stdout, result, mode, written, Date.now() - started);
    const code = exitCode(result, mode);
    if (code !== EXIT.ok) io.stderr.write(`error: ${failureText(result)}\n`);
    return code;
  } catch (error) {
    if (error instanceof BadInput) {
      io.stderr.write(`error: ${error.message}\n`);
      return EXIT.badInput;
    }
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return EXIT.verificationFailed;
  }
}

function checkWorkbook(workbook: WorkbookModel, sheet: string, source: string): void {
  if (!workbook.sheets.some((s) => s.name === sheet)) {
    const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
    throw new BadInput(
      `${source} has no sheet named "${sheet}". Sheets in it: ${names}. Choose one with --sheet NAME.`,
    );
  }
  const cells = gridCells(workbook);
  if (cells > CELL_LIMIT) throw new BadInput(overCellLimit(source, cells));
}

function outputPaths(options: Options, cwd: string, input: string | undefined): Outputs {
  const folder = options.out
    ? path.resolve(cwd, options.out)
    : input
      ? path.dirname(input)
      : path.resolve(cwd, 'rehearsal-output');
  const base = input ? path.basename(input).replace(/\.xlsx$/i, '') : SAMPLE_FILE_BASE;
  const outputs = {
    migrated: path.join(folder, `${base}.migrated.xlsx`),
    rolledBack: path.join(folder, `${base}.rolled-back.xlsx`),
    report: path.join(folder, `${base}.report.json`),
  };
  if (input && Object.values(outputs).some((p) => p === input)) {
    throw new BadInput(
      `the output would overwrite the input ${input}. Choose another folder with --out DIR.`,
    );
  }
  if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) {
    throw new BadInput(`--out ${folder} is a file, not a folder.`);
  }
  return outputs;
}

async function writeOutputs(
  result: RehearsalResult,
  mode: Mode,
  outputs: Outputs,
  context: { input: string | null; sheet: string; options: Options; world: RehearsalWorld },
): Promise<string[]> {
  if (mode === 'dry-run') return [];
  const written: string[] = [];
  if (result.migrated) {
    await writeWorkbook(result.migrated, outputs.migrated);
    written.push(outputs.migrated);
  }
  if (result.rolledBack) {
    await writeWorkbook(result.rolledBack, outputs.rolledBack);
    written.push(outputs.rolledBack);
  }
  const report = {
    input: context.input ?? 'embedded sample workbook',
    sheet: context.sheet,
    mode,
    rollback_mode: context.options.rollback ?? null,
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
    totals: context.world.totals,
    outputs: written,
  };
  fs.mkdirSync(path.dirname(outputs.report), { recursive: true });
  fs.writeFileSync(outputs.report, `${JSON.stringify(report, null, 2)}\n`);
  written.push(outputs.report);
  return written;
}

function printEnding(
  out: Output,
  result: RehearsalResult,
  mode: Mode,
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
  out.write(`${costText(result.executions)}\n`);
  out.write(`(${(wallMs / 1000).toFixed(1)} s on this machine)\n\n`);
  for (const file of written) out.write(`wrote ${file}\n`);
}

function exitCode(result: RehearsalResult, mode: Mode): number {
  if (mode === 'dry-run') return result.plan && result.plan.blocking.length > 0 ? EXIT.badInput : EXIT.ok;
  if (result.status?.state !== 'done') return EXIT.verificationFailed;
  if (!result.verification?.success) return EXIT.verificationFailed;
  if (result.rollback && !(result.rollback.success && result.rollback.verification.passed)) {
    return EXIT.verificationFailed;
  }
  return EXIT.ok;
}

function failureText(result: RehearsalResult): string {
  if (result.plan && result.plan.blocking.length > 0) {
    return `the migration cannot start: ${result.plan.blocking.join('; ')}`;
  }
  if (result.status && result.status.state !== 'done') {
    const cause = result.status.error
      ? `: step ${result.status.error.step}: ${result.status.error.message}`
      : '';
    return `the migration ended ${result.status.state}${cause}`;
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
