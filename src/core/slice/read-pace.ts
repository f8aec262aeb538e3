// How fast Sheets answers reads in this run, and how many rows the next block read may take. Block sizes follow
// the speed measured so far, so one slow read can never overrun Apps Script's 6-minute execution limit
// (https://developers.google.com/apps-script/guides/services/quotas#current_limitations): a read whose predicted
// time does not fit is not started, and the run pauses with its cursor instead.
//
// Limits. Reads compared through block digests start on a multiple of DIGEST_BLOCK_ROWS and cover whole blocks
// (the digest scheme has no partial blocks), so the smallest such unit is 1,000 rows of values and formulas of
// one sheet: it must fit one execution (about 315 s; 66 columns at up to ~2.4 ms a cell). When it cannot, the
// step fails with SheetsTooSlow rather than pause for ever. The first read of a migration run, before any is
// measured, assumes the published speed (PUBLISHED_MS_PER_CELL); an execution that follows one which recorded no
// measure (it may have died in an unmeasured read) assumes the cautious DEFAULT_MS_PER_CELL instead.
import { translator, type Translate } from '../messages';
import type { Clock, SheetPort, SpreadsheetPort, SpreadsheetsPort } from '../ports';

/** The most cells one block read asks for: the size Sheets serves well in one getValues (about 2M cells). */
export const MAX_CELLS_PER_READ = 2_000_000;

/** Apps Script ends an execution at 6 minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
/** No planned read may end later than this before the limit: room to save the cursor and the trigger. */
export const LIMIT_MARGIN_MS = 30_000;
/** What an execution spends before its first block read (properties, lock, opening files, header reads). */
export const STARTUP_MS = 15_000;
/** A planned read takes at most this share of the time left before the budget's deadline. */
export const SHARE_OF_TIME_LEFT = 0.6;
/**
 * A read that asks for it (RowRequest.wholeRest: the verification's scan) may take all the rows left in one last
 * unit when SHARE_OF_TIME_LEFT would leave a fifth of them or less, and that unit fits this share of the time
 * left: the rest would be read next anyway, at once, for one more pair of calls (150,000 rows: 26,000 rows, then
 * 4,000). What it leaves is room for the report (8 s).
 */
export const SHARE_OF_TIME_LEFT_LAST_UNIT = 0.8;
/**
 * For a unit planned against the execution's own limit (less LIMIT_MARGIN_MS) rather than the time budget: the
 * verification's report checks, which come once the budget still holds REPORT_RESERVE_MS; pausing before them
 * would cost a whole execution (and its trigger's wait) for seconds of reads.
 */
export const UP_TO_THE_LIMIT = 'limit';
export type Share = number | typeof UP_TO_THE_LIMIT;
/** Fixed cost assumed for every read call; the rest of a read's time is charged per cell. */
export const READ_CALL_MS = 200;
/**
 * 8.5 µs a cell: the speed published for reading a large sheet
 * (https://tanaikech.github.io/2022/11/22/benchmark-process-costs-for-retrieving-values-from-2-dimensional-array-in-google-apps-script/).
 * A new migration run sizes its first block read from it, so that read is a full block instead of a sliver.
 */
export const PUBLISHED_MS_PER_CELL = 0.0085;
/**
 * The cautious speed: 2 ms a cell, about 235 times the published one. Assumed for reads that cannot pause midway
 * and come before any measure (the plan's whole-sheet read), and by an execution whose predecessor recorded no
 * measure: had an optimistic first read overrun the limit, the next attempt must not repeat it.
 */
export const DEFAULT_MS_PER_CELL = 2;
/** Reads of fewer cells than this are timed but not used as a measure: their fixed cost dominates. */
const MIN_MEASURED_CELLS = 1000;
/** Cells of the read that measures Sheets' speed for measuredUnit (20 s at the cautious 2 ms a cell). */
export const MEASURE_CELLS = 10_000;

const READS = new Set(['readValues', 'readFormulas', 'readDataRange', 'readDataRangeFormulas']);

/** The measured speed: milliseconds per cell of the latest read large enough to tell. */
export class ReadPace {
  msPerCell: number;
  /** A read of this execution measured the speed (else it is the one recorded by an earlier execution, or assumed). */
  measuredHere = false;

  constructor(
    private readonly clock: Clock,
    stored?: number,
    assumed = DEFAULT_MS_PER_CELL,
  ) {
    this.msPerCell = assumed;
    this.adopt(stored);
  }

