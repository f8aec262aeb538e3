// Write confinement: every cell a run writes goes through one guarded port, which refuses anything outside the
// columns the migration adds (their header cells included) and records the bounding boxes of what it wrote. Others
// keep writing the existing cells while a run goes on; confining the run's own writes is what lets the checks
// tell their edits from damage: a v2.1 cell that differs from the backup cannot have been written by the run.
import { columnLetter } from '../column-map';
import { translator, type Translate } from '../messages';
import type { CellValue, Grid, SheetPort, SpreadsheetPort } from '../ports';
import type { RunPlan } from './types';
import { a1, boxesInside, zonesOf, type Box, type WriteZone } from '../write-zones';

/** The zones of a run's plan. */
export function planZones(plan: RunPlan): WriteZone[] {
  return zonesOf({ ...plan, new_columns: plan.present.length + plan.to_add.length });
}

function describeZones(zones: WriteZone[], t: Translate): string {
  if (zones.length === 0) return t('zones_none');
  return zones
    .map((zone) => {
      if (zone.lastColumn === null) return t('zone_new_sheet');
      const first = columnLetter(zone.firstColumn);
      const columns =
        zone.lastColumn !== zone.firstColumn ? `${first}-${columnLetter(zone.lastColumn)}` : first;
      return t(zone.headerOnly ? 'zone_header_cells' : 'zone_columns', { columns });
    })
    .join(t('zones_and'));
}

export class WriteRefused extends Error {}

/** What a run never does to a sheet (the guard's refusal names it). */
type Refused =
  | 'refused_delete_columns'
  | 'refused_insert_rows'
  | 'refused_delete_rows'
  | 'refused_add_sheet'
  | 'refused_delete_sheet';

/**
 * The guard one run's writes go through; `record` keeps the boxes before each write (the run stores them in its
 * checkpoint), so a write an execution dies in is on record too.
 */
export class WriteGuard {
  /** Sheets whose structure was checked in this execution, before its first write there. */
  private readonly watched = new Set<string>();

  constructor(
    private readonly zones: WriteZone[],
    private readonly headerRow: number,
    private readonly record: (sheet: string, box: Box) => void,
    /** Throws when someone else changed the sheet's structure since the plan (see structure-watch.ts). */
    private readonly watch: (sheet: SheetPort) => void = () => undefined,
    /** The owner's language for the refusals. */
    private readonly t: Translate = translator('en'),
  ) {}

  /** Before the first write of this execution to a sheet: its structure is still the planned one. */
  beforeWrite(port: SheetPort): void {
    if (this.watched.has(port.name)) return;
    this.watch(port);
    this.watched.add(port.name);
  }

  check(sheet: string, box: Box): void {
    if (boxesInside(this.zones, sheet, [box], this.headerRow)) return;
    const own = this.zones.filter((zone) => zone.sheet === sheet);
    throw new WriteRefused(
      this.t('write_refused', { where: `${sheet}!${a1(box)}`, zones: describeZones(own, this.t) }),
    );
  }

  /** Records the box before the write (the caller makes the record durable first when it is new). */
  intend(sheet: string, box: Box): void {
    this.record(sheet, box);
  }

  /** Inserting at or after the first new column moves no column that existed before the run. */
  checkInsertColumns(sheet: string, afterColumn: number): void {
    const firsts = this.zones.filter((zone) => zone.sheet === sheet).map((zone) => zone.firstColumn);
    if (firsts.length > 0 && afterColumn >= Math.min(...firsts) - 1) return;
    throw new WriteRefused(this.t('insert_columns_refused', { column: columnLetter(afterColumn), sheet }));
  }

  refuse(sheet: string, what: Refused): never {
    throw new WriteRefused(this.t('change_refused', { what: this.t(what), sheet }));
  }

  sheet(port: SheetPort): SheetPort {
    return new ConfinedSheet(port, this);
  }
}

function boxOf(row: number, column: number, rows: number, columns: number): Box {
  return [row, column, row + rows - 1, column + columns - 1];
}

