// The edit freeze (setting edit_freeze): the sheets a run changes are protected, the effective user as their
// only editor, from just before the backup until the verification ends, and the protection is always removed
// afterwards: when the run is done or fails, on a start over and on a rollback; a crash leaves the run's record,
// and the execution that carries the run on finishes or removes it.
//
// Crash safety: the sheets to protect are recorded (with the intent) before the first protect call; only a sheet
// with no protection of its own at that moment is listed, so a whole-sheet protection found later on a listed
// sheet with the run's description, or with none (a crash between Sheet.protect() and setDescription), is the
// run's. A sheet someone had already protected is left as it is, and named in the log.
import type { Logger, Services, SpreadsheetPort } from '../ports';
import { PUBLISHED_MS_PER_CELL } from '../read-pace';
import type { Checkpoint } from './checkpoint';
import type { RunPlan } from './types';

/** Every protection the freeze makes has a description that starts so. */
export const FREEZE_PREFIX = 'Schema migration';

export function freezeDescription(runId: string): string {
  return `${FREEZE_PREFIX} ${runId}: edits paused until its backup and verification end (removed automatically)`;
}

function isOurs(description: string): boolean {
  return description === '' || description.startsWith(FREEZE_PREFIX);
}

export interface FreezeRecord {
  /** The sheets to protect, once checked free of other protections (absent until then). */
  sheets?: string[];
  /** Sheets someone else had protected: left as they are. */
  skipped?: string[];
  /** Every listed sheet is protected. */
  applied: boolean;
}

/** The sheets a run changes: the target sheet, then the others its migration adds columns to or creates. */
export function frozenSheets(plan: Pick<RunPlan, 'sheet_name' | 'others'>): string[] {
  return [plan.sheet_name, ...(plan.others ?? []).map((other) => other.sheet)].filter(
    (name, i, all) => all.indexOf(name) === i,
  );
}

/**
 * Protects the run's sheets if its freeze is recorded and not yet in place. `commit` makes the list durable
 * before the first protect call.
 */
export function applyFreeze(
  spreadsheet: SpreadsheetPort,
  checkpoint: Checkpoint,
  plan: RunPlan,
  logger: Logger,
  commit: () => void,
): void {
  const freeze = checkpoint.freeze;
  if (!freeze || freeze.applied || !spreadsheet.protectSheet || !spreadsheet.sheetProtection) return;
  if (!freeze.sheets) {
    const wanted = frozenSheets(plan).filter((name) => spreadsheet.sheet(name) !== null);
    const taken = wanted.filter((name) => spreadsheet.sheetProtection?.(name) !== null);
    freeze.sheets = wanted.filter((name) => !taken.includes(name));
    freeze.skipped = taken;
    if (taken.length > 0) {
      logger.warn(`Edit freeze: ${taken.join(', ')} already protected by someone; left as they are.`);
    }
    commit();
  }
  for (const name of freeze.sheets) spreadsheet.protectSheet(name, freezeDescription(checkpoint.run_id));
  freeze.applied = true;
  logger.info(`Edit freeze: ${freeze.sheets.join(', ')} protected until the verification ends.`);
}

/**
 * Removes the run's protections (from the sheets it listed, and from the backup copy, which copied them) and
 * forgets the freeze. Never throws: a protection it cannot remove is named in the log.
 */
export function removeFreeze(
  spreadsheet: SpreadsheetPort,
  checkpoint: Checkpoint,
  logger: Logger,
  openBackup: (fileId: string) => SpreadsheetPort | null,
): void {
  const freeze = checkpoint.freeze;
  if (!freeze) return;
  const sheets = freeze.sheets ?? [];
  try {
    for (const name of sheets) spreadsheet.unprotectSheet?.(name, isOurs);
    const copy =
      checkpoint.backup.file_id && sheets.length > 0 ? openBackup(checkpoint.backup.file_id) : null;
    for (const name of sheets) copy?.unprotectSheet?.(name, isOurs);
    if (sheets.length > 0) logger.info(`Edit freeze: ${sheets.join(', ')} open for editing again.`);
    delete checkpoint.freeze;
  } catch (error) {
    logger.error(
      `Edit freeze: the protection of ${sheets.join(', ')} could not be removed (${(error as Error).message}). ` +
        `Remove it by hand: Data > Protect sheets and ranges, the one described "${FREEZE_PREFIX} ...".`,
    );
  }
}

/** removeFreeze, opening the backup copy through the services (a copy that cannot be opened is skipped). */
export function thawRun(
  services: Pick<Services, 'spreadsheets'>,
  spreadsheet: SpreadsheetPort,
  checkpoint: Checkpoint,
  logger: Logger,
): void {
  removeFreeze(spreadsheet, checkpoint, logger, (fileId) => {
    try {
      return services.spreadsheets.open(fileId);
    } catch {
      return null;
    }
  });
}

/**
 * What the plan says about the freeze: the sheets and about how long, from a model of the run's reads at the
 * published speed (the backup reads the sheet and its copy, the verification the sheet and the backup, each values
 * and formulas) and its time budget; with the panel closed the run goes on once an hour.
 */
export function freezeEstimate(
  plan: Pick<RunPlan, 'sheet_name' | 'others' | 'last_row' | 'last_column'>,
  budgetSeconds: number,
): { sheets: string[]; minutes: number; executions: number; hours_if_panel_closed: number } {
  const cells = plan.last_row * plan.last_column;
  const seconds = 30 + (8 * cells * PUBLISHED_MS_PER_CELL) / 1000;
  const executions = Math.max(1, Math.ceil(seconds / budgetSeconds));
  return {
    sheets: frozenSheets(plan),
    minutes: Math.max(1, Math.ceil(seconds / 60)),
    executions,
    hours_if_panel_closed: executions - 1,
  };
}
