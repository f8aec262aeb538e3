// The part of the emulator (emulator/index.ts) the rehearsal uses, and how it is loaded: on demand, so that
// --help and bad input are answered before the emulator and the bundle are touched.

import path from 'node:path';
import type { WorkbookModel } from './workbook';

export interface EmulatedSheet {
  values(): unknown[][];
  /** '' (or null) where a cell has no formula. */
  formulas(): (string | null)[][];
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  hidden: boolean;
}

export interface EmulatedSpreadsheet {
  id: string;
  name: string;
  /** Throws when there is no such sheet. */
  sheet(name: string): EmulatedSheet;
  sheetNames(): string[];
  metadata(key: string): string | null;
}

export interface RehearsalWorld {
  createSpreadsheet(spec: WorkbookModel): EmulatedSpreadsheet;
  call(functionName: string, args: unknown[], options: { activeSpreadsheet: string }): unknown;
  readonly totals: { roundTrips: number; virtualMs: number };
}

export const REPO_ROOT = path.resolve(__dirname, '..');

export interface WorldSettings {
  /** ISO time the emulator's clock starts at (backup names, report times). */
  now: string;
  distDir?: string;
}

export async function createWorld(settings: WorldSettings): Promise<RehearsalWorld> {
  const { World } = await import('../emulator');
  const world: RehearsalWorld = new World({
    distDir: settings.distDir ?? path.join(REPO_ROOT, 'dist'),
    now: settings.now,
  });
  return world;
}
