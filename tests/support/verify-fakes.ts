// In-memory services for unit tests of the verification: small grids, counted calls, a clock that each read
// moves forward (like the emulator's cost model, much simplified).
import type { Baseline } from '../../src/core/baseline';
import { blockDigests } from '../../src/core/digest';
import type {
  CellValue,
  DriveFile,
  DrivePort,
  Grid,
  KeyValueStore,
  Services,
  SheetDimensions,
  SheetPort,
  SpreadsheetPort,
} from '../../src/core/ports';
import { V3_MIGRATION } from './specs';
import { MemoryCache } from './memory-cache';

export type Calls = Record<string, number>;

function count(calls: Calls, name: string): void {
  calls[name] = (calls[name] ?? 0) + 1;
}

export class FakeSheet implements SheetPort {
  constructor(
    readonly name: string,
    public values: CellValue[][],
    public formulas: string[][],
    private readonly calls: Calls,
    private readonly clock: FakeClock,
    /** How its calls are counted: `<label>.readValues`. */
    private readonly label = name,
  ) {}

  private get lastColumn(): number {
    let last = 0;
    this.values.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (c + 1 > last && (cell !== '' || this.formulas[r]?.[c])) last = c + 1;
      });
    });
    return last;
  }

  dimensions(): SheetDimensions {
    count(this.calls, 'dimensions');
    const lastColumn = this.lastColumn;
    return { lastRow: this.values.length, lastColumn, maxRows: this.values.length, maxColumns: lastColumn };
  }

  extent(): { lastRow: number; lastColumn: number } {
    count(this.calls, 'extent');
    return { lastRow: this.values.length, lastColumn: this.lastColumn };
  }

  private block<T>(grid: T[][], blank: T, row: number, column: number, rows: number, columns: number): T[][] {
    this.clock.advance(200 + rows * columns * 0.0085);
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => grid[row - 1 + r]?.[column - 1 + c] ?? blank),
    );
  }

  readValues(row: number, column: number, rows: number, columns: number): Grid {
    count(this.calls, `${this.label}.readValues`);
    return this.block(this.values, '' as CellValue, row, column, rows, columns);
  }

  readFormulas(row: number, column: number, rows: number, columns: number): string[][] {
    count(this.calls, `${this.label}.readFormulas`);
    return this.block(this.formulas, '', row, column, rows, columns);
  }

  /** A person's edit: no cost, no count. */
  edit(row: number, column: number, value: CellValue, formula = ''): void {
    this.values[row - 1][column - 1] = value;
    if (!this.formulas[row - 1]) this.formulas[row - 1] = [];
    this.formulas[row - 1][column - 1] = formula;
  }

  writeValues(): void {
    throw new Error('verification never writes cells');
  }
  writeFormulas(): void {
    throw new Error('verification never writes cells');
  }
  fill(): void {
    throw new Error('verification never writes cells');
  }
  clear(): void {
    throw new Error('verification never writes cells');
  }
  insertColumnsAfter(): void {
    throw new Error('verification never changes structure');
  }
  deleteColumns(): void {
    throw new Error('verification never changes structure');
  }
  insertRowsAfter(): void {
    throw new Error('verification never changes structure');
  }
  deleteRows(): void {
    throw new Error('verification never changes structure');
  }
}

export class FakeClock {
  constructor(public ms = Date.parse('2026-11-24T12:00:00.000Z')) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  iso(): string {
    return new Date(this.ms).toISOString();
  }
}

export class FakeDrive implements DrivePort {
  files = new Map<string, DriveFile & { folderId: string; text: string; trashed: boolean }>();
  readOnlyFolders = new Set<string>();
  corruptReads = false;
  /** Absent unless a test sets it, so the fallback (opening the backup) is exercised too. */
  fileState?: (id: string) => 'present' | 'trashed' | 'missing';
  private seq = 0;
  constructor(private readonly calls: Calls) {}

  file(id: string): DriveFile | null {
    count(this.calls, 'drive.file');
    const file = this.files.get(id);
    return file && !file.trashed ? file : null;
  }
  parentFolderId(fileId: string): string | null {
    count(this.calls, 'drive.parentFolderId');
    return this.files.get(fileId)?.folderId ?? null;
  }
  assertFolder(): void {
    count(this.calls, 'drive.assertFolder');
  }
  findFileInFolder(folderId: string, name: string): DriveFile | null {
    count(this.calls, 'drive.findFileInFolder');
    return (
      [...this.files.values()].find((f) => f.folderId === folderId && f.name === name && !f.trashed) ?? null
    );
  }
  listFilesInFolder(folderId: string): DriveFile[] {
    count(this.calls, 'drive.listFilesInFolder');
    return [...this.files.values()].filter((f) => f.folderId === folderId && !f.trashed);
  }
  copyFile(): DriveFile {
    throw new Error('verification never copies files');
  }
  createTextFile(folderId: string, name: string, content: string): DriveFile {
    count(this.calls, 'drive.createTextFile');
    if (this.readOnlyFolders.has(folderId)) throw new Error('Access denied: DriveApp.');
    this.seq += 1;
    const id = `text-${this.seq}`;
    const file = {
      id,
      name,
      url: `https://drive.example/${id}`,
      createdAt: '',
      folderId,
      text: content,
      trashed: false,
    };
    this.files.set(id, file);
    return file;
  }
  readText(fileId: string): string {
    count(this.calls, 'drive.readText');
    const text = this.files.get(fileId)?.text ?? '';
    return this.corruptReads ? text.slice(0, 10) : text;
  }
  trash(fileId: string): void {
    count(this.calls, 'drive.trash');
    const file = this.files.get(fileId);
    if (file) file.trashed = true;
  }
}

