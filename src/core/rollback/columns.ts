import { cachedColumnMap } from '../column-map-cache';
import { headerText, resolveColumns, type ColumnMap } from '../column-map';
import type { Translate } from '../messages';
import type { CachePort, SheetPort } from '../ports';
import type { MigrationSpec } from '../migrations/migration-spec';

/** A column the migration added, where the column map finds it now. */
export interface AddedColumn {
  header: string;
  column: number;
}

/** Row 1 through the column map (cached by the header row's digest). Two round trips plus the cache. */
export function readColumnMap(
  sheet: SheetPort,
  lastColumn: number,
  cache: CachePort,
  spec: MigrationSpec,
): ColumnMap {
  const headers = lastColumn > 0 ? sheet.readValues(spec.headerRow, 1, 1, lastColumn)[0].map(headerText) : [];
  return cachedColumnMap(cache, headers, spec);
}

/**
 * The columns a run added that are still there, found by header through the column map, never by position.
 * A header the run added that now appears twice is refused: nothing tells which one the run inserted.
 */
export function locateAddedColumns(
  map: ColumnMap,
  added: string[],
  sheetName: string,
  t: Translate,
): AddedColumn[] {
  const found: AddedColumn[] = [];
  for (const header of added) {
    const columns = resolveColumns(map, header);
    if (columns.length > 1) {
      throw new Error(
        t('rollback_duplicate_header', {
          header,
          count: columns.length,
          sheet: sheetName,
          columns: columns.join(', '),
        }),
      );
    }
    if (columns.length === 1) found.push({ header, column: columns[0] });
  }
  return found.sort((a, b) => a.column - b.column);
}

/** Consecutive columns grouped into runs, rightmost first, so deleting one run leaves the others in place. */
export function columnRuns(columns: number[]): { column: number; count: number }[] {
  const sorted = [...columns].sort((a, b) => a - b);
  const runs: { column: number; count: number }[] = [];
  for (const column of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.column + last.count === column) last.count += 1;
    else runs.push({ column, count: 1 });
  }
  return runs.reverse();
}

/** One deleteColumns call per run of adjacent columns. */
export function deleteAddedColumns(sheet: SheetPort, columns: AddedColumn[]): void {
  for (const run of columnRuns(columns.map((found) => found.column)))
    sheet.deleteColumns(run.column, run.count);
}
