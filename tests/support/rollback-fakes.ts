// An in-memory spreadsheet world for the rollback's unit tests: every port of src/core/ports.ts over plain
// arrays, each method call counted, and any one call made to throw (failAt) to model an execution dying.
import type {
  CachePort,
  CellValue,
  Clock,
  DriveFile,
  DrivePort,
  Grid,
  KeyValueStore,
  LockPort,
  Logger,
  Services,
  SessionPort,
  SheetDimensions,
  SheetPort,
  SpreadsheetPort,
  SpreadsheetsPort,
  TriggerPort,
} from '../../src/core/ports';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** setValues input as Sheets stores it: '=..' a formula, a leading apostrophe keeps text, numbers parsed. */
function stored(input: CellValue): { value: CellValue; formula: string } {
  if (typeof input !== 'string') return { value: input, formula: '' };
  if (input.length > 1 && input.startsWith('=')) return { value: '', formula: input };
  if (input.startsWith("'")) return { value: input.slice(1), formula: '' };
  if (NUMBER.test(input.trim())) return { value: Number(input.trim()), formula: '' };
  if (/^(true|false)$/i.test(input.trim()))
    return { value: input.trim().toLowerCase() === 'true', formula: '' };
  return { value: input, formula: '' };
}

export class FakeSheet {
  values: CellValue[][];
  formulas: string[][];

  constructor(
    public name: string,
    public maxRows: number,
    public maxColumns: number,
  ) {
    this.values = Array.from({ length: maxRows }, () => new Array<CellValue>(maxColumns).fill(''));
    this.formulas = Array.from({ length: maxRows }, () => new Array<string>(maxColumns).fill(''));
  }

  /** Direct edit, as if a person typed it (no call counted). */
  set(row: number, column: number, grid: CellValue[][], formulas?: string[][]): void {
    grid.forEach((line, r) =>
      line.forEach((value, c) => {
        this.values[row - 1 + r][column - 1 + c] = value;
        this.formulas[row - 1 + r][column - 1 + c] = formulas?.[r]?.[c] ?? '';
      }),
    );
  }

  dims(): SheetDimensions {
    let lastRow = 0;
    let lastColumn = 0;
    const filled = (r: number, c: number) => this.values[r][c] !== '' || this.formulas[r][c] !== '';
    // each row scanned from the right only as far as the last column found so far: large sheets stay cheap
    for (let r = 0; r < this.maxRows; r += 1) {
      for (let c = this.maxColumns - 1; c >= lastColumn; c -= 1) {
        if (filled(r, c)) {
          lastColumn = c + 1;
          break;
        }
      }
    }
    for (let r = this.maxRows - 1; r >= 0 && lastRow === 0; r -= 1) {
      for (let c = 0; c < lastColumn; c += 1) {
        if (filled(r, c)) {
          lastRow = r + 1;
          break;
        }
      }
    }
    return { lastRow, lastColumn, maxRows: this.maxRows, maxColumns: this.maxColumns };
  }

