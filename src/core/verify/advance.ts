import { messagesFor, type Translate } from '../messages';
import type { Baseline } from '../baseline';
import { buildColumnMap, type ColumnMap } from '../column-map';
import { cachedColumnMap } from '../column-map-cache';
import type { Services, SheetPort } from '../ports';
import { DIGEST_BLOCK_ROWS } from '../digest';
import {
  MAX_CELLS_PER_READ,
  MEASURE_CELLS,
  ReadPace,
  ReadPlanner,
  UP_TO_THE_LIMIT,
  pacedSheet,
  type ReadName,
} from '../slice/read-pace';
import type { MigrationSpec } from '../migrations/migration-spec';
import { encodeCursor } from './cursor';
import { chunkRows, readChunk, readFirstChunk, readWholeFirstChunk, type Chunk } from './block-reader';
import { compareChunk, recheckRows, type IntactContext } from './checks/intact';
import { appendedAfterFill, tallyOccupation, tallyValues, tallyVersions } from './checks/rows';
import { addToSample, emptySample } from './sample';
import { layoutOf, structureChecks } from './checks/structure';
import { otherSheetChecksReads } from './checks/other-sheets';
import { finishReport } from './report';
import type { VerificationReport } from '../contract';
import type { VerificationCursor } from './types';
import { TimeBudget } from '../slice/budget';
import { runPhases, type PhaseOutcome } from '../slice/phases';

/** Time the report needs once every row is read (about a dozen Drive and property calls). */
export const REPORT_RESERVE_MS = 8_000;

/** What the caller knows from earlier in the same execution, to spare Drive round trips. */
export interface VerificationHints {
  /** The backup was opened and compared with the sheet earlier in this execution: Drive is not asked again. */
  backupChecked?: boolean;
  /**
   * Called once, just before the report file is written: the caller records its intent there and answers whether
   * an earlier attempt may have written the file already (false: it is created without looking for it first).
   * Without it, the file is always looked for.
   */
  beforeReport?: () => { mayExist: boolean };
  /**
   * The caller's read planner, when the verification is part of a longer execution (the migration's test_smoke):
   * its measured speed and the reads already planned in this execution carry over.
   */
  reads?: ReadPlanner;
  /** When this execution started (default: now): reads never run into the 6-minute limit counted from there. */
  executionStartMs?: number;
  /**
   * The sheet's extent when the caller read it and made the change itself moments ago, in this execution (the
   * migration's plan read the whole sheet, then inserted the columns): the sheet is read over it instead of
   * asking for its data range. Rows someone appends while a run goes on are not the run's to check either way:
   * this narrows nothing but the seconds between the plan's read and this one.
   */
  extent?: { lastRow: number; lastColumn: number };
  /** The last sheet row whose new columns the run filled: rows appended after it are listed, not failed. */
  filledThrough?: number;
}

export interface VerificationStep {
  cursor: VerificationCursor;
  /** Non-null when the verification is finished (the report is saved). */
  report: VerificationReport | null;
}

function targetSheet(services: Services, baseline: Baseline, t: Translate): SheetPort {
  const spreadsheet = services.spreadsheets.active() ?? services.spreadsheets.open(baseline.spreadsheet_id);
  // a handle the adapter found earlier may still reach a sheet renamed since: the names are asked each time
  const sheet = spreadsheet.sheetNames().includes(baseline.sheet_name)
    ? spreadsheet.sheet(baseline.sheet_name)
    : null;
  if (!sheet) {
    throw new Error(t('verify_sheet_missing', { sheet: baseline.sheet_name }));
  }
  return sheet;
}

function backupOpener(services: Services, baseline: Baseline, t: Translate): () => SheetPort {
  let sheet: SheetPort | null = null;
  return () => {
    if (sheet) return sheet;
    const { file_id: id, name } = baseline.backup;
    let found: SheetPort | null;
    try {
      found = services.spreadsheets.open(id).sheet(baseline.sheet_name);
    } catch (error) {
      throw new Error(t('verify_backup_unopenable', { name, id, error: (error as Error).message }));
    }
    if (!found) throw new Error(t('verify_backup_no_sheet', { name, id, sheet: baseline.sheet_name }));
    sheet = found;
    return sheet;
  };
}

