import type { Grid, Logger, Services, SheetPort, SpreadsheetPort } from '../ports';
import { messagesFor } from '../messages';
import { ReadPace, ReadPlanner } from '../slice/read-pace';
import type { MigrationSpec } from '../migrations/migration-spec';
import type { TimeBudget } from '../slice/budget';
import type { Checkpoint } from './checkpoint';
import { saveCheckpoint } from './checkpoint';
import type { MigrationConfig, StepRecord } from '../contract';
import type { ExecutionStore } from './store';
import type { PauseRequest, SlicePulse } from './live';
import type { RunPlan } from './types';
import { sheetOrStop, watchStructure } from './structure-watch';
import { WriteGuard, confinedSpreadsheet, planZones } from './confined';
import { addBox, covered, type Box } from '../write-zones';

/** Everything a step needs in one execution of a run. */
export class RunContext {
  /** The checkpoint changed since it was last written. */
  private dirty = false;
  /** Set by add_v3_columns when it inserted the columns in this execution. */
  insertedThisExecution = false;
  /** Set by add_v3_columns when it wrote every data row's fill before the headers (initialize_versions' work). */
  newColumnsFilled = false;
  /** Set by add_v3_columns when it wrote every data row's computed figures with the headers. */
  figuresFilled = false;
  /** The sheet's whole data range as the plan read it in this execution, if it did. */
  planValues: Grid | null = null;
  /** The data range's formulas, when the edit check already read them in this execution. */
  planFormulas: string[][] | null = null;
  /**
   * The header row's texts from column 1 on, as read or written in this execution (null when not known): the plan's
   * read (blank past the last column), updated by add_v3_columns, so verify_schema need not read it back.
   */
  knownHeaders: string[] | null = null;
  /** create_backup opened the copy and finished comparing it with the sheet in this execution. */
  backupChecked = false;
  /** create_backup read a chunk of the sheet or of its copy in this execution. */
  backupRead = false;
  /** The stored checkpoint says an earlier execution may have written the report file (see report_intent). */
  readonly reportMayExist: boolean;
  /** A resume trigger may exist from an earlier execution (the stored checkpoint's `trigger`). */
  readonly triggerMayExist: boolean;
  /** The stored checkpoint carries report_intent, so the report may be written without another write first. */
  private reportIntentStored: boolean;
  /** This execution is writing (or wrote) the report file. */
  private reportStarted = false;
  /** Plans every block read of this execution from the speed measured so far. */
  readonly reads: ReadPlanner;
  private sheetHandle: SheetPort | null = null;
  /** Other checkpoint values written with the next commit. */
  private staged: Record<string, string> = {};
  /** A live slice's exchange with the panel (progress out, the owner's pause in), between blocks. */
  pulse: SlicePulse | null = null;
  /** Rows the running step had left to read when it last planned a block (its progress between checkpoints). */
  rowsRemaining: number | null = null;
  /** An execution of the resume trigger (nobody watches it): its outcome is mailed to the owner. */
  unattended = false;
  /** The owner's pause request as the slice found it at its start. */
  pausedByOwner: PauseRequest | null = null;

  /** The spreadsheet as the run sees it: every write goes through the guard (see confined.ts). */
  readonly spreadsheet: SpreadsheetPort;
  /** The services, whose spreadsheets hand out the guarded target spreadsheet. */
  readonly services: Services;

  constructor(
    services: Services,
    readonly store: ExecutionStore,
    readonly spec: MigrationSpec,
    readonly config: MigrationConfig,
    live: SpreadsheetPort,
    readonly plan: RunPlan,
    readonly checkpoint: Checkpoint,
    readonly budget: TimeBudget,
    readonly logger: Logger,
    /** The run was created in this execution: its intent was just written and no effect was made before. */
    readonly createdThisExecution: boolean,
    /** Times every read of the run's sheets (the spreadsheet port is paced with it). */
    readonly pace: ReadPace = new ReadPace(services.clock, checkpoint.read_ms_per_cell),
  ) {
    const guard = new WriteGuard(
      planZones(plan),
      plan.header_row,
      (sheet, box) => this.recordWrite(sheet, box),
      (sheet) => watchStructure(this, sheet),
      messagesFor(services.session),
    );
    const creates = (plan.others ?? []).filter((other) => !other.existed).map((other) => other.sheet);
    const spreadsheet = confinedSpreadsheet(live, guard, creates);
    this.spreadsheet = spreadsheet;
    this.services = {
      ...services,
      spreadsheets: {
        active: () => spreadsheet,
        open: (id) => (id === live.id ? spreadsheet : services.spreadsheets.open(id)),
      },
    };
    this.reads = new ReadPlanner(
      services.clock,
      pace,
      budget.startMs,
      budget.deadlineMs,
      messagesFor(services.session),
    );
    this.reads.stopRequested = (remainingRows) => {
      if (remainingRows !== undefined) this.rowsRemaining = remainingRows;
      return this.pulse !== null && this.pulse.stopRequested();
    };
    this.reportMayExist = checkpoint.report_intent === true;
    this.reportIntentStored = this.reportMayExist;
    this.triggerMayExist = checkpoint.trigger;
  }

