// One rehearsal on a workbook already loaded into an emulated spreadsheet: drive the built bundle's entry points
// the way the sidebar does (plan, start, continue slice after slice, verify, optionally roll back), printing as it
// goes and handing each resulting workbook to `save` as soon as it exists (the next step changes the sheet).

import type { RollbackMode } from './args';
import type { Plan, RollbackReport, Status, VerificationReport } from './contract';
import { BadInput } from './errors';
import type { SheetSummary } from './print';
import { planText, rollbackText, verificationText } from './print';
import type { Output } from './progress';
import { ChainProgress } from './progress';
import type { CellValue, SheetModel } from './workbook';
import type { EmulatedSpreadsheet, RehearsalWorld } from './world';
import type { WorkbookSource } from './xlsx-write';

export type Mode = 'migrate' | 'dry-run' | 'verify-only';

export interface RehearsalInput {
  /** The workbook's name, given to the workbooks written from it. */
  name: string;
  /** The sheet to migrate. */
  sheet: string;
  /** Store `sheet` as the add-on's target_sheet setting before planning. */
  configureSheet: boolean;
  mode: 'migrate' | 'dry-run';
  /** Migrate up to this migration ('latest': the chain's newest); undefined = the next pending one only. */
  target?: string;
  rollback?: RollbackMode;
  /** The target sheet as loaded (summarized from the workbook, which is cheaper than reading the sheet back). */
  before: SheetSummary;
}

export type Save = (kind: 'migrated' | 'rolledBack', workbook: WorkbookSource) => Promise<void>;

/** One execution of an entry point and what it cost in Apps Script terms (the emulator's model). */
export interface Execution {
  function: string;
  roundTrips: number;
  virtualMs: number;
}

export interface RehearsalResult {
  executions: Execution[];
  plan?: Plan;
  /** The migration the run went up to (the next pending one when no target was given). */
  target?: string;
  /** The migrations this rehearsal applied, in order. */
  applied: string[];
  status?: Status;
  slices: number;
  verification?: VerificationReport;
  rollback?: RollbackReport;
  statusAfterRollback?: Status;
  before: SheetSummary;
  after: SheetSummary;
  afterRollback?: SheetSummary;
}

/** More slices than this means the run is not making progress. */
const MAX_SLICES = 500;

// Texts of the platform's limits (emulator/errors.ts reproduces them): hitting one is a property of the input.
const LIMIT_ERRORS = [/above the limit of/, /more than the maximum of \d+ characters/];

export function isLimitError(message: string): boolean {
  return LIMIT_ERRORS.some((pattern) => pattern.test(message));
}

export type Call = <T>(name: string, args?: unknown[]) => T;

/** Calls entry points with `ss` as the active spreadsheet, recording each execution's cost in `executions`. */
export function caller(world: RehearsalWorld, ss: EmulatedSpreadsheet, executions: Execution[]): Call {
  return <T>(name: string, args: unknown[] = []): T => {
    const before = { roundTrips: world.totals.roundTrips, virtualMs: world.totals.virtualMs };
    try {
      return world.call(name, args, { activeSpreadsheet: ss.id }) as T;
    } catch (error) {
      const message = (error as Error).message;
      if (isLimitError(message)) throw new BadInput(`the workbook hits a Google Sheets limit: ${message}`);
      throw new Error(`${name}() failed: ${message}`);
    } finally {
      executions.push({
        function: name,
        roundTrips: world.totals.roundTrips - before.roundTrips,
        virtualMs: world.totals.virtualMs - before.virtualMs,
      });
    }
  };
}

const silent: Output = { write: () => undefined };

/**
 * start + continue until the run (each run of a chain in turn) is done, failed or rolled back; returns the final
 * status, the slice count and the migrations that reached `done`.
 */
export function runToEnd(
  call: Call,
  progress: Output,
  chain: readonly string[],
  target?: string,
): { status: Status; slices: number; applied: string[] } {
  const board = new ChainProgress(progress, chain);
  let status = call<Status>('startMigration', target ? [{ target }] : []);
  let slices = 1;
  board.update(status);
  while (status.state === 'running' || status.state === 'paused') {
    if (slices >= MAX_SLICES) {
      board.close();
      throw new Error(`the run was still ${status.state} after ${MAX_SLICES} slices`);
    }
    status = call<Status>('continueMigration');
    slices += 1;
    board.update(status);
  }
  board.close();
  return { status, slices, applied: board.applied };
}

/** The target to pass to the add-on: 'latest' is the newest migration the bundle knows. */
function resolveTarget(call: Call, target: string | undefined): string | undefined {
  if (target !== 'latest') return target;
  return call<{ latest: string }>('getSchemaInfo').latest;
}

/** Every migration up to the target must be able to run: a later one over a limit would stop the chain halfway. */
export function blockingOf(plan: Plan): string[] {
  return [
    ...plan.blocking,
    ...(plan.then ?? []).flatMap((later) =>
      later.blocking.map((reason) => `then ${later.migration}: ${reason}`),
    ),
  ];
}

