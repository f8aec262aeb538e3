// The services the core needs, as small interfaces. src/gas/ implements them with Apps Script;
// tests may implement them in memory. Every method that talks to Apps Script is one round trip or a
// fixed, documented number of them: the core plans its work in blocks with that in mind.

/** A cell as Apps Script returns it from getValues(): date-formatted cells come back as Date objects. */
export type CellValue = string | number | boolean | Date;
export type Grid = CellValue[][];

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface SheetDimensions {
  /** Last row / column holding content (0 when the sheet is empty). */
  lastRow: number;
  lastColumn: number;
  /** Grid size, empty cells included: what counts against the 10M-cell limit. */
  maxRows: number;
  maxColumns: number;
}

export interface SheetPort {
  readonly name: string;
  /** 4 round trips. */
  dimensions(): SheetDimensions;
  /** Last row and column holding content: 2 round trips. */
  extent?(): { lastRow: number; lastColumn: number };
  /** Last row holding content: 1 round trip. */
  lastRow?(): number;
  /** Columns of the grid, empty ones included: 1 round trip. */
  maxColumns?(): number;
  /**
   * Throws the platform's permission error when the user may not edit the sheet (view access only, or a sheet
   * protection that leaves them out), without writing any cell. About four round trips.
   */
  assertEditable?(): void;
  /** Values of a block; 1-based row and column. One round trip. */
  readValues(row: number, column: number, rows: number, columns: number): Grid;
  /** Formulas of a block ('' where a cell holds no formula). One round trip. */
  readFormulas(row: number, column: number, rows: number, columns: number): string[][];
  /** Values of rows 1..lastRow x columns 1..lastColumn (one cell when the sheet is empty): 2 round trips. */
  readDataRange?(): Grid;
  /** Formulas of the same block as the last readDataRange(): one round trip. */
  readDataRangeFormulas?(): string[][];
  /** One round trip. */
  writeValues(row: number, column: number, values: Grid): void;
  /** Formulas where the string starts with '=', values elsewhere; one round trip per call. */
  writeFormulas(row: number, column: number, formulas: string[][]): void;
  /** Sets every cell of the block to one value. One round trip. */
  fill(row: number, column: number, rows: number, columns: number, value: CellValue): void;
  /** Empties the contents of a block. One round trip. */
  clear(row: number, column: number, rows: number, columns: number): void;
  insertColumnsAfter(afterColumn: number, count: number): void;
  deleteColumns(column: number, count: number): void;
  insertRowsAfter(afterRow: number, count: number): void;
  deleteRows(row: number, count: number): void;
}

export interface SpreadsheetPort {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  sheet(name: string): SheetPort | null;
  sheetNames(): string[];
  /** Grid cells of every sheet (empty ones included): 2 round trips per sheet. */
  totalCells(): number;
  /** Grid size of every sheet, in tab order: 2 round trips per sheet. */
  gridSizes?(): { name: string; maxRows: number; maxColumns: number }[];
  /** Adds a sheet (Sheets' default grid: 1000 rows x 26 columns) at the end of the tabs. One round trip. */
  insertSheet?(name: string): SheetPort;
  /** Deletes a sheet by name (nothing when there is none). Two round trips. */
  deleteSheet?(name: string): void;
  /**
   * The description of a sheet's whole-sheet protection, '' when it has none set, or null when the sheet is not
   * protected. Two round trips.
   */
  sheetProtection?(sheetName: string): string | null;
  /**
   * Protects a whole sheet (Sheet.protect(): a protection it already has is reused) with `description`, the
   * effective user as its only editor (other editors removed, domain edit off). About 7 round trips.
   */
  protectSheet?(sheetName: string, description: string): void;
  /**
   * Removes a sheet's whole-sheet protection when `ours(description)` says it is ours; whether one was removed.
   * Two or three round trips.
   */
  unprotectSheet?(sheetName: string, ours: (description: string) => boolean): boolean;
  /** Spreadsheet-level developer metadata. */
  metadata(key: string): string | null;
  setMetadata(key: string, value: string): void;
  /** Commits pending writes. */
  flush(): void;
}