  get sheet(): SheetPort {
    if (this.sheetHandle === null) {
      this.sheetHandle = sheetOrStop(
        this,
        () => this.spreadsheet.sheet(this.plan.sheet_name),
        this.plan.sheet_name,
      );
    }
    return this.sheetHandle;
  }

  /**
   * Records a write the guard lets through, before it is made: merged into the checkpoint's boxes and, when it
   * reaches cells not on record yet, stored at once (one property write), so a write that an execution dies in
   * is on record too. A box on record may cover cells never written (the write did not happen): still inside.
   */
  private recordWrite(sheet: string, box: Box): void {
    const written = this.checkpoint.written ?? {};
    if (covered(written[sheet] ?? [], box)) return;
    written[sheet] = addBox(written[sheet] ?? [], box);
    this.checkpoint.written = written;
    this.dirty = true;
    this.commit();
  }

  /** The owner's pause request this slice knows of: from its start, or seen between blocks. */
  get ownerPause(): PauseRequest | null {
    return this.pausedByOwner ?? (this.pulse ? this.pulse.pause : null);
  }

  /**
   * The steps as a status read mid-slice shows them: the running step's progress counts the rows its last
   * planned block started from, which its record learns only when the step returns or pauses.
   */
  liveSteps(): StepRecord[] {
    const rows = this.plan.data_rows;
    return this.checkpoint.steps.map((step) => {
      const copy: StepRecord = JSON.parse(JSON.stringify(step)) as StepRecord;
      if (step.status !== 'running' || this.rowsRemaining === null || rows <= 0) return copy;
      const total = step.progress && step.progress.total > 0 ? step.progress.total : rows;
      const fromRows = Math.round(((rows - Math.min(this.rowsRemaining, rows)) * total) / rows);
      copy.progress = { done: Math.max(step.progress ? step.progress.done : 0, fromRows), total };
      return copy;
    });
  }

  nowIso(): string {
    return new Date(this.services.clock.now()).toISOString();
  }

  /** Notes a change to the checkpoint to be written before the next side effect or at the end of the slice. */
  touch(): void {
    this.dirty = true;
  }

  /** Adds a value (already encoded) to the next commit. */
  stage(key: string, value: string): void {
    this.staged[key] = value;
    this.dirty = true;
  }

  /**
   * Writes the checkpoint if it changed, in one round trip: call before every side effect so intent is durable.
   * A write mid-run may be the last one before the report file is written, so it carries the report's intent
   * too; the final writes of a slice pass what they know instead (`reportIntent`).
   */
  commit(reportIntent = true): void {
    if (!this.dirty) return;
    this.checkpoint.updated_at = this.nowIso();
    this.checkpoint.report_intent = reportIntent;
    this.checkpoint.read_ms_per_cell = Number(this.pace.msPerCell.toPrecision(4));
    saveCheckpoint(this.store, this.checkpoint, this.staged);
    this.reportIntentStored = reportIntent;
    this.staged = {};
    this.dirty = false;
  }

  /**
   * Just before test_smoke writes its report file: makes the intent durable (unless a write of this execution
   * already carried it) and says whether an earlier execution may have written the file.
   */
  beforeReport(): { mayExist: boolean } {
    if (!this.reportIntentStored) {
      this.touch();
      this.commit();
    }
    this.reportStarted = true;
    return { mayExist: this.reportMayExist };
  }

  /** What a slice's last write says about the report: this execution or an earlier one may have written it. */
  get reportIntentAtEnd(): boolean {
    return this.reportMayExist || this.reportStarted;
  }
}