export async function rehearse(
  world: RehearsalWorld,
  ss: EmulatedSpreadsheet,
  input: RehearsalInput,
  out: Output,
  save: Save,
): Promise<RehearsalResult> {
  const result: RehearsalResult = {
    slices: 0,
    executions: [],
    applied: [],
    before: input.before,
    after: input.before,
  };
  const call = caller(world, ss, result.executions);
  const print = (text: string) => out.write(`${text}\n\n`);

  if (input.configureSheet) call('setMigrationConfig', [{ target_sheet: input.sheet }]);
  const target = resolveTarget(call, input.target);
  result.plan = call<Plan>('previewMigration', target ? [{ target }] : []);
  result.target = target ?? result.plan.migration;
  print(planText(result.plan));
  if (input.mode === 'dry-run') return result;
  const blocking = blockingOf(result.plan);
  if (blocking.length > 0) {
    throw new BadInput(`the migration cannot start: ${blocking.join('; ')}`);
  }

  const chain = [result.plan.migration, ...(result.plan.then ?? []).map((later) => later.migration)];
  const { status, slices, applied } = runToEnd(call, out, chain, target);
  result.status = status;
  result.slices = slices;
  result.applied = applied;
  const runs = applied.length > 1 ? `${applied.join(', ')} ` : '';
  out.write(`  migration ${runs}${status.state} after ${slices} execution${slices === 1 ? '' : 's'}`);
  out.write(status.backup ? `; backup "${status.backup.name}"\n\n` : '\n\n');
  if (status.state !== 'done') {
    if (status.error) print(`  step ${status.error.step} failed: ${status.error.message}`);
    result.after = summarize(ss, input.sheet);
    return result;
  }

  result.verification = call<VerificationReport>('verifyMigration');
  print(verificationText(result.verification));
  const summary = (sheet: SheetModel) =>
    sheet.name === input.sheet ? summaryOf(sheet, ss.metadata('schema_version')) : null;
  await save(
    'migrated',
    exportWorkbook(ss, input.name, (sheet) => (result.after = summary(sheet) ?? result.after)),
  );

  if (input.rollback) {
    result.rollback = call<RollbackReport>('rollbackMigration', [{ mode: input.rollback, confirm: true }]);
    print(rollbackText(result.rollback));
    result.statusAfterRollback = call<Status>('getMigrationStatus');
    await save(
      'rolledBack',
      exportWorkbook(
        ss,
        input.name,
        (sheet) => (result.afterRollback = summary(sheet) ?? result.afterRollback),
      ),
    );
  }
  return result;
}

export { silent };

/** Rows, columns (up to the last one holding a value) and headers of a sheet's data. */
export function summaryOf(sheet: SheetModel, schemaVersion: string | null): SheetSummary {
  let lastRow = sheet.values.length;
  const empty = (v: CellValue) => v === '' || v === null || v === undefined;
  while (lastRow > 0 && sheet.values[lastRow - 1].every(empty)) lastRow -= 1;
  let columns = 0;
  for (let r = 0; r < lastRow; r++) {
    const row = sheet.values[r];
    for (let c = row.length - 1; c >= columns; c--) {
      if (!empty(row[c])) {
        columns = c + 1;
        break;
      }
    }
  }
  return {
    rows: Math.max(0, lastRow - 1),
    columns,
    headers: (sheet.values[0] ?? []).slice(0, columns).map((h) => String(h ?? '')),
    schemaVersion,
  };
}

/** The summary of a sheet read back from the emulated spreadsheet (a full read: for the ends of failed runs). */
export function summarize(ss: EmulatedSpreadsheet, sheetName: string): SheetSummary {
  if (!ss.sheetNames().includes(sheetName)) {
    return { rows: 0, columns: 0, headers: [], schemaVersion: ss.metadata('schema_version') };
  }
  return summaryOf(exportSheet(ss, sheetName), ss.metadata('schema_version'));
}

function cell(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  // Dates made inside the bundle's vm context are not `instanceof Date` here (see the team brief).
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** One sheet of the emulated spreadsheet as the .xlsx writer takes it. */
export function exportSheet(ss: EmulatedSpreadsheet, name: string): SheetModel {
  const sheet = ss.sheet(name);
  const values = sheet.values();
  for (const row of values) for (let c = 0; c < row.length; c++) row[c] = cell(row[c]);
  const formulas = sheet.formulas();
  let hasFormula = false;
  for (const row of formulas) {
    for (let c = 0; c < row.length; c++) {
      if (row[c]) hasFormula = true;
      else row[c] = null;
    }
  }
  const model: SheetModel = {
    name,
    values: values as CellValue[][],
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
  };
  if (hasFormula) model.formulas = formulas;
  if (sheet.frozenRows > 0) model.frozenRows = sheet.frozenRows;
  if (sheet.hidden) model.hidden = true;
  return model;
}

/**
 * Every sheet of the emulated spreadsheet (including any the add-on added), read one at a time as the writer
 * asks for it, so that only one sheet's copy is in memory at once.
 */
export function exportWorkbook(
  ss: EmulatedSpreadsheet,
  name: string,
  onSheet: (sheet: SheetModel) => void = () => undefined,
): WorkbookSource {
  const names = ss.sheetNames();
  return {
    name,
    sheets: {
      *[Symbol.iterator]() {
        for (const sheetName of names) {
          const sheet = exportSheet(ss, sheetName);
          onSheet(sheet);
          yield sheet;
        }
      },
    },
  };
}