  /** Takes over a speed recorded by an earlier execution (ignored when missing or damaged). */
  adopt(stored: unknown): void {
    if (typeof stored === 'number' && stored > 0 && Number.isFinite(stored)) this.msPerCell = stored;
  }

  /** Predicted time of `reads` read calls covering `cells` cells in all. */
  predictMs(reads: number, cells: number): number {
    return reads * READ_CALL_MS + cells * this.msPerCell;
  }

  /** Runs one read and learns from its time. */
  time<T>(read: () => T): T {
    const started = this.clock.now();
    const result = read();
    const cells = cellCount(result);
    if (cells >= MIN_MEASURED_CELLS) {
      const elapsed = this.clock.now() - started;
      this.msPerCell = Math.max(elapsed - READ_CALL_MS, 0) / cells || this.msPerCell;
      this.measuredHere = true;
    }
    return result;
  }
}

function cellCount(grid: unknown): number {
  if (!Array.isArray(grid) || grid.length === 0) return 0;
  const first: unknown = grid[0];
  return grid.length * (Array.isArray(first) ? first.length : 1);
}

/** The sheet with every read timed by `pace`; every other call passes through unchanged. */
export function pacedSheet(sheet: SheetPort, pace: ReadPace): SheetPort {
  return new Proxy(sheet, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      const method = member as (...args: unknown[]) => unknown;
      if (READS.has(String(property))) {
        return (...args: unknown[]) => pace.time(() => method.apply(target, args));
      }
      return (...args: unknown[]) => method.apply(target, args);
    },
  });
}

/** The spreadsheet whose sheets are all paced. */
export function pacedSpreadsheet(spreadsheet: SpreadsheetPort, pace: ReadPace): SpreadsheetPort {
  return new Proxy(spreadsheet, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      if (property === 'sheet') {
        return (name: string) => {
          const sheet = target.sheet(name);
          return sheet ? pacedSheet(sheet, pace) : null;
        };
      }
      const method = member as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => method.apply(target, args);
    },
  });
}

/** Every spreadsheet opened through the port (the active one and those opened by id), paced. */
export function pacedSpreadsheets(port: SpreadsheetsPort, pace: ReadPace): SpreadsheetsPort {
  return new Proxy(port, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      const method = member as (...args: unknown[]) => unknown;
      if (property === 'active' || property === 'open') {
        return (...args: unknown[]) => {
          const spreadsheet = method.apply(target, args) as SpreadsheetPort | null;
          return spreadsheet ? pacedSpreadsheet(spreadsheet, pace) : null;
        };
      }
      return (...args: unknown[]) => method.apply(target, args);
    },
  });
}

export interface RowRequest {
  /** Cells one row adds to the unit, over all its reads (values and formulas of 66 columns: 132). */
  cellsPerRow: number;
  /** Read calls the unit makes. */
  reads: number;
  /** Rows left to read. */
  remaining: number;
  /** Most rows one unit may take. */
  max: number;
  /** Rows come in whole multiples of this (DIGEST_BLOCK_ROWS for digests); the last unit takes what is left. */
  step: number;
  /** Cells read with the unit besides its rows (a header row). */
  extraCells?: number;
  /** The last unit may take the rest whole (see SHARE_OF_TIME_LEFT_LAST_UNIT). */
  wholeRest?: boolean;
}

/**
 * A read as SheetsTooSlow names it ("reading the key column"), in the owner's language: asked for only when the
 * error is thrown, so the locale is not read for a read that fits.
 */
export type ReadName = (t: Translate) => string;

/** Thrown when even the smallest block read would not fit a fresh execution: pausing could never help. */
export class SheetsTooSlow extends Error {
  /** `what`: the read, in the words of `t`'s language. */
  constructor(what: string, unitMs: number, msPerCell: number, t: Translate = translator('en')) {
    super(
      t('sheets_too_slow', {
        what,
        seconds: Math.round(unitMs / 1000),
        us: (msPerCell * 1000).toFixed(0),
      }),
    );
    this.name = 'SheetsTooSlow';
  }
}

/**
 * Sizes block reads for one execution: a unit of reads is planned only when its predicted time fits both
 * SHARE_OF_TIME_LEFT of the time left before the budget's deadline and LIMIT_MARGIN_MS before the 6-minute
 * limit. The first unit of an execution may use the time up to that margin even past the budget, so every
 * execution makes progress as long as the smallest unit fits an execution at all.
 */
export class ReadPlanner {
  /** A unit was planned in this execution: the next must fit the time left (no exception). */
  private granted = false;
  /**
   * Asked before every block is planned: true stops the work at this block (the step saves its cursor and
   * pauses), as when the time is spent. The run's owner pausing it is the one use.
   */
  stopRequested: (remainingRows?: number) => boolean = () => false;

