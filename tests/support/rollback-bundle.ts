// Migrated worlds for the rollback's bundle tests: the sample ZEUES workbook, migrated by the BUILT bundle's
// startMigration in the emulator, plus what the app writes afterwards.
import { World } from '../../emulator';
import type { SpreadsheetModel } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { forked } from './world-fork';

export const SHEET = 'Operaciones';
export const ADDED = ['Ocupado_Por', 'Fecha_Ocupacion', 'version'];
export const DAY = 24 * 60 * 60 * 1000;

export interface Original {
  values: unknown[][];
  formulas: string[][];
  maxRows: number;
  maxColumns: number;
  sheetId: number;
  frozenRows: number;
}

export interface MigratedWorld {
  world: World;
  ss: SpreadsheetModel;
  original: Original;
  as: { activeSpreadsheet: string };
}

const built = new Map<string, MigratedWorld>();

/** A world whose sample workbook the bundle has migrated: migrated once per test file and size, then forked. */
export function migratedWorld(rows = 40): MigratedWorld {
  return forked(
    built,
    String(rows),
    () => migrate(rows),
    (template, world) => ({
      world,
      ss: world.spreadsheet(template.ss.id),
      original: structuredClone(template.original),
      as: { ...template.as },
    }),
  );
}

/** The target sheet as it is now: what a full rollback must give back. */
export function originalOf(ss: SpreadsheetModel): Original {
  const sheet = ss.sheet(SHEET);
  return {
    values: sheet.values(),
    formulas: sheet.formulas(),
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    sheetId: sheet.sheetId,
    frozenRows: sheet.frozenRows,
  };
}

function migrate(rows: number): MigratedWorld {
  const world = new World();
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows }));
  const original = originalOf(ss);
  const as = { activeSpreadsheet: ss.id };
  const status = world.call('startMigration', [{}], as) as { state: string };
  if (status.state !== 'done') throw new Error(`the migration did not complete: ${JSON.stringify(status)}`);
  return { world, ss, original, as };
}

export function columnOf(ss: SpreadsheetModel, header: string): number {
  const column = ss.sheet(SHEET).row(1).indexOf(header) + 1;
  if (column === 0) throw new Error(`no column ${header}`);
  return column;
}

/** What the app does after the migration: occupies two spools and bumps their versions. */
export function appWrites(ss: SpreadsheetModel): { row: number; key: unknown }[] {
  const sheet = ss.sheet(SHEET);
  const tag = columnOf(ss, 'TAG_SPOOL');
  sheet.setValues(3, columnOf(ss, 'Ocupado_Por'), [['MR(93)', '24-11-2026 09:15:00', 3]]);
  sheet.setValues(7, columnOf(ss, 'version'), [[1]]);
  const values = sheet.values();
  return [3, 7].map((row) => ({ row, key: values[row - 1][tag - 1] }));
}

/** Values with formula cells blanked: the emulator, unlike Sheets, does not recalculate a written formula. */
export function valuesBesideFormulas(values: unknown[][], formulas: string[][]): unknown[][] {
  return values.map((line, r) => line.map((value, c) => (formulas[r]?.[c] ? '' : value)));
}

/** A world snapshot with times masked: a resumed rollback happens later than a clean one. */
export function masked(snapshot: unknown): string {
  return JSON.stringify(snapshot).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z/g, '<time>');
}

/**
 * A `rows`-row sample sheet in `world`, migrated through as many calls as it takes, then given a 30-second time
 * budget: its rollbacks and verifications take several executions.
 */
export function migratedForLongWork(world: World, rows = 20_000): Omit<MigratedWorld, 'world'> {
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows }));
  const original = originalOf(ss);
  const as = { activeSpreadsheet: ss.id };
  let status = world.call('startMigration', [{}], as) as { state: string };
  for (let i = 0; i < 20 && status.state !== 'done'; i += 1)
    status = world.call('continueMigration', [], as) as { state: string };
  if (status.state !== 'done') throw new Error(`the migration did not finish: ${status.state}`);
  world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], as);
  return { ss, original, as };
}
