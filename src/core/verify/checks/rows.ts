import { isOccupationTime, isVersion, isWorker } from '../rules';
import { addToSample, isBlank, showCell } from '../sample';
import type { Layout, VerificationCursor, VerificationMode } from '../types';
import type { Chunk } from '../block-reader';

/** `versions`: every data row an integer >= 0; right after the migration, every one 0. */
export function tallyVersions(
  tally: VerificationCursor['versions'],
  chunk: Chunk,
  layout: Layout,
  headerRow: number,
  mode: VerificationMode,
): void {
  const column = layout.version_column;
  if (column === null) return;
  chunk.values.forEach((cells, i) => {
    const value = cells[column - 1];
    const row = headerRow + 1 + chunk.first + i;
    tally.checked += 1;
    if (!isVersion(value)) addToSample(tally.invalid, { row, value: showCell(value) });
    else if (mode === 'post_migration' && value !== 0) addToSample(tally.not_zero, { row, value });
  });
}

/**
 * `occupation_empty`: right after the migration both occupation cells are empty on every row. Later, a row is
 * either free (both empty) or taken (`Ocupado_Por` like `MR(93)` and `Fecha_Ocupacion` a time), never half.
 */
export function tallyOccupation(
  tally: VerificationCursor['occupation'],
  chunk: Chunk,
  layout: Layout,
  headerRow: number,
  mode: VerificationMode,
): void {
  const byColumn = layout.occupied_by_column;
  const atColumn = layout.occupied_at_column;
  if (byColumn === null || atColumn === null) return;
  chunk.values.forEach((cells, i) => {
    const by = cells[byColumn - 1];
    const at = cells[atColumn - 1];
    const row = headerRow + 1 + chunk.first + i;
    tally.checked += 1;
    if (isBlank(by) && isBlank(at)) return;
    const wellFormed = mode === 'in_use' && isWorker(by) && isOccupationTime(at);
    if (wellFormed) tally.occupied += 1;
    else
      addToSample(tally.invalid, {
        row,
        value: `${JSON.stringify(showCell(by))} / ${JSON.stringify(showCell(at))}`,
      });
  });
}
