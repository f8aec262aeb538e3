// Worlds for the migration's bundle tests: the sample ZEUES workbook loaded in the emulator, run through the
// BUILT dist/ bundle.
import { World } from '../../emulator';
import type { SpreadsheetModel, WorldOptions } from '../../emulator';
import { zeuesWorkbook, type SampleOptions } from '../../rehearse/sample-workbook';
import { forked } from './world-fork';

export const SHEET = 'Operaciones';
export const ADDED = ['Ocupado_Por', 'Fecha_Ocupacion', 'version'];

export interface Fixture {
  world: World;
  ss: SpreadsheetModel;
  as: { activeSpreadsheet: string };
}

export interface Status {
  run_id: string | null;
  state: string;
  steps: { name: string; status: string; progress?: { done: number; total: number } }[];
  backup?: { file_id: string; name: string; url: string; created_at: string };
  error?: { step: string; message: string };
  message?: string;
}

const built = new Map<string, Fixture>();

/** A world holding the sample workbook: built once per test file and options, then forked for each caller. */
export function fixture(sample: SampleOptions = { rows: 60 }, worldOptions: WorldOptions = {}): Fixture {
  return forked(
    built,
    JSON.stringify([sample, worldOptions]),
    () => {
      const world = new World(worldOptions);
      const ss = world.createSpreadsheet(zeuesWorkbook(sample));
      return { world, ss, as: { activeSpreadsheet: ss.id } };
    },
    (template, world) => ({ world, ss: world.spreadsheet(template.ss.id), as: { ...template.as } }),
  );
}

/** Sheet JSON with ISO times and the time stamp in backup names masked: a resumed run ends later. */
export function masked(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}[:-]\d{2}[:-]\d{2}(\.\d{3})?Z/g, '<time>')
    .replace(/\d{8}T\d{6}Z/g, '<stamp>')
    .replace(/\d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2} UTC/g, '<stamp>');
}

/** Runs continueMigration (startMigration when no run was recorded) until the run is done or fails. */
export function driveToEnd(f: Fixture, limit = 20): Status {
  let status = f.world.call('continueMigration', [], f.as) as Status;
  for (let i = 0; i < limit && status.state !== 'done' && status.state !== 'failed'; i += 1) {
    const fn = status.state === 'not_started' ? 'startMigration' : 'continueMigration';
    status = f.world.call(fn, [], f.as) as Status;
  }
  return status;
}

/**
 * The first row (0-based) whose first `columns` cells differ between two sheets' values, or -1. Cell by cell,
 * Dates by their time: a JSON string of a 150,000-row sheet would hold several hundred MB at once.
 */
export function firstChangedRow(after: unknown[][], before: unknown[][], columns: number): number {
  const same = (a: unknown, b: unknown) =>
    a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
  const rows = Math.max(after.length, before.length);
  for (let r = 0; r < rows; r += 1) {
    const a = after[r] ?? [];
    const b = before[r] ?? [];
    for (let c = 0; c < columns; c += 1) if (!same(a[c] ?? '', b[c] ?? '')) return r;
  }
  return -1;
}
