// The edit freeze (setting edit_freeze): the sheets a run changes are protected, the effective user as their
// only editor, from just before the backup until the verification ends, and the protection is always removed
// afterwards: when the run is done or fails, on a start over and on a rollback; a crash leaves the run's record,
// and the execution that carries the run on finishes or removes it.
//
// Crash safety: the sheets to protect are recorded (with the intent) before the first protect call; only a sheet
// with no protection of its own at that moment is listed, so a whole-sheet protection found later on a listed
// sheet with the run's description, or with none (a crash between Sheet.protect() and setDescription), is the
// run's. A sheet someone had already protected is left as it is, and named in the log.
import { catalogues, messagesFor, translator, type Translate } from '../messages';
import type { Logger, Services, SpreadsheetPort } from '../ports';
import { PUBLISHED_MS_PER_CELL } from '../slice/read-pace';
import type { Checkpoint } from './checkpoint';
import type { RunPlan } from './types';

/**
 * Every protection the freeze makes has a description that starts with freeze_prefix in the language of the
 * owner who started the run (they see it in Data > Protected sheets and ranges); any language's is the run's.
 */
const FREEZE_PREFIXES = Object.values(catalogues).map((catalogue) => catalogue.freeze_prefix);

export function freezeDescription(runId: string, t: Translate = translator('en')): string {
  return t('freeze_description', { prefix: t('freeze_prefix'), run: runId });
}

function isOurs(description: string): boolean {
  return description === '' || FREEZE_PREFIXES.some((prefix) => description.startsWith(prefix));
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
  t: Translate = translator('en'),
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
  for (const name of freeze.sheets) spreadsheet.protectSheet(name, freezeDescription(checkpoint.run_id, t));
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
  t: Translate = translator('en'),
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
      t('freeze_not_removed', {
        sheets: sheets.join(', '),
        error: (error as Error).message,
        prefix: t('freeze_prefix'),
      }),
    );
  }
}

/** removeFreeze, opening the backup copy through the services (a copy that cannot be opened is skipped). */
export function thawRun(
  services: Pick<Services, 'spreadsheets' | 'session'>,
  spreadsheet: SpreadsheetPort,
  checkpoint: Checkpoint,
  logger: Logger,
): void {
  const openBackup = (fileId: string) => {
    try {
      return services.spreadsheets.open(fileId);
    } catch {
      return null;
    }
  };
  removeFreeze(spreadsheet, checkpoint, logger, openBackup, messagesFor(services.session));
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
