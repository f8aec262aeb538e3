// Where the rehearsal writes: the output folder (checked before anything runs), the file names, the report.

import fs from 'node:fs';
import path from 'node:path';
import type { Options } from './args';
import { BadInput } from './errors';
import { makeFolders } from './folders';

export interface Outputs {
  folder: string;
  migrated: string;
  rolledBack: string;
  report: string;
}

const SAMPLE_FILE_BASE = 'ZEUES-sample';

export function outputPaths(options: Options, cwd: string, input: string | undefined): Outputs {
  const folder = options.out
    ? path.resolve(cwd, options.out)
    : input
      ? path.dirname(input)
      : path.resolve(cwd, 'rehearsal-output');
  const base = input ? path.basename(input).replace(/\.xlsx$/i, '') : SAMPLE_FILE_BASE;
  const outputs = {
    folder,
    migrated: path.join(folder, `${base}.migrated.xlsx`),
    rolledBack: path.join(folder, `${base}.rolled-back.xlsx`),
    report: path.join(folder, `${base}.report.json`),
  };
  if (input && [outputs.migrated, outputs.rolledBack, outputs.report].includes(input)) {
    throw new BadInput(
      `the output would overwrite the input ${input}. Choose another folder with --out DIR.`,
    );
  }
  return outputs;
}

/**
 * Makes sure files can be written in `folder` before any work starts: creates it if needed and writes and
 * deletes a probe file. Returns the top folder it created (to remove again if the rehearsal writes nothing).
 */
export function prepareFolder(folder: string, flag: string): string | undefined {
  let created: string | undefined;
  try {
    if (fs.existsSync(folder)) {
      if (!fs.statSync(folder).isDirectory()) {
        throw new BadInput(`${flag} ${folder} is a file, not a folder. Choose a folder with --out DIR.`);
      }
    } else {
      created = makeFolders(folder);
    }
    const probe = path.join(folder, `.rehearsal-write-check-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.unlinkSync(probe);
    return created;
  } catch (error) {
    if (created) fs.rmSync(created, { recursive: true, force: true });
    if (error instanceof BadInput) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BadInput(
      `cannot write to the output folder ${folder} (${code}). Choose a folder you can write to with --out DIR.`,
    );
  }
}

export function writeReport(file: string, report: object): void {
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