class ConfinedSheet implements SheetPort {
  readonly name: string;
  extent?: SheetPort['extent'];
  lastRow?: SheetPort['lastRow'];
  maxColumns?: SheetPort['maxColumns'];
  readDataRange?: SheetPort['readDataRange'];
  readDataRangeFormulas?: SheetPort['readDataRangeFormulas'];

  constructor(
    private readonly port: SheetPort,
    private readonly guard: WriteGuard,
  ) {
    this.name = port.name;
    if (port.extent) this.extent = () => (port.extent as () => { lastRow: number; lastColumn: number })();
    if (port.lastRow) this.lastRow = () => (port.lastRow as () => number)();
    if (port.maxColumns) this.maxColumns = () => (port.maxColumns as () => number)();
    if (port.readDataRange) this.readDataRange = () => (port.readDataRange as () => Grid)();
    if (port.readDataRangeFormulas)
      this.readDataRangeFormulas = () => (port.readDataRangeFormulas as () => string[][])();
  }

  dimensions() {
    return this.port.dimensions();
  }
  readValues(row: number, column: number, rows: number, columns: number): Grid {
    return this.port.readValues(row, column, rows, columns);
  }
  readFormulas(row: number, column: number, rows: number, columns: number): string[][] {
    return this.port.readFormulas(row, column, rows, columns);
  }

  private guarded(box: Box, write: () => void): void {
    this.guard.beforeWrite(this.port);
    this.guard.check(this.name, box);
    this.guard.intend(this.name, box);
    write();
  }

  writeValues(row: number, column: number, values: Grid): void {
    if (values.length === 0 || values[0].length === 0) return;
    this.guarded(boxOf(row, column, values.length, values[0].length), () =>
      this.port.writeValues(row, column, values),
    );
  }
  writeFormulas(row: number, column: number, formulas: string[][]): void {
    if (formulas.length === 0 || formulas[0].length === 0) return;
    this.guarded(boxOf(row, column, formulas.length, formulas[0].length), () =>
      this.port.writeFormulas(row, column, formulas),
    );
  }
  fill(row: number, column: number, rows: number, columns: number, value: CellValue): void {
    this.guarded(boxOf(row, column, rows, columns), () => this.port.fill(row, column, rows, columns, value));
  }
  clear(row: number, column: number, rows: number, columns: number): void {
    this.guarded(boxOf(row, column, rows, columns), () => this.port.clear(row, column, rows, columns));
  }
  insertColumnsAfter(afterColumn: number, count: number): void {
    this.guard.beforeWrite(this.port);
    this.guard.checkInsertColumns(this.name, afterColumn);
    this.port.insertColumnsAfter(afterColumn, count);
  }
  deleteColumns(): void {
    this.guard.refuse(this.name, 'refused_delete_columns');
  }
  insertRowsAfter(): void {
    this.guard.refuse(this.name, 'refused_insert_rows');
  }
  deleteRows(): void {
    this.guard.refuse(this.name, 'refused_delete_rows');
  }
}

/**
 * The spreadsheet as a run sees it: every sheet it hands out is confined. Only the sheets the plan creates may be
 * inserted; none may be deleted. Everything else (protections, metadata, sizes) passes through.
 */
export function confinedSpreadsheet(
  spreadsheet: SpreadsheetPort,
  guard: WriteGuard,
  creates: string[],
): SpreadsheetPort {
  const sheet = (name: string): SheetPort | null => {
    const found = spreadsheet.sheet(name);
    return found ? guard.sheet(found) : null;
  };
  const insertSheet = (name: string): SheetPort => {
    if (!creates.includes(name) || !spreadsheet.insertSheet) guard.refuse(name, 'refused_add_sheet');
    return guard.sheet((spreadsheet.insertSheet as (name: string) => SheetPort).call(spreadsheet, name));
  };
  const deleteSheet = (name: string): void => guard.refuse(name, 'refused_delete_sheet');
  return new Proxy(spreadsheet, {
    get(target, property, receiver) {
      if (property === 'sheet') return sheet;
      if (property === 'insertSheet') return target.insertSheet ? insertSheet : undefined;
      if (property === 'deleteSheet') return deleteSheet;
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => (member as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
}
