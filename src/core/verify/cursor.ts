import type { Baseline } from '../baseline';
import { MAX_CELLS_PER_READ } from '../slice/read-pace';
import { emptySample } from './sample';
import { fitsOneProperty, utf8Bytes } from '../state/property-size';
import type { VerificationCursor, VerificationMode } from './types';

export interface VerificationOptions {
  /** Default 'post_migration' (the engine's test_smoke step); see VerificationMode. */
  mode?: VerificationMode;
  /** Copied into the report's dry_run field. */
  dry_run?: boolean;
  /** Cells per read at most; default MAX_CELLS_PER_READ (2M). */
  max_cells_per_read?: number;
}

export function startVerification(
  baseline: Baseline,
  nowIso: string,
  options: VerificationOptions = {},
): VerificationCursor {
  return {
    kind: 'verification',
    migration: baseline.migration,
    run_id: baseline.run_id,
    started_at: nowIso,
    mode: options.mode ?? 'post_migration',
    dry_run: options.dry_run ?? false,
    phase: 'structure',
    layout: null,
    structure: null,
    next_row: 0,
    max_cells_per_read: options.max_cells_per_read ?? MAX_CELLS_PER_READ,
    chunk_ms: 0,
    slices: 0,
    versions: { checked: 0, invalid: emptySample(), not_zero: emptySample() },
    occupation: { checked: 0, occupied: 0, invalid: emptySample() },
    values: { checked: 0, invalid: emptySample() },
    intact: {
      rows_compared: 0,
      blocks_differing: 0,
      differences: emptySample(),
      changed_by_app: 0,
      backup_error: null,
    },
  };
}

/** Whether a stored value is a cursor of this shape (a damaged or foreign one is ignored, not trusted). */
export function parseCursor(json: string | null | undefined): VerificationCursor | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as Partial<VerificationCursor>;
    if (parsed.kind !== 'verification' || typeof parsed.run_id !== 'string') return null;
    if (typeof parsed.next_row !== 'number' || !parsed.versions || !parsed.intact || !parsed.occupation)
      return null;
    // a layout from before the spec carried the column rules: start over rather than guess them
    if (parsed.layout && !('counter' in parsed.layout && 'pair' in parsed.layout)) return null;
    return parsed as VerificationCursor;
  } catch {
    return null;
  }
}

/**
 * The cursor as stored between executions: the lists of examples are shortened until it fits one property;
 * the counts stay exact, so the report still says how many rows and cells failed.
 */
export function encodeCursor(cursor: VerificationCursor): string {
  const copy = JSON.parse(JSON.stringify(cursor)) as VerificationCursor;
  const lists = [
    copy.intact.differences.first,
    copy.versions.invalid.first,
    copy.versions.not_zero.first,
    copy.occupation.invalid.first,
    copy.structure?.header_differences.first ?? [],
  ];
  let json = JSON.stringify(copy);
  while (!fitsOneProperty(json)) {
    const longest = lists.reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.length === 0) {
      throw new Error(
        `Verification cursor is ${utf8Bytes(json)} bytes even without examples; it must fit 9 KB.`,
      );
    }
    longest.splice(Math.floor(longest.length / 2));
    json = JSON.stringify(copy);
  }
  return json;
}
