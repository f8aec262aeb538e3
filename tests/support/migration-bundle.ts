// Worlds for the migration's bundle tests: the sample ZEUES workbook loaded in the emulator, run through the
// BUILT dist/ bundle.
import { World } from '../../emulator';
import type { SheetModel, SpreadsheetModel, WorldOptions } from '../../emulator';
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

// One pass over the text (the crash sweeps mask a whole world per call): ISO times, then the two stamp forms.
const TIMES =
  /\d{4}-\d{2}-\d{2}(?:(T\d{2}[:-]\d{2}[:-]\d{2}(?:\.\d{3})?Z)| \d{2}\.\d{2}\.\d{2} UTC)|\d{8}T\d{6}Z/g;

/** Sheet JSON with ISO times and the time stamp in backup names masked: a resumed run ends later. */
export function masked(value: unknown): string {
  return JSON.stringify(value).replace(TIMES, (_, iso: string | undefined) => (iso ? '<time>' : '<stamp>'));
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

/** Rows read at a time by rowPrints: a block, never a copy of the whole sheet. */
const PRINT_BLOCK_ROWS = 10_000;

/** Fingerprints of rows, two 32-bit words per row (row r at 2r and 2r + 1): see rowPrints. */
export type RowPrints = Uint32Array;

const numberBits = new Float64Array(1);
const numberWords = new Uint32Array(numberBits.buffer);
/** The two running hashes of printRow. */
const lanes = new Int32Array(2);
// Read once: each `Math` looked up in jest's vm context goes through its global interceptor, 300 times slower.
const imul = Math.imul;

function mix(word: number): void {
  lanes[0] = imul(lanes[0] ^ word, 0x01000193);
  const b = imul(lanes[1] ^ word, 0x5bd1e995);
  lanes[1] = b ^ (b >>> 15);
}

function mixText(text: string): void {
  mix(text.length);
  for (let i = 0; i < text.length; i += 1) mix(text.charCodeAt(i));
}

function mixNumber(n: number): void {
  numberBits[0] = n;
  mix(numberWords[0]);
  mix(numberWords[1]);
}

/**
 * A 64-bit fingerprint (two independent 32-bit multiplicative hashes) of a row's cells, each cell tagged by its
 * type so that 1, '1', true and a Date never print alike; a Date by its time. Written out rather than SHA-1 of
 * JSON: a hash object per row made the 150,000-row test spend seconds fingerprinting.
 */
function printRow(cells: readonly unknown[], out: RowPrints, at: number): void {
  lanes[0] = 0x811c9dc5;
  lanes[1] = 0x9e3779b9;
  for (const cell of cells) {
    if (typeof cell === 'string') {
      mix(1);
      mixText(cell);
    } else if (typeof cell === 'number') {
      mix(2);
      mixNumber(cell);
    } else if (typeof cell === 'boolean') {
      mix(cell ? 3 : 4);
    } else if (typeof cell === 'object' && cell !== null && typeof (cell as Date).getTime === 'function') {
      // typeof, not instanceof: the emulator's Dates come from another realm, and instanceof costs seconds here
      mix(5);
      mixNumber((cell as Date).getTime());
    } else {
      mix(6);
      mixText(String(cell));
    }
  }
  out[at] = lanes[0];
  out[at + 1] = lanes[1];
}

/**
 * One fingerprint per row (rows 1..lastRow) of the sheet's first `columns` columns, read in blocks: what a
 * 150,000-row test keeps of a sheet in place of a copy of its cells (1.2 MB where a copy takes hundreds).
 * Compare two with firstChangedPrint.
 */
export function rowPrints(sheet: SheetModel, columns: number): RowPrints {
  const prints = new Uint32Array(2 * sheet.lastRow);
  for (let row = 1; row <= sheet.lastRow; row += PRINT_BLOCK_ROWS) {
    const block = sheet.block(row, 1, Math.min(PRINT_BLOCK_ROWS, sheet.lastRow - row + 1), columns);
    block.forEach((cells, i) => printRow(cells, prints, 2 * (row - 1 + i)));
  }
  return prints;
}

/** Column `column` (1-based) of rows 1..lastRow, read in blocks. */
export function columnOf(sheet: SheetModel, column: number): unknown[] {
  const cells: unknown[] = [];
  for (let row = 1; row <= sheet.lastRow; row += PRINT_BLOCK_ROWS) {
    const block = sheet.block(row, column, Math.min(PRINT_BLOCK_ROWS, sheet.lastRow - row + 1), 1);
    for (const rowCells of block) cells.push(rowCells[0]);
  }
  return cells;
}

/** The first row index (0-based) whose fingerprints differ, or where one list ends first; -1 when equal. */
export function firstChangedPrint(after: RowPrints, before: RowPrints): number {
  const rows = Math.max(after.length, before.length) / 2;
  for (let r = 0; r < rows; r += 1) {
    if (after[2 * r] !== before[2 * r] || after[2 * r + 1] !== before[2 * r + 1]) return r;
  }
  return -1;
}