export interface SpreadsheetsPort {
  /** The spreadsheet the user has open, or null (time-driven trigger). */
  active(): SpreadsheetPort | null;
  open(id: string): SpreadsheetPort;
}

export interface DriveFile {
  id: string;
  name: string;
  url: string;
  createdAt: string;
}

export interface DrivePort {
  file(id: string): DriveFile | null;
  /** The first parent folder of a file, or null (a file in no folder the user can see). */
  parentFolderId(fileId: string): string | null;
  /** Throws an Error whose message names the folder when it does not exist, cannot be opened or is in the trash. */
  assertFolder(folderId: string): void;
  findFileInFolder(folderId: string, name: string): DriveFile | null;
  listFilesInFolder(folderId: string): DriveFile[];
  /** `createdAt` of the copy (and of a created file) is the time of the call. */
  copyFile(fileId: string, name: string, folderId: string): DriveFile;
  createTextFile(folderId: string, name: string, content: string, mimeType: string): DriveFile;
  readText(fileId: string): string;
  /** Whether a file exists and is out of the trash, without reading its details: 2 round trips. */
  fileState?(id: string): 'present' | 'trashed' | 'missing';
  /**
   * The file of that name in the folder (a write repeated after a crash), or else a new one with `content`; and
   * its text read back through Drive. About 8 round trips, where find + create + read cost 11.
   */
  findOrCreateTextFile?(
    folderId: string,
    name: string,
    content: string,
    mimeType: string,
  ): { id: string; url: string; created: boolean; text: string };
  /** Whether the user may add files to the folder (false: view or comment access only). */
  canAddFiles?(folderId: string): boolean;
  trash(fileId: string): void;
}

/** A string store: document properties. */
export interface KeyValueStore {
  getAll(): Record<string, string>;
  get(key: string): string | null;
  setMany(values: Record<string, string>): void;
  delete(key: string): void;
  /** Writes `values` and deletes every other key, in one round trip. */
  replaceAll?(values: Record<string, string>): void;
}

export interface CachePort {
  get(key: string): string | null;
  put(key: string, value: string, seconds: number): void;
  remove(key: string): void;
  /** Several keys in one round trip; missing keys are absent from the result. */
  getAll?(keys: string[]): Record<string, string>;
  /** Several entries in one round trip. */
  putAll?(values: Record<string, string>, seconds: number): void;
}

export interface LockPort {
  tryLock(timeoutMs: number): boolean;
  release(): void;
}

export interface TriggerPort {
  /** Ids of the time-driven triggers calling `handler`. */
  list(handler: string): string[];
  /** Creates a one-off time-driven trigger; returns its id. */
  createAfter(handler: string, delayMs: number): string;
  delete(id: string): void;
  /** Every trigger of this user in this project, of any kind (Apps Script allows 20). One round trip. */
  count?(): number;
}

export interface SessionPort {
  userEmail(): string;
  locale(): string;
}

/** Mail to the account the script runs as: the owner who started the run (its trigger runs as them). */
export interface MailPort {
  /** That account's address, '' when Apps Script does not give it. */
  ownerAddress(): string;
  send(message: { to: string; subject: string; body: string }): void;
}

/**
 * Everything an entry point hands to the core. `spreadsheets.active()` is the spreadsheet the execution works
 * on: the open one, or in a time-driven trigger (no active spreadsheet) the one opened by its stored id.
 */
export interface Services {
  clock: Clock;
  logger: Logger;
  spreadsheets: SpreadsheetsPort;
  drive: DrivePort;
  properties: KeyValueStore;
  cache: CachePort;
  lock: LockPort;
  triggers: TriggerPort;
  session: SessionPort;
  /** The user's own store (outlives documents): where a trigger finds the spreadsheet it resumes. */
  userProperties?: KeyValueStore;
  mail?: MailPort;
}
