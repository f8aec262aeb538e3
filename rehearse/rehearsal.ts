// One rehearsal: load the workbook into an emulated spreadsheet, then drive the built bundle's entry points the
// way the sidebar does (plan, start, continue slice after slice, verify, optionally roll back), printing as it goes.

import type { RollbackMode } from './args';
import type { Plan, RollbackReport, Status, VerificationReport } from './contract';
import { BadInput } from './errors';
import type { SheetSummary } from './print';
import { planText, rollbackText, verificationText } from './print';
import type { Output } from './progress';
import { ProgressBoard } from './progress';
import type { CellValue, SheetModel, WorkbookModel } from './workbook';
import type { EmulatedSpreadsheet, RehearsalWorld } from './world';

export type Mode = 'migrate' | 'dry-run' | 'verify-only';

export interface RehearsalInput {
  workbook: WorkbookModel;
  /** The sheet to migrate. */
  sheet: string;
  /** Store `sheet` as the add-on's target_sheet setting before planning. */
  configureSheet: boolean;
  mode: Mode;
  rollback?: RollbackMode;
}

/** One execution of an entry point and what it cost in Apps Script terms (the emulator's model). */
export interface Execution {
  function: string;
  roundTrips: number;
  virtualMs: number;
}

export interface RehearsalResult {
  executions: Execution[];
  plan?: Plan;
  status?: Status;
  slices: number;
  verification?: VerificationReport;
  rollback?: RollbackReport;
  statusAfterRollback?: Status;
  before: SheetSummary;
  after: SheetSummary;
  afterRollback?: SheetSummary;
  /** The workbook right after the migration (and its verification). */
  migrated?: WorkbookModel;
  /** The workbook after the rollback. */
  rolledBack?: WorkbookModel;
}

/** More slices than this means the run is not making progress. */
const MAX_SLICES = 500;

// Texts of the platform's limits (emulator/errors.ts reproduces them): hitting one is a property of the input.
const LIMIT_ERRORS = [/above the limit of/, /more than the maximum of \d+ characters/];

export function isLimitError(message: string): boolean {
  return LIMIT_ERRORS.some((pattern) => pattern.test(message));
}

export function rehearse(world: RehearsalWorld, input: RehearsalInput, out: Output): RehearsalResult {
  const ss = createSpreadsheet(world, input.workbook);
  const empty: SheetSummary = { rows: 0, columns: 0, headers: [], schemaVersion: null };
  const result: RehearsalResult = { slices: 0, executions: [], before: empty, after: empty };
  const call = <T>(name: string, args: unknown[] = []): T => {
    const before = { roundTrips: world.totals.roundTrips, virtualMs: world.totals.virtualMs };
    try {
      return world.call(name, args, { activeSpreadsheet: ss.id }) as T;
    } catch (error) {
      const message = (error as Error).message;
      if (isLimitError(message)) throw new BadInput(`the workbook hits a Google Sheets limit: ${message}`);
      throw new Error(`${name}() failed: ${message}`);
    } finally {
      result.executions.push({
        function: name,
        roundTrips: world.totals.roundTrips - before.roundTrips,
        virtualMs: world.totals.virtualMs - before.virtualMs,
      });
    }
  };
  const print = (text: string) => out.write(`${text}\n\n`);

  const initial = summarize(ss, input.sheet);
  result.before = initial;
  result.after = initial;
  if (input.configureSheet) call('setMigrationConfig', [{ target_sheet: input.sheet }]);

  // --verify-only runs the same migration but shows only its verification (and writes only the report).
  const quiet = input.mode === 'verify-only';
  const silent: Output = { write: () => undefined };
  result.plan = call<Plan>('previewMigration');
  if (!quiet) print(planText(result.plan));
  if (input.mode === 'dry-run') return result;
  if (result.plan.blocking.length > 0) {
    throw new BadInput(`the migration cannot start: ${result.plan.blocking.join('; ')}`);
  }

  const progress = quiet ? silent : out;
  progress.write('Migration:\n');
  const board = new ProgressBoard(progress);
  let status = call<Status>('startMigration');
  result.slices = 1;
  board.update(status);
  while (status.state === 'running' || status.state === 'paused') {
    if (result.slices >= MAX_SLICES) {
      board.close();
      throw new Error(`the run was still ${status.state} after ${MAX_SLICES} slices`);
    }
    status = call<Status>('continueMigration');
    result.slices += 1;
    board.update(status);
  }
  board.close();
  result.status = status;
  out.write(`  migration ${status.state} after ${result.slices} execution${result.slices === 1 ? '' : 's'}`);
  out.write(status.backup ? `; backup "${status.backup.name}"\n\n` : '\n\n');
  if (status.state !== 'done') {
    if (status.error) print(`  step ${status.error.step} failed: ${status.error.message}`);
    result.after = summarize(ss, input.sheet);
    return result;
  }

  result.verification = call<VerificationReport>('verifyMigration');
  print(verificationText(result.verification));
  result.after = summarize(ss, input.sheet);
  if (quiet) return result;
  result.migrated = exportWorkbook(ss, input.workbook);

  if (input.rollback) {
    result.rollback = call<RollbackReport>('rollbackMigration', [{ mode: input.rollback, confirm: true }]);
    print(rollbackText(result.rollback));
    result.statusAfterRollback = call<Status>('getMigrationStatus');
    result.afterRollback = summarize(ss, input.sheet);
    result.rolledBack = exportWorkbook(ss, input.workbook);
  }
  return result;
}

function createSpreadsheet(world: RehearsalWorld, workbook: WorkbookModel): EmulatedSpreadsheet {
  try {
    return world.createSpreadsheet(workbook);
  } catch (error) {
    const message = (error as Error).message;
    if (isLimitError(message)) {
      throw new BadInput(`the workbook cannot be loaded as a Google spreadsheet: ${message}`);
    }
    throw error;
  }
}

function summarize(ss: EmulatedSpreadsheet, sheetName: string): SheetSummary {
  const sheet = ss.sheetNames().includes(sheetName) ? ss.sheet(sheetName) : null;
  const header = sheet && sheet.lastRow > 0 ? sheet.values()[0] : [];
  return {
    rows: sheet ? Math.max(0, sheet.lastRow - 1) : 0,
    columns: sheet ? sheet.lastColumn : 0,
    headers: header.map((h) => String(h ?? '')),
    schemaVersion: ss.metadata('schema_version'),
  };
}

function cell(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  // Dates made inside the bundle's vm context are not `instanceof Date` here (see the team brief).
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Every sheet of the emulated spreadsheet (including any the add-on added), as a model the .xlsx writer takes. */
export function exportWorkbook(ss: EmulatedSpreadsheet, input: WorkbookModel): WorkbookModel {
  const sheets = ss.sheetNames().map((name): SheetModel => {
    const sheet = ss.sheet(name);
    const values = sheet.values().map((row) => row.map(cell));
    const formulas = sheet.formulas().map((row) => row.map((f) => (f ? f : null)));
    const model: SheetModel = { name, values, maxRows: sheet.maxRows, maxColumns: sheet.maxColumns };
    if (formulas.some((row) => row.some((f) => f !== null))) model.formulas = formulas;
    if (sheet.frozenRows > 0) model.frozenRows = sheet.frozenRows;
    return model;
  });
  return { name: input.name, sheets };
}