export class FakeStore implements KeyValueStore {
  data: Record<string, string> = {};
  constructor(private readonly calls: Calls) {}
  getAll(): Record<string, string> {
    count(this.calls, 'properties.getAll');
    return { ...this.data };
  }
  get(key: string): string | null {
    count(this.calls, 'properties.get');
    return this.data[key] ?? null;
  }
  setMany(values: Record<string, string>): void {
    count(this.calls, 'properties.setMany');
    for (const [key, value] of Object.entries(values)) {
      if (value.length > 9 * 1024) throw new Error(`Argument too large: ${key}`);
      this.data[key] = value;
    }
  }
  delete(key: string): void {
    count(this.calls, 'properties.delete');
    delete this.data[key];
  }
}

export interface VerifyWorld {
  calls: Calls;
  clock: FakeClock;
  sheet: FakeSheet;
  backup: FakeSheet;
  drive: FakeDrive;
  properties: FakeStore;
  cache: MemoryCache;
  services: Services;
  baseline: Baseline;
  /** Deletes the backup spreadsheet: opening it then fails as Apps Script does. */
  loseBackup(): void;
}

export const NEW_HEADERS = V3_MIGRATION.newColumns.map((column) => column.header);

/** A small v2.1 sheet: header + `rows` rows of `headers.length` columns, one formula column at the end. */
export function v21Grid(headers: string[], rows: number): { values: CellValue[][]; formulas: string[][] } {
  const values: CellValue[][] = [headers.slice()];
  const formulas: string[][] = [headers.map(() => '')];
  for (let r = 0; r < rows; r += 1) {
    values.push(
      headers.map((_, c) =>
        c === 0 ? r + 1 : c === headers.length - 1 ? (r + 1) * 2 : `R${r + 2}C${c + 1}`,
      ),
    );
    formulas.push(headers.map((_, c) => (c === headers.length - 1 ? `=A${r + 2}*2` : '')));
  }
  return { values, formulas };
}

/**
 * A sheet migrated from `headers` with `rows` data rows, its backup (the v2.1 copy) and the Baseline the engine
 * would have recorded.
 */
export function migratedWorld(headers: string[], rows: number): VerifyWorld {
  const calls: Calls = {};
  const clock = new FakeClock();
  const original = v21Grid(headers, rows);
  const backup = new FakeSheet(
    'Operaciones',
    original.values.map((r) => r.slice()),
    original.formulas.map((r) => r.slice()),
    calls,
    clock,
    'backup',
  );
  const migratedValues = original.values.map((row, i) => [...row, ...(i === 0 ? NEW_HEADERS : ['', '', 0])]);
  const migratedFormulas = original.formulas.map((row) => [...row, '', '', '']);
  const sheet = new FakeSheet('Operaciones', migratedValues, migratedFormulas, calls, clock);
  const drive = new FakeDrive(calls);
  drive.files.set('backup-1', {
    id: 'backup-1',
    name: 'ZEUES v3.0 backup 2026-11-24T12-00-00Z',
    url: 'https://drive.example/backup-1',
    createdAt: '2026-11-24T12:00:00.000Z',
    folderId: 'folder-1',
    text: '',
    trashed: false,
  });
  const properties = new FakeStore(calls);
  const cache = new MemoryCache();
  let backupGone = false;
  const spreadsheet = (id: string, target: FakeSheet): SpreadsheetPort => ({
    id,
    name: id,
    url: `https://docs.example/${id}`,
    sheet: (name) => (name === target.name ? target : null),
    sheetNames: () => [target.name],
    totalCells: () => 0,
    metadata: () => null,
    setMetadata: () => undefined,
    flush: () => undefined,
  });
  const services: Services = {
    clock,
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    spreadsheets: {
      active: () => spreadsheet('ss-1', sheet),
      open: (id) => {
        count(calls, 'spreadsheets.open');
        if (id === 'backup-1' && !backupGone) return spreadsheet(id, backup);
        throw new Error(`Exception: Requested entity was not found (${id}).`);
      },
    },
    drive,
    properties,
    cache,
    lock: { tryLock: () => true, release: () => undefined },
    triggers: { list: () => [], createAfter: () => 'trigger', delete: () => undefined },
    session: { userEmail: () => 'owner@example.com', locale: () => 'en' },
  };
  const dataRows = original.values.slice(1);
  const baseline: Baseline = {
    migration: 'v3.0',
    run_id: 'run-1',
    spreadsheet_id: 'ss-1',
    sheet_name: 'Operaciones',
    data_rows: rows,
    v21_columns: headers.length,
    v21_headers: headers.slice(),
    max_rows: rows + 1,
    max_columns: headers.length,
    columns_added: NEW_HEADERS.slice(),
    backup: {
      file_id: 'backup-1',
      name: 'ZEUES v3.0 backup 2026-11-24T12-00-00Z',
      url: 'https://drive.example/backup-1',
      folder_id: 'folder-1',
      created_at: '2026-11-24T12:00:00.000Z',
    },
    block_digests: blockDigests(dataRows, original.formulas.slice(1), headers.length, 0),
  };
  return {
    calls,
    clock,
    sheet,
    backup,
    drive,
    properties,
    cache,
    services,
    baseline,
    loseBackup: () => {
      backupGone = true;
    },
  };
}

/** Every call made so far, as one number. */
export function totalCalls(calls: Calls): number {
  return Object.values(calls).reduce((sum, n) => sum + n, 0);
}
