import type { Cell } from './values';

// Sparse cell storage: one array per row that has content, holes for empty rows and cells. Empty grid
// cells (up to maxRows x maxColumns) cost nothing. Copies share storage until one side writes.

type Row<T> = (T | undefined)[];

interface Store {
  values: (Row<Cell> | undefined)[];
  formulas: (Row<string> | undefined)[];
  refs: number;
}

function cloneRows<T>(rows: (Row<T> | undefined)[]): (Row<T> | undefined)[] {
  const out = new Array<Row<T> | undefined>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r) out[i] = r.slice();
  }
  return out;
}

function rowHasContent(row: Row<unknown> | undefined): boolean {
  if (!row) return false;
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== undefined) return true;
  return false;
}

function lastIndex(row: Row<unknown> | undefined): number {
  if (!row) return -1;
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== undefined) return i;
  return -1;
}

export class Grid {
  private store: Store;
  private lastColumnCache: number | null = null;

  constructor(store?: Store) {
    this.store = store ?? { values: [], formulas: [], refs: 1 };
  }

  /** A copy that shares storage until either side writes. */
  share(): Grid {
    this.store.refs += 1;
    return new Grid(this.store);
  }

  private own(): Store {
    const s = this.store;
    if (s.refs > 1) {
      s.refs -= 1;
      this.store = { values: cloneRows(s.values), formulas: cloneRows(s.formulas), refs: 1 };
    }
    this.lastColumnCache = null;
    return this.store;
  }

  value(r: number, c: number): Cell | undefined {
    return this.store.values[r]?.[c];
  }

  formula(r: number, c: number): string | undefined {
    return this.store.formulas[r]?.[c];
  }

  /** Rows r0..r0+nr-1, columns c0..c0+nc-1 (0-based), each cell through `map`. */
  read<T>(
    r0: number,
    c0: number,
    nr: number,
    nc: number,
    map: (v: Cell | undefined) => T,
    alloc: <U>(n: number) => U[] = (n) => new Array(n),
  ): T[][] {
    const out = alloc<T[]>(nr);
    const rows = this.store.values;
    const empty = map(undefined);
    for (let i = 0; i < nr; i++) {
      const src = rows[r0 + i];
      const row = alloc<T>(nc);
      if (!src) row.fill(empty);
      else for (let j = 0; j < nc; j++) row[j] = map(src[c0 + j]);
      out[i] = row;
    }
    return out;
  }

  readFormulas(
    r0: number,
    c0: number,
    nr: number,
    nc: number,
    alloc: <U>(n: number) => U[] = (n) => new Array(n),
  ): string[][] {
    const out = alloc<string[]>(nr);
    for (let i = 0; i < nr; i++) {
      const src = this.store.formulas[r0 + i];
      const row = alloc<string>(nc);
      for (let j = 0; j < nc; j++) row[j] = src?.[c0 + j] ?? '';
      out[i] = row;
    }
    return out;
  }

  private rowFor<T>(rows: (Row<T> | undefined)[], r: number): Row<T> {
    let row = rows[r];
    if (!row) {
      row = [];
      rows[r] = row;
    }
    return row;
  }

  /**
   * Writes one cell: a value (clearing any formula) or a formula (its value unknown until recalculated). A
   * formula written over the same formula keeps its value, as Sheets' recalculation would give it again.
   */
  set(r: number, c: number, value: Cell | undefined, formula?: string): void {
    if (formula !== undefined && value === undefined && this.formula(r, c) === formula) return;
    const s = this.own();
    if (value !== undefined || s.values[r]) this.rowFor(s.values, r)[c] = value;
    if (formula !== undefined || s.formulas[r]?.[c] !== undefined) this.rowFor(s.formulas, r)[c] = formula;
  }

  /**
   * Fills an empty grid with rows it takes over (the caller keeps no reference to them): a large sheet is
   * loaded without a second copy of its cells.
   */
  adoptRows(values: (Row<Cell> | undefined)[], formulas: (Row<string> | undefined)[]): void {
    const s = this.own();
    if (s.values.length > 0 || s.formulas.length > 0) throw new Error('adoptRows: the grid is not empty');
    s.values = values;
    s.formulas = formulas;
  }

  setBlock(r0: number, c0: number, values: (Cell | undefined)[][]): void {
    const s = this.own();
    for (let i = 0; i < values.length; i++) {
      const src = values[i];
      const row = this.rowFor(s.values, r0 + i);
      for (let j = 0; j < src.length; j++) row[c0 + j] = src[j];
      const f = s.formulas[r0 + i];
      if (f) for (let j = 0; j < src.length; j++) f[c0 + j] = undefined;
    }
  }

  fill(r0: number, c0: number, nr: number, nc: number, value: Cell | undefined): void {
    const s = this.own();
    for (let i = 0; i < nr; i++) {
      if (value === undefined && !s.values[r0 + i] && !s.formulas[r0 + i]) continue;
      const row = this.rowFor(s.values, r0 + i);
      for (let j = 0; j < nc; j++) row[c0 + j] = value;
      const f = s.formulas[r0 + i];
      if (f) for (let j = 0; j < nc; j++) f[c0 + j] = undefined;
    }
  }

  insertColumns(c0: number, n: number): void {
    const s = this.own();
    const holes = new Array<undefined>(n);
    for (const rows of [s.values, s.formulas] as (Row<unknown> | undefined)[][]) {
      for (const row of rows) if (row && row.length > c0) row.splice(c0, 0, ...holes);
    }
  }

  deleteColumns(c0: number, n: number): void {
    const s = this.own();
    for (const rows of [s.values, s.formulas] as (Row<unknown> | undefined)[][]) {
      for (const row of rows) if (row && row.length > c0) row.splice(c0, n);
    }
  }

  insertRows(r0: number, n: number): void {
    const s = this.own();
    for (const rows of [s.values, s.formulas] as (Row<unknown> | undefined)[][]) {
      if (rows.length > r0) rows.splice(r0, 0, ...new Array<undefined>(n));
    }
  }

  deleteRows(r0: number, n: number): void {
    const s = this.own();
    for (const rows of [s.values, s.formulas] as (Row<unknown> | undefined)[][]) {
      if (rows.length > r0) rows.splice(r0, n);
    }
  }

  /** 1-based number of the last row with a value or formula; 0 when empty. */
  lastRow(): number {
    const { values, formulas } = this.store;
    for (let r = Math.max(values.length, formulas.length) - 1; r >= 0; r--) {
      if (rowHasContent(values[r]) || rowHasContent(formulas[r])) return r + 1;
    }
    return 0;
  }

  /** 1-based number of the last column with a value or formula; 0 when empty. */
  lastColumn(): number {
    if (this.lastColumnCache !== null) return this.lastColumnCache;
    let last = -1;
    for (const rows of [this.store.values, this.store.formulas] as (Row<unknown> | undefined)[][]) {
      for (const row of rows) if (row && row.length - 1 > last) last = Math.max(last, lastIndex(row));
    }
    this.lastColumnCache = last + 1;
    return last + 1;
  }

  /** Every formula, for snapshots: [row, column, formula] 0-based. */
  formulaCells(): [number, number, string][] {
    const out: [number, number, string][] = [];
    this.store.formulas.forEach((row, r) => row?.forEach((f, c) => f !== undefined && out.push([r, c, f])));
    return out;
  }
}
