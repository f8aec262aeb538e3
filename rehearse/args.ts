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
  /** ISO time to start the emulator's clock at; undefined = now. */
  now?: string;
  /** --verify-only: the v2.1 workbook the verified one was migrated from. */
  original?: string;
  /** The migration to go up to, e.g. 'v4.0'; undefined = the whole chain on the sample, the next one on a file. */
  target?: string;
  help: boolean;
}

export const USAGE = `Rehearse the migration chain (v3.0, v3.1, v4.0) locally, with the same bundle that runs in Google.

Usage:
  npm start                               rehearse on the embedded ZEUES-shaped sample workbook
  npm start -- <file.xlsx> [options]      rehearse on a workbook downloaded as .xlsx
  npm start -- <migrated.xlsx> --verify-only [--original <v2.1.xlsx>]
                                          verify a workbook that is already migrated, without migrating it

Relative paths start in the folder you run npm start from.

Options:
  --sheet NAME          the sheet to migrate (default: Operaciones)
  --target ID           migrate up to this migration of the chain, each pending one in turn (v3.0, v3.1 or
                        v4.0; default: the whole chain on the sample workbook, the next pending migration on
                        a file, as the add-on's Run button does)
  --dry-run             show the plan only; change nothing, write nothing
  --verify-only         do not migrate: check that the workbook is already migrated (schema v3.0), then
                        compare it cell by cell with the add-on's migration of the v2.1 original and run
                        the add-on's verification on that; writes only the report
  --original FILE       with --verify-only: the v2.1 workbook it was migrated from (default: <name>.xlsx
                        beside <name>.migrated.xlsx, as npm start writes them)
  --rollback full|columns
                        after the run, roll back the newest migration (whole backup, or just the added
                        columns) and verify it
  --out DIR             where to write <name>.migrated.xlsx, <name>.report.json and, with
                        --rollback, <name>.rolled-back.xlsx (default: next to the input, which is
                        never overwritten; ./rehearsal-output for the sample); checked before anything runs
  --rows N              data rows of the sample workbook (default 2500; only without a file)
  --now ISO             start the emulator's clock at this time, e.g. 2026-11-24T12:00:00Z, for output
                        that is the same on every run (default: the real time; backup names and report
                        times come from this clock)
  --no-build            do not rebuild dist/ even if it is older than src/
  -h, --help            show this help

Not carried over: the emulator keeps values, formulas, sheet sizes, frozen rows and hidden sheets. Number
formats, cell formatting, merges, hyperlinks, rich text, typed error values, data validation, conditional
formatting, notes, images, tables and named ranges are not in the migrated .xlsx; a warning lists those the
input has. (In Google Sheets the add-on inserts columns natively and keeps all of them.)

Exit codes:
  0  the migration and its verification passed (--dry-run: the plan has nothing blocking)
  1  the migration or a verification failed, or (--verify-only) the workbook is not migrated
  2  nothing was rehearsed: bad input (file, format, sheet, option, --out), a Google Sheets limit,
     a blocked plan, or dist/ failed to build`;

const VALUE_OPTIONS = new Set([
  '--sheet',
  '--rollback',
  '--out',
  '--rows',
  '--now',
  '--original',
  '--target',
]);

/** A migration id as the chain names them: `v` and a version, e.g. v3.1 (a bare 3.1 is taken as v3.1). */
function migrationId(value: string): string {
  const id = /^\d+\.\d+$/.test(value) ? `v${value}` : value;
  if (!/^v\d+\.\d+$/.test(id)) {
    throw new BadInput(`--target must name a migration such as v3.1, got "${value}".`);
  }
  return id;
}

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
      case '--now':
        options.now = isoTime(value as string);
        break;
      case '--original':
        options.original = value;
        break;
      case '--target':
        options.target = migrationId(value as string);
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
  if (options.target !== undefined && options.verifyOnly) {
    throw new BadInput('--target names the migrations to run: --verify-only runs none, drop one of them.');
  }
  if (options.original !== undefined && !options.verifyOnly) {
    throw new BadInput('--original names the v2.1 workbook to verify against: use it with --verify-only.');
  }
  if (options.rows !== undefined && options.file) {
    throw new BadInput('--rows sizes the sample workbook; it cannot be used with a file.');
  }
  return options;
}

/** `2026-11-24T12:00:00Z` (or with milliseconds or an offset) as a canonical ISO string. */
function isoTime(value: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
  const ms = Date.parse(value);
  if (!iso.test(value) || Number.isNaN(ms)) {
    throw new BadInput(
      `--now must be a date and time with its zone, such as 2026-11-24T12:00:00Z, got "${value}".`,
    );
  }
  return new Date(ms).toISOString();
}
