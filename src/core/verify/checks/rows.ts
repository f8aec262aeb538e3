import type { CellValue } from '../../ports';
import { isCounter, meetsRule } from '../rules';
import { addToSample, isBlank, showCell } from '../sample';
import type { Layout, VerificationCursor, VerificationMode } from '../types';
import type { Chunk } from '../block-reader';

/**
 * A row others appended after the run's last fill, its new columns all still blank: listed apart
 * (`appended_after_fill`), not held to the fill or to the rules until the app writes them.
 */
export function appendedAfterFill(layout: Layout, row: number, cells: CellValue[]): boolean {
  if (layout.filled_through === undefined || row <= layout.filled_through) return false;
  const columns = [
    layout.counter?.column ?? null,
    ...(layout.pair ?? []).map((column) => column.column),
    ...(layout.valued ?? []).map((column) => column.column),
  ].filter((column): column is number => column !== null);
  return columns.every((column) => isBlank(cells[column - 1]));
}

/**
 * `versions`: the spec's counter column on every data row an integer >= its fill. Right after the migration a
 * row above the fill is listed (`not_zero`) but is no failure: the run writes only the fill, so a higher value
 * is the app raising the counter of a spool it wrote while the run went on.
 */
export function tallyVersions(
  tally: VerificationCursor['versions'],
  chunk: Chunk,
  layout: Layout,
  headerRow: number,
  mode: VerificationMode,
): void {
  const column = layout.counter?.column ?? null;
  if (column === null || !layout.counter) return;
  const start = layout.counter.start;
  chunk.values.forEach((cells, i) => {
    const value = cells[column - 1];
    const row = headerRow + 1 + chunk.first + i;
    if (appendedAfterFill(layout, row, cells)) return;
    tally.checked += 1;
    if (!isCounter(value, start)) addToSample(tally.invalid, { row, value: showCell(value) });
    else if (mode === 'post_migration' && value !== start) addToSample(tally.not_zero, { row, value });
  });
}

/**
 * `occupation_empty`: a row is either free (both of the spec's paired columns empty) or taken (each meets its
 * rule: `Ocupado_Por` like `MR(93)` and `Fecha_Ocupacion` a time), never half. Right after the migration every
 * row is free but those the app took while the run went on (the run writes neither column).
 */
export function tallyOccupation(
  tally: VerificationCursor['occupation'],
  chunk: Chunk,
  layout: Layout,
  headerRow: number,
): void {
  if (!layout.pair) return;
  const [by, at] = layout.pair;
  const byColumn = by.column;
  const atColumn = at.column;
  if (byColumn === null || atColumn === null) return;
  chunk.values.forEach((cells, i) => {
    const first = cells[byColumn - 1];
    const second = cells[atColumn - 1];
    const row = headerRow + 1 + chunk.first + i;
    if (appendedAfterFill(layout, row, cells)) return;
    tally.checked += 1;
    if (isBlank(first) && isBlank(second)) return;
    const wellFormed =
      !isBlank(first) && !isBlank(second) && meetsRule(first, by.rule) && meetsRule(second, at.rule);
    if (wellFormed) tally.occupied += 1;
    else
      addToSample(tally.invalid, {
        row,
        value: `${JSON.stringify(showCell(first))} / ${JSON.stringify(showCell(second))}`,
      });
  });
}

/**
 * `values`: each of the other added columns holds its fill right after the migration, or a value meeting its
 * rule that the app wrote while the run went on (the run writes only the fill); later, empty or its rule.
 */
export function tallyValues(
  tally: NonNullable<VerificationCursor['values']>,
  chunk: Chunk,
  layout: Layout,
  headerRow: number,
  mode: VerificationMode,
): void {
  const columns = (layout.valued ?? []).filter((column) => column.column !== null);
  if (columns.length === 0) return;
  chunk.values.forEach((cells, i) => {
    const row = headerRow + 1 + chunk.first + i;
    if (appendedAfterFill(layout, row, cells)) return;
    tally.checked += 1;
    for (const column of columns) {
      const value = cells[(column.column as number) - 1];
      const filled = column.fill === '' ? isBlank(value) : value === column.fill;
      const ok =
        (mode === 'post_migration' ? filled : isBlank(value)) ||
        (!isBlank(value) && meetsRule(value, column.rule));
      if (!ok) addToSample(tally.invalid, { row, header: column.header, value: showCell(value) });
    }
  });
}
