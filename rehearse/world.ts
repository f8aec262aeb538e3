// The part of the emulator (emulator/index.ts) the rehearsal uses, and how it is loaded: on demand, so that
// --help and bad input are answered before the emulator and the bundle are touched.

import path from 'node:path';
import type { WorkbookModel } from './workbook';

export interface EmulatedSheet {
  values(): unknown[][];
  formulas(): (string | null)[][];
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
}

export interface EmulatedSpreadsheet {
  id: string;
  name: string;
  sheet(name: string): EmulatedSheet | null | undefined;
  metadata(key: string): string | null;
}

export interface RehearsalWorld {
  createSpreadsheet(spec: WorkbookModel): EmulatedSpreadsheet;
  call(functionName: string, args: unknown[], options: { activeSpreadsheet: string }): unknown;
  totals: { roundTrips: number; virtualMs: number } & Record<string, unknown>;
}

export const REPO_ROOT = path.resolve(__dirname, '..');

export async function createWorld(distDir = path.join(REPO_ROOT, 'dist')): Promise<RehearsalWorld> {
  const { World } = await import('../emulator');
  return new World({ distDir }) as unknown as RehearsalWorld;
}
