// The run's checkpoint in document properties: `migration.run` (state, steps, cursors, backup),
// `migration.plan` (the plan, so later slices never plan again) and `migration.baseline` (what verification and
// rollback compare against). Each value stays under the 9 KB property limit; all are cleared when a run ends.
import { BASELINE_KEY, CHECKPOINT_PREFIX, PLAN_KEY, RUN_KEY } from '../state/keys';
import type { Baseline } from '../baseline';
import type { FreezeRecord } from './freeze';
import type { ExecutionStore } from './store';
import type { RunState, StepRecord } from '../contract';
import type { StepKind } from '../migrations/types';
import type { MigrationSpec } from '../migrations/migration-spec';
import { startOverHow, type RunPlan } from './types';
import { translator, type Translate } from '../messages';
import type { WrittenBoxes } from '../write-zones';
import { propertyValue, utf8Bytes } from '../state/property-size';

/** Apps Script allows 500 KB per property store (https://developers.google.com/apps-script/guides/services/quotas). */
export const MAX_STORE_BYTES = 500 * 1024;

export interface BackupRecord {
  name: string;
  folder_id: string;
  file_id?: string;
  url?: string;
  created_at?: string;
}

/** create_backup's progress: which copy this is, and how far its check got (see backup.ts). */
export interface BackupCheck {
  /** 1 for the first copy; a copy that cannot be proven faithful is replaced by the next, up to 3. */
  attempt: number;
  /** Rejected copies still to move to the trash (the intent is stored before the trash call). */
  rejected: string[];
  /** 'original': reading A, the sheet before the copy; 'copy': reading C, the copy (and B where they differ). */
  phase: 'original' | 'copy';
  /** Data rows (0-based, after the header) read in this phase. */
  next: number;
  /** The header row was read in this phase (with its first chunk). */
  header_read: boolean;
  /**
   * A: the original's header digest and block digests over the compared width, of the blocks the copy has not
   * been checked against yet; null when A was lost (a crash right after the copy), so every block is judged by B.
   */
  original: { header: string | null; digests: string[] } | null;
  /** C's block digests of the v2.1 region, for the blocks proven faithful: the baseline. */
  baseline: string[];
  /** The copy's chunk just read where it differs from A, waiting for B (C's digests of those blocks). */
  suspects?: {
    rows: number;
    header?: string;
    blocks: { index: number; digest: string }[];
    baseline: string[];
  };
}

export interface Checkpoint {
  migration: string;
  run_id: string;
  spreadsheet_id: string;
  state: Exclude<RunState, 'not_started' | 'done' | 'rolled_back'>;
  started_at: string;
  updated_at: string;
  executions: number;
  steps: StepRecord[];
  backup: BackupRecord;
  backup_check?: BackupCheck;
  /** The edit freeze of this run (setting edit_freeze when it started): see freeze.ts. */
  freeze?: FreezeRecord;
  /** Next data row (0-based) of initialize_versions' chunked pass, per column header. */
  versions?: { next: number; written: number };
  /** Next data row (0-based) of the computed columns' fill. */
  computed?: { next: number };
  /**
   * The last sheet row whose new columns the run filled: the plan's last row, or later where rows others appended
   * were topped up before the verification read them.
   */
  filled_through?: number;
  /** Bounding boxes of every range the run wrote, per sheet (see confined.ts): all inside the new columns. */
  written?: WrittenBoxes;
  /** Milliseconds per cell of the latest block read (see ReadPace): sizes the next execution's first read. */
  read_ms_per_cell?: number;
  /** A resume trigger may exist: remove it when the run ends. */
  trigger: boolean;
  /**
   * An execution may have gone on to write test_smoke's report file after this checkpoint was stored: the next
   * one looks for the file by name before writing it. Every checkpoint write before the report carries it.
   */
  report_intent?: boolean;
  error?: { step: string; message: string; next: string };
  /** test_smoke's verification, in short. */
  report?: { success: boolean; timestamp: string; errors: string[]; file_id: string | null };
}

export function newCheckpoint(
  spec: Pick<MigrationSpec, 'id' | 'steps'>,
  plan: RunPlan,
  runId: string,
  nowIso: string,
): Checkpoint {
  return {
    migration: spec.id,
    run_id: runId,
    spreadsheet_id: plan.spreadsheet_id,
    state: 'running',
    started_at: nowIso,
    updated_at: nowIso,
    executions: 1,
    steps: spec.steps.map((step) => ({ name: step.name, status: 'pending' })),
    backup: { name: plan.backup_name, folder_id: plan.backup_folder_id },
    trigger: false,
  };
}

function parse<T>(all: Record<string, string>, key: string, t: Translate): T | null {
  const raw = all[key];
  if (raw === undefined) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new Error(t('checkpoint_damaged', { key, start_over: startOverHow(t) }));
  }
}

export function readCheckpoint(
  all: Record<string, string>,
  t: Translate = translator('en'),
): { checkpoint: Checkpoint; plan: RunPlan } | null {
  const checkpoint = parse<Checkpoint>(all, RUN_KEY, t);
  if (!checkpoint) return null;
  const plan = parse<RunPlan>(all, PLAN_KEY, t);
  if (!plan) throw new Error(t('checkpoint_no_plan', { key: PLAN_KEY, start_over: startOverHow(t) }));
  return { checkpoint, plan };
}

export function readBaseline(all: Record<string, string>): Baseline | null {
  return parse<Baseline>(all, BASELINE_KEY, translator('en'));
}

export function encode(key: string, value: unknown): string {
  return propertyValue(value, `Checkpoint value ${key}`);
}

export function storeBytes(all: Record<string, string>): number {
  return Object.entries(all).reduce((sum, [key, value]) => sum + utf8Bytes(key) + utf8Bytes(value), 0);
}

export function step(checkpoint: Checkpoint, name: string): StepRecord {
  const found = checkpoint.steps.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`Checkpoint of run ${checkpoint.run_id} has no step ${name}.`);
  return found;
}

/** The name the spec gives the step that does `kind`. */
export function stepName(spec: Pick<MigrationSpec, 'id' | 'steps'>, kind: StepKind): string {
  const found = spec.steps.find((candidate) => candidate.does === kind);
  if (!found) throw new Error(`Migration ${spec.id} has no step that does ${kind}.`);
  return found.name;
}

/** The record of the run's step that does `kind`. */
export function stepOf(ctx: { checkpoint: Checkpoint; spec: MigrationSpec }, kind: StepKind): StepRecord {
  return step(ctx.checkpoint, stepName(ctx.spec, kind));
}

export function checkpointKeys(all: Record<string, string>): string[] {
  return Object.keys(all).filter((key) => key.startsWith(CHECKPOINT_PREFIX));
}

/** Writes the run (and the plan/baseline when given) in one round trip. */
export function saveCheckpoint(
  store: ExecutionStore,
  checkpoint: Checkpoint,
  extra: Record<string, string> = {},
): void {
  store.setMany({ ...extra, [RUN_KEY]: encode(RUN_KEY, checkpoint) });
}