  check(row: number, column: number, rows: number, columns: number): void {
    if (row < 1 || column < 1 || rows < 1 || columns < 1)
      throw new Error(`Bad range ${row},${column},${rows},${columns}`);
    if (row + rows - 1 > this.maxRows || column + columns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  copy(): FakeSheet {
    const sheet = new FakeSheet(this.name, this.maxRows, this.maxColumns);
    sheet.values = this.values.map((line) => line.slice());
    sheet.formulas = this.formulas.map((line) => line.slice());
    return sheet;
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  metadata: Record<string, string> = {};
  constructor(
    public id: string,
    public name: string,
  ) {}

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }
}

interface FakeFile {
  id: string;
  name: string;
  parent: string;
  createdAt: string;
  trashed: boolean;
  mimeType: string;
  content?: string;
}

export class FakeWorld {
  now = Date.parse('2026-11-24T12:00:00.000Z');
  spreadsheets = new Map<string, FakeSpreadsheet>();
  files = new Map<string, FakeFile>();
  properties: Record<string, string> = {};
  cache = new Map<string, string>();
  triggers: { id: string; handler: string }[] = [];
  lockElsewhere = false;
  calls = 0;
  /** The most cells one readValues or readFormulas call has read. */
  largestRead = 0;
  failAt: number | null = null;
  /** Virtual time each service call takes. */
  msPerCall = 50;
  private ids = 0;

  nextId(prefix: string): string {
    this.ids += 1;
    return `${prefix}${this.ids}`;
  }

  createSpreadsheet(name: string, folder: string): FakeSpreadsheet {
    const ss = new FakeSpreadsheet(this.nextId('ss'), name);
    this.spreadsheets.set(ss.id, ss);
    this.addFile(ss.id, name, folder, 'application/vnd.google-apps.spreadsheet');
    return ss;
  }

  addFile(id: string, name: string, parent: string, mimeType: string, content?: string): FakeFile {
    const file: FakeFile = {
      id,
      name,
      parent,
      createdAt: new Date(this.now).toISOString(),
      trashed: false,
      mimeType,
    };
    if (content !== undefined) file.content = content;
    this.files.set(id, file);
    return file;
  }

  /** Counts a service call; throws when it is the one chosen to fail. */
  tick(): void {
    this.calls += 1;
    this.now += this.msPerCall;
    if (this.failAt !== null && this.calls === this.failAt)
      throw new Error(`Injected failure at call ${this.calls}`);
  }

  services(activeId: string | null): Services {
    return buildServices(this, activeId);
  }

  /** Sheets, Drive, properties and triggers: what a person or a later run can see (the cache is derived). */
  snapshot(): unknown {
    const sheets = [...this.spreadsheets.values()].map((ss) => ({
      id: ss.id,
      name: ss.name,
      metadata: { ...ss.metadata },
      sheets: ss.sheets.map((sheet) => ({
        name: sheet.name,
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxColumns,
        values: sheet.values.map((line) => line.map((v) => (v instanceof Date ? v.toISOString() : v))),
        formulas: sheet.formulas,
      })),
    }));
    return JSON.parse(
      JSON.stringify({
        spreadsheets: sheets,
        files: [...this.files.values()],
        properties: this.properties,
        triggers: this.triggers,
      }),
    );
  }
}

function sheetPort(world: FakeWorld, sheet: FakeSheet): SheetPort {
  const tick = () => world.tick();
  return {
    name: sheet.name,
    dimensions() {
      tick();
      return sheet.dims();
    },
    readValues(row, column, rows, columns): Grid {
      tick();
      sheet.check(row, column, rows, columns);
      world.largestRead = Math.max(world.largestRead, rows * columns);
      return sheet.values
        .slice(row - 1, row - 1 + rows)
        .map((line) => line.slice(column - 1, column - 1 + columns));
    },
    readFormulas(row, column, rows, columns) {
      tick();
      sheet.check(row, column, rows, columns);
      world.largestRead = Math.max(world.largestRead, rows * columns);
      return sheet.formulas
        .slice(row - 1, row - 1 + rows)
        .map((line) => line.slice(column - 1, column - 1 + columns));
    },
    writeValues(row, column, values) {
      tick();
      sheet.check(row, column, values.length, values[0].length);
      values.forEach((line, r) =>
        line.forEach((input, c) => {
          const cell = stored(input);
          sheet.values[row - 1 + r][column - 1 + c] = cell.value;
          sheet.formulas[row - 1 + r][column - 1 + c] = cell.formula;
        }),
      );
    },
    writeFormulas(row, column, formulas) {
      tick();
      formulas.forEach((line, r) =>
        line.forEach((formula, c) => {
          sheet.values[row - 1 + r][column - 1 + c] = '';
          sheet.formulas[row - 1 + r][column - 1 + c] = formula;
        }),
      );
    },
    fill(row, column, rows, columns, value) {
      tick();
      for (let r = 0; r < rows; r += 1) {
        for (let c = 0; c < columns; c += 1) {
          sheet.values[row - 1 + r][column - 1 + c] = value;
          sheet.formulas[row - 1 + r][column - 1 + c] = '';
        }
      }
    },
    clear(row, column, rows, columns) {
      tick();
      for (let r = 0; r < rows; r += 1) {
        for (let c = 0; c < columns; c += 1) {
          sheet.values[row - 1 + r][column - 1 + c] = '';
          sheet.formulas[row - 1 + r][column - 1 + c] = '';
        }
      }
    },
    insertColumnsAfter(after, count) {
      tick();
      for (const grid of [sheet.values, sheet.formulas] as unknown[][][]) {
        for (const line of grid) line.splice(after, 0, ...new Array(count).fill(''));
      }
      sheet.maxColumns += count;
    },
    deleteColumns(column, count) {
      tick();
      sheet.check(1, column, 1, count);
      for (const grid of [sheet.values, sheet.formulas] as unknown[][][]) {
        for (const line of grid) line.splice(column - 1, count);
      }
      sheet.maxColumns -= count;
    },
    insertRowsAfter(after, count) {
      tick();
      const blank = () => new Array(sheet.maxColumns).fill('');
      sheet.values.splice(after, 0, ...Array.from({ length: count }, blank));
      sheet.formulas.splice(after, 0, ...Array.from({ length: count }, blank));
      sheet.maxRows += count;
    },
    deleteRows(row, count) {
      tick();
      sheet.check(row, 1, count, 1);
      sheet.values.splice(row - 1, count);
      sheet.formulas.splice(row - 1, count);
      sheet.maxRows -= count;
    },
  };
}

function spreadsheetPort(world: FakeWorld, ss: FakeSpreadsheet): SpreadsheetPort {
  return {
    id: ss.id,
    name: ss.name,
    url: `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
    sheet(name) {
      const sheet = ss.sheets.find((candidate) => candidate.name === name);
      return sheet ? sheetPort(world, sheet) : null;
    },
    sheetNames: () => ss.sheets.map((sheet) => sheet.name),
    totalCells() {
      world.tick();
      return ss.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxColumns, 0);
    },
    metadata(key) {
      world.tick();
      return ss.metadata[key] ?? null;
    },
    setMetadata(key, value) {
      world.tick();
      ss.metadata[key] = value;
    },
    flush() {
      world.tick();
    },
  };
}

function describe(file: FakeFile): DriveFile {
  return {
    id: file.id,
    name: file.name,
    url: `https://drive.google.com/file/d/${file.id}/view`,
    createdAt: file.createdAt,
  };
}

function buildServices(world: FakeWorld, activeId: string | null): Services {
  const tick = () => world.tick();
  const clock: Clock = { now: () => world.now };
  const logger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const spreadsheets: SpreadsheetsPort = {
    active() {
      tick();
      const ss = activeId ? world.spreadsheets.get(activeId) : undefined;
      return ss ? spreadsheetPort(world, ss) : null;
    },
    open(id) {
      tick();
      const ss = world.spreadsheets.get(id);
      if (!ss || world.files.get(id)?.trashed)
        throw new Error(`No item with the given ID could be found: ${id}`);
      return spreadsheetPort(world, ss);
    },
  };
  const drive: DrivePort = {
    file(id) {
      tick();
      const file = world.files.get(id);
      return file && !file.trashed ? describe(file) : null;
    },
    parentFolderId(id) {
      tick();
      return world.files.get(id)?.parent ?? null;
    },
    assertFolder() {
      tick();
    },
    findFileInFolder(folderId, name) {
      tick();
      const file = [...world.files.values()].find(
        (f) => f.parent === folderId && f.name === name && !f.trashed,
      );
      return file ? describe(file) : null;
    },
    listFilesInFolder(folderId) {
      tick();
      return [...world.files.values()].filter((f) => f.parent === folderId && !f.trashed).map(describe);
    },
    copyFile(fileId, name, folderId) {
      tick();
      const source = world.spreadsheets.get(fileId);
      if (!source) throw new Error(`not a spreadsheet: ${fileId}`);
      const copy = new FakeSpreadsheet(world.nextId('ss'), name);
      copy.sheets = source.sheets.map((sheet) => sheet.copy());
      copy.metadata = { ...source.metadata };
      world.spreadsheets.set(copy.id, copy);
      return describe(world.addFile(copy.id, name, folderId, 'application/vnd.google-apps.spreadsheet'));
    },
    createTextFile(folderId, name, content, mimeType) {
      tick();
      return describe(world.addFile(world.nextId('file'), name, folderId, mimeType, content));
    },
    readText(id) {
      tick();
      return world.files.get(id)?.content ?? '';
    },
    trash(id) {
      tick();
      const file = world.files.get(id);
      if (file) file.trashed = true;
    },
  };
  const properties: KeyValueStore = {
    getAll() {
      tick();
      return { ...world.properties };
    },
    get(key) {
      tick();
      return world.properties[key] ?? null;
    },
    setMany(values) {
      tick();
      for (const [key, value] of Object.entries(values)) {
        if (value.length > 9000) throw new Error(`property ${key} too large`);
      }
      Object.assign(world.properties, values);
    },
    delete(key) {
      tick();
      delete world.properties[key];
    },
  };
  const cache: CachePort = {
    get(key) {
      tick();
      return world.cache.get(key) ?? null;
    },
    put(key, value) {
      tick();
      world.cache.set(key, value);
    },
    remove(key) {
      tick();
      world.cache.delete(key);
    },
  };
  let held = false;
  const lock: LockPort = {
    tryLock() {
      tick();
      held = !world.lockElsewhere;
      return held;
    },
    release() {
      tick();
      held = false;
    },
  };
  const triggers: TriggerPort = {
    list(handler) {
      tick();
      return world.triggers.filter((t) => t.handler === handler).map((t) => t.id);
    },
    createAfter(handler) {
      tick();
      const id = world.nextId('trigger');
      world.triggers.push({ id, handler });
      return id;
    },
    delete(id) {
      tick();
      world.triggers = world.triggers.filter((t) => t.id !== id);
    },
  };
  const session: SessionPort = { userEmail: () => 'owner@example.com', locale: () => 'en' };
  return { clock, logger, spreadsheets, drive, properties, cache, lock, triggers, session };
}