/** Why the backup cannot serve as the reference, or null. Opens it only where Drive cannot say (no fileState). */
function backupProblem(
  services: Services,
  baseline: Baseline,
  open: () => SheetPort,
  hints: VerificationHints,
): string | null {
  if (hints.backupChecked) return null;
  const { file_id: id, name } = baseline.backup;
  const state = services.drive.fileState ? services.drive.fileState(id) : null;
  if (state === 'trashed' || state === 'missing') {
    const t = messagesFor(services.session);
    return t(state === 'trashed' ? 'verify_backup_trashed' : 'verify_backup_missing', { name, id });
  }
  if (state === 'present') return null;
  try {
    open();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function columnMapOf(services: Services, header: unknown[], spec: MigrationSpec): ColumnMap {
  try {
    return cachedColumnMap(services.cache, header, spec);
  } catch (error) {
    services.logger.warn(`Column map cache unavailable (${(error as Error).message}); mapping without it.`);
    return buildColumnMap(header, spec);
  }
}

function tallyChunk(cursor: VerificationCursor, chunk: Chunk, context: IntactContext): void {
  const layout = cursor.layout as NonNullable<VerificationCursor['layout']>;
  tallyVersions(cursor.versions, chunk, layout, context.headerRow, cursor.mode);
  tallyOccupation(cursor.occupation, chunk, layout, context.headerRow);
  if (!cursor.values) cursor.values = { checked: 0, invalid: { count: 0, first: [] } };
  tallyValues(cursor.values, chunk, layout, context.headerRow, cursor.mode);
  compareChunk(cursor.intact, chunk, context);
  chunk.values.forEach((cells, i) => {
    const row = context.headerRow + 1 + chunk.first + i;
    if (!appendedAfterFill(layout, row, cells)) return;
    if (!cursor.appended_after_fill) cursor.appended_after_fill = emptySample();
    addToSample(cursor.appended_after_fill, row);
  });
  cursor.next_row = chunk.first + chunk.values.length;
}

/**
 * One time-boxed slice of a verification: reads the sheet in chunks of whole digest blocks until every data row
 * is checked or the deadline would pass, then (time permitting) builds, saves and records the report.
 * Pure with respect to the cursor: the caller stores the returned cursor; re-running a slice from the same
 * cursor repeats it without double counting.
 */
export function advanceVerification(
  services: Services,
  spec: MigrationSpec,
  baseline: Baseline,
  cursor: VerificationCursor,
  deadlineMs: number,
  hints: VerificationHints = {},
): VerificationStep {
  const next = JSON.parse(JSON.stringify(cursor)) as VerificationCursor;
  next.slices += 1;
  const clock = services.clock;
  const startMs = hints.executionStartMs ?? clock.now();
  const budget = new TimeBudget(clock, startMs, (deadlineMs - startMs) / 1000);
  const reads =
    hints.reads ??
    new ReadPlanner(
      clock,
      new ReadPace(clock, next.read_ms_per_cell),
      startMs,
      deadlineMs,
      messagesFor(services.session),
    );
  const pace = reads.pace;
  // a paused cursor is stored in one property: hand it back already cut to size
  const paused = (): VerificationStep => {
    next.read_ms_per_cell = Number(pace.msPerCell.toPrecision(4));
    return { cursor: JSON.parse(encodeCursor(next)), report: null };
  };
  if (budget.spent()) return paused();
  let readSomething = false;
  let report: VerificationReport | null = null;

  const t = messagesFor(services.session);
  const sheet = pacedSheet(targetSheet(services, baseline, t), pace);
  const openBackup = backupOpener(services, baseline, t);
  const backupSheet = () => pacedSheet(openBackup(), pace);
  const context = (): IntactContext => ({
    baseline,
    layout: next.layout as NonNullable<VerificationCursor['layout']>,
    headerRow: spec.headerRow,
    mode: next.mode,
    backupSheet,
    backupReadFits: (rows) => reads.fits(2, 2 * rows * baseline.v21_columns),
  });
  const layout = () => next.layout as NonNullable<VerificationCursor['layout']>;

  // The phases (../slice/phases.ts): the structure and first chunk, the rest of the rows, then the report.
  const phases: Record<VerificationCursor['phase'], () => PhaseOutcome> = {
    structure() {
      const started = clock.now();
      const structure = readStructure(sheet, spec, baseline, next, reads, hints.extent);
      if (!structure) return 'paused';
      const { extent, header, chunk } = structure;
      const map = columnMapOf(services, header, spec);
      next.layout = layoutOf(extent, baseline, spec, map, hints.filledThrough);
      next.structure = structureChecks(header, extent, baseline, spec, map, t);
      next.intact.backup_error = backupProblem(services, baseline, openBackup, hints);
      tallyChunk(next, chunk, context());
      next.phase = 'scan';
      next.chunk_ms = clock.now() - started;
      readSomething = true;
      return 'done';
    },
    scan() {
      const { width, data_rows } = layout();
      while (next.next_row < data_rows || next.intact.recheck?.length) {
        if (next.intact.recheck?.length) {
          if (!recheckRows(next.intact, context(), sheet, reads)) return 'paused';
          readSomething = true;
          continue;
        }
        const rows = reads.rows(
          {
            cellsPerRow: width + baseline.v21_columns,
            reads: 2,
            remaining: data_rows - next.next_row,
            max: chunkRows(width, next.max_cells_per_read),
            step: DIGEST_BLOCK_ROWS,
            wholeRest: true,
          },
          (t) => t('read_values_and_formulas', { values: width, formulas: baseline.v21_columns }),
        );
        if (rows === 0) return 'paused';
        const started = clock.now();
        const chunk = readChunk(sheet, {
          headerRow: spec.headerRow,
          first: next.next_row,
          rows,
          width,
          v21Width: baseline.v21_columns,
        });
        tallyChunk(next, chunk, context());
        next.chunk_ms = clock.now() - started;
        readSomething = true;
      }
      next.phase = 'report';
      return 'done';
    },
    report() {
      if (readSomething && budget.spent(REPORT_RESERVE_MS)) return 'paused';
      // The report reads the other sheets whole (a migration of several sheets): one unit, planned like a
      // block, against the execution's limit (UP_TO_THE_LIMIT).
      const finish = otherSheetChecksReads(spec, baseline);
      const { width, data_rows } = layout();
      const measure = () => {
        const rows = Math.min(data_rows, Math.ceil(MEASURE_CELLS / Math.max(width, 1)));
        if (rows > 0) sheet.readValues(spec.headerRow + 1, 1, rows, width);
      };
      const what: ReadName = (t) => t('read_other_sheet_checks');
      const fits = () => reads.measuredUnit(finish.reads, finish.cells, what, measure, UP_TO_THE_LIMIT);
      if (finish.cells > 0 && !fits()) return 'paused';
      next.read_ms_per_cell = Number(pace.msPerCell.toPrecision(4));
      report = finishReport(services, spec, baseline, next, hints.beforeReport);
      return 'done';
    },
  };
  const outcome = runPhases(
    () => (report ? null : next.phase),
    (phase) => phases[phase](),
  );
  return outcome === 'paused' || !report ? paused() : { cursor: next, report };
}

/**
 * The sheet's extent, header row and first chunk, or null when not even the smallest first chunk fits the time
 * left. Right after a migration (post_migration) a sheet the baseline expects to fit one read is read whole (the
 * data range's size is its extent) when that read fits the time left. Otherwise the extent is asked for first (a
 * sheet in use may have grown far beyond the baseline) and the first chunk is sized to the time left.
 */
function readStructure(
  sheet: SheetPort,
  spec: MigrationSpec,
  baseline: Baseline,
  cursor: VerificationCursor,
  reads: ReadPlanner,
  known?: { lastRow: number; lastColumn: number },
): { extent: { lastRow: number; lastColumn: number }; header: unknown[]; chunk: Chunk } | null {
  const maxCells = Math.min(cursor.max_cells_per_read, MAX_CELLS_PER_READ);
  const expectedCells =
    (baseline.data_rows + spec.headerRow) * (baseline.v21_columns + spec.newColumns.length);
  if (
    cursor.mode === 'post_migration' &&
    sheet.readDataRange &&
    expectedCells <= maxCells &&
    reads.fits(2, expectedCells + baseline.data_rows * baseline.v21_columns)
  ) {
    return readWholeFirstChunk(
      sheet as SheetPort & { readDataRange(): Chunk['values'] },
      { headerRow: spec.headerRow, v21Width: baseline.v21_columns, maxCells },
      known,
    );
  }
  const extent = sheet.extent ? sheet.extent() : sheet.dimensions();
  const dataRows = Math.max(0, extent.lastRow - spec.headerRow);
  const width = Math.max(extent.lastColumn, baseline.v21_columns, 1);
  const rows = reads.rows(
    {
      cellsPerRow: width + baseline.v21_columns,
      reads: 2,
      remaining: dataRows,
      max: chunkRows(width, cursor.max_cells_per_read),
      step: DIGEST_BLOCK_ROWS,
      extraCells: width,
    },
    (t) => t('read_values_and_formulas', { values: width, formulas: baseline.v21_columns }),
  );
  if (rows === 0 && dataRows > 0) return null;
  const { header, chunk } = readFirstChunk(sheet, {
    headerRow: spec.headerRow,
    first: 0,
    rows,
    width,
    v21Width: baseline.v21_columns,
  });
  return { extent, header, chunk };
}
