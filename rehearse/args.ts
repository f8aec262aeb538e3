import { BadInput } from './errors';

export type RollbackMode = 'full' | 'columns';

export interface Options {
  /** The .xlsx to rehearse on; undefined = the embedded sample workbook. */
  file?: string;
  /** Target sheet; undefined = the add-on's configured default (Operaciones). */
  sheet?: string;
  dryRun: boolean;
  verifyOnly: boolean;
  rollback?: RollbackMode;
  /** Output folder; undefined = next to the input, or ./rehearsal-output for the sample. */
  out?: string;
  /** Data rows of the sample workbook. */
  rows?: number;
  /** Skip rebuilding dist/ even when it is older than src/. */
  noBuild: boolean;
  help: boolean;
}

export const USAGE = `Rehearse the v3.0 migration locally, with the same bundle that runs in Google.

Usage:
  npm start                               rehearse on the embedded ZEUES-shaped sample workbook
  npm start -- <file.xlsx> [options]      rehearse on a workbook downloaded as .xlsx

Options:
  --sheet NAME          the sheet to migrate (default: Operaciones)
  --dry-run             show the plan only; change nothing, write nothing
  --verify-only         migrate without showing the plan and progress, print only the verification
                        and write only the report (no migrated workbook)
  --rollback full|columns
                        after the run, roll back (whole backup, or just the added columns) and verify it
  --out DIR             where to write <name>.migrated.xlsx, <name>.report.json and, with
                        --rollback, <name>.rolled-back.xlsx (default: next to the input, which is
                        never overwritten; ./rehearsal-output for the sample)
  --rows N              data rows of the sample workbook (default 2500; only without a file)
  --no-build            do not rebuild dist/ even if it is older than src/
  -h, --help            show this help

Exit codes: 0 success, 1 migration or verification failed, 2 bad input (file, sheet, option, limits).`;

const VALUE_OPTIONS = new Set(['--sheet', '--rollback', '--out', '--rows']);

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = { dryRun: false, verifyOnly: false, noBuild: false, help: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (VALUE_OPTIONS.has(flag)) {
      value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
        throw new BadInput(`${flag} needs a value. Run with --help for the options.`);
      }
    } else if (eq > 0) {
      throw new BadInput(`${flag} takes no value. Run with --help for the options.`);
    }
    switch (flag) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--dry-run':
        options.dryRun = true;
        break;
      case '--verify-only':
        options.verifyOnly = true;
        break;
      case '--no-build':
        options.noBuild = true;
        break;
      case '--sheet':
        options.sheet = value;
        break;
      case '--out':
        options.out = value;
        break;
      case '--rollback':
        if (value !== 'full' && value !== 'columns') {
          throw new BadInput(`--rollback must be "full" or "columns", got "${value}".`);
        }
        options.rollback = value;
        break;
      case '--rows':
        options.rows = Number(value);
        if (!Number.isInteger(options.rows) || options.rows < 1) {
          throw new BadInput(`--rows must be a positive whole number, got "${value}".`);
        }
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') {
          throw new BadInput(`unknown option ${arg}. Run with --help for the options.`);
        }
        positional.push(arg);
    }
  }
  if (positional.length > 1) {
    throw new BadInput(`one workbook at a time, got ${positional.length}: ${positional.join(', ')}.`);
  }
  options.file = positional[0];
  if (options.dryRun && options.verifyOnly) throw new BadInput('choose one of --dry-run and --verify-only.');
  if (options.rollback && (options.dryRun || options.verifyOnly)) {
    throw new BadInput('--rollback needs a migration to roll back: drop --dry-run / --verify-only.');
  }
  if (options.rows !== undefined && options.file) {
    throw new BadInput('--rows sizes the sample workbook; it cannot be used with a file.');
  }
  return options;
}