  constructor(
    readonly clock: Clock,
    readonly pace: ReadPace,
    /** When this execution started. */
    readonly startMs: number,
    /** The time budget's deadline. */
    readonly deadlineMs: number,
    /** The owner's language, for SheetsTooSlow and the reads callers name in it. */
    readonly t: Translate = translator('en'),
  ) {}

  /** Latest time a read may end: the margin before the execution limit. */
  get hardDeadlineMs(): number {
    return this.startMs + EXECUTION_LIMIT_MS - LIMIT_MARGIN_MS;
  }

  private allowanceMs(share: Share = SHARE_OF_TIME_LEFT): number {
    const now = this.clock.now();
    if (share === UP_TO_THE_LIMIT) return this.hardDeadlineMs - now;
    return Math.min(share * (this.deadlineMs - now), this.hardDeadlineMs - now);
  }

  /**
   * Whether `reads` calls over `cells` cells fit the time left now: for optional reads (a whole range read to
   * save round trips, a backup kept in memory). They leave the first unit's exception to the block reads.
   */
  fits(reads: number, cells: number): boolean {
    return this.pace.predictMs(reads, cells) <= this.allowanceMs();
  }

  /**
   * Whether a unit that cannot be made smaller may start now: when it fits `share` of the time left (or the
   * time to the limit: UP_TO_THE_LIMIT), or when it is the first unit of this execution and fits before the
   * margin. Throws SheetsTooSlow when it could not fit any execution.
   */
  unit(
    reads: number,
    cells: number,
    what: ReadName = (t) => t('read_one_block'),
    share: Share = SHARE_OF_TIME_LEFT,
  ): boolean {
    if (this.stopRequested()) return false;
    const unitMs = this.pace.predictMs(reads, cells);
    if (unitMs <= this.allowanceMs(share)) {
      this.granted = true;
      return true;
    }
    if (unitMs > EXECUTION_LIMIT_MS - LIMIT_MARGIN_MS - STARTUP_MS) {
      throw new SheetsTooSlow(what(this.t), unitMs, this.pace.msPerCell, this.t);
    }
    const ok = !this.granted && this.clock.now() + unitMs <= this.hardDeadlineMs;
    if (ok) this.granted = true;
    return ok;
  }

  /**
   * unit(), for a unit whose speed may be an earlier execution's: when that speed says the unit could never fit,
   * `measure` (one short read of this execution) measures it first, then the unit is planned again. Sheets may
   * be faster now, and a unit that cannot be made smaller must not stay refused on an old measure.
   */
  measuredUnit(
    reads: number,
    cells: number,
    what: ReadName,
    measure: () => void,
    share: Share = SHARE_OF_TIME_LEFT,
  ): boolean {
    try {
      return this.unit(reads, cells, what, share);
    } catch (error) {
      if (!(error instanceof SheetsTooSlow) || this.pace.measuredHere) throw error;
      measure();
      return this.unit(reads, cells, what, share);
    }
  }

  /**
   * Rows the next unit may read: a multiple of `step` (or all that remain), or 0 when even the smallest unit
   * does not fit now (pause). Throws SheetsTooSlow when the smallest unit could not fit any execution.
   */
  rows(request: RowRequest, what: ReadName = (t) => t('read_one_block')): number {
    const { cellsPerRow, reads, remaining, max, step } = request;
    if (remaining <= 0 || this.stopRequested(remaining)) return 0;
    const extra = request.extraCells ?? 0;
    const perRowMs = Math.max(cellsPerRow, 1) * this.pace.msPerCell;
    const room = this.allowanceMs() - this.pace.predictMs(reads, extra);
    let rows = Math.min(Math.floor(room / perRowMs), max);
    const lastUnitMs = this.pace.predictMs(reads, extra + remaining * cellsPerRow);
    if (rows >= remaining) rows = remaining;
    else if (
      request.wholeRest &&
      remaining <= max &&
      remaining - rows <= remaining / 5 &&
      lastUnitMs <= this.allowanceMs(SHARE_OF_TIME_LEFT_LAST_UNIT)
    )
      rows = remaining;
    else rows = Math.floor(rows / step) * step;
    if (rows > 0) {
      this.granted = true;
      return rows;
    }
    const smallest = Math.min(step, remaining);
    const unit: ReadName = (t) => t('read_of_rows', { what: what(t), rows: smallest });
    return this.unit(reads, extra + smallest * cellsPerRow, unit) ? smallest : 0;
  }
}
