// create_backup: a Drive copy of the whole spreadsheet, proven to be the target sheet as it was at the moment T
// of the copy, before anything is changed; others may edit the sheet all along.
//
// A is the original read before the copy (block digests; the plan's read when it holds the whole sheet), C the
// copy read after it. A block whose C digest equals A's is faithful: the copy holds what the sheet held before T,
// and nothing came between. A block that differs is read from the original again (B, that block only): C equal to
// B is faithful too (the cells were edited between A and T, and not since). Otherwise the copy cannot be proven
// faithful: it was damaged, or a cell was edited both before and after T. Such a copy is moved to the trash and
// a new one made and checked the same way, from a new A; after BACKUP_ATTEMPTS unproven copies the run fails,
// suggesting the edit freeze. The baseline (the v2.1 region's block digests that verification and rollback use
// as "the value at backup time") is C's, not the original's.
//
// Crash safety: the check's state is in the checkpoint. The intent to copy (with A) is stored before the copy,
// except for the run's first copy in the execution that recorded the run: a copy found by its recorded name with
// no A stored is then judged against B alone. A rejected copy is recorded before it is trashed.
import { BASELINE_KEY } from '../state/keys';
import { messagesFor } from '../messages';
import type { Baseline } from '../baseline';
import type { SheetPort } from '../ports';
import { CopyUnproven, checkCopy, newCheck, readOriginal } from './backup-check';
import { type BackupCheck, encode, stepOf } from './checkpoint';
import type { RunContext } from './context';
import type { PhaseOutcome } from '../slice/phases';

/** Unproven copies in a row before the run stops. */
export const BACKUP_ATTEMPTS = 3;

/** The run stops: the sheet changed too much while it was copied. Nothing was changed in it. */
export class BackupUnproven extends Error {}

export function createBackup(ctx: RunContext): PhaseOutcome {
  const backup = ctx.checkpoint.backup;
  const stored = ctx.checkpoint.backup_check;
  if (!stored && !backup.file_id && ctx.budget.spent()) return 'paused';
  const check = stored ?? firstCheck(ctx);
  ctx.checkpoint.backup_check = check;
  // A stored intent to copy with no copy recorded: an execution may have died just after making it.
  if (stored && stored.phase === 'copy' && !backup.file_id) adoptCopy(ctx);
  for (;;) {
    trashRejected(ctx, check);
    if (check.phase === 'original') {
      const outcome = readOriginal(ctx, check);
      showProgress(ctx, check);
      if (outcome === 'paused') return 'paused';
      check.phase = 'copy';
      check.next = 0;
      check.header_read = false;
      ctx.touch();
    }
    if (!backup.file_id) makeCopy(ctx, check);
    try {
      const outcome = checkCopy(ctx, check, copySheet(ctx));
      showProgress(ctx, check);
      if (outcome === 'paused') return 'paused';
      break;
    } catch (error) {
      if (!(error instanceof CopyUnproven)) throw error;
      reject(ctx, check, error.message);
    }
  }
  ctx.backupChecked = true;
  const plan = ctx.plan;
  const baseline: Baseline = {
    migration: ctx.spec.id,
    run_id: ctx.checkpoint.run_id,
    spreadsheet_id: plan.spreadsheet_id,
    sheet_name: plan.sheet_name,
    data_rows: plan.data_rows,
    v21_columns: plan.v21_columns,
    v21_headers: plan.v21_headers,
    max_rows: plan.max_rows,
    max_columns: plan.max_columns,
    columns_added: plan.to_add,
    backup: {
      file_id: backup.file_id as string,
      name: backup.name,
      url: backup.url as string,
      folder_id: backup.folder_id,
      created_at: backup.created_at as string,
    },
    block_digests: check.baseline,
    ...(plan.others ? { others: plan.others } : {}),
  };
  delete ctx.checkpoint.backup_check;
  ctx.stage(BASELINE_KEY, encode(BASELINE_KEY, baseline));
  return 'done';
}

/**
 * The check of the run's first copy. An earlier execution that recorded the run may have died right after making
 * the copy, before storing anything about it: that copy is adopted, with no A to judge it by.
 */
function firstCheck(ctx: RunContext): BackupCheck {
  const check = newCheck(1);
  const backup = ctx.checkpoint.backup;
  if (!backup.file_id && !ctx.createdThisExecution) adoptCopy(ctx);
  if (backup.file_id) {
    check.phase = 'copy';
    check.original = null;
  }
  return check;
}

function adoptCopy(ctx: RunContext): void {
  const backup = ctx.checkpoint.backup;
  const file = ctx.services.drive.findFileInFolder(backup.folder_id, backup.name);
  if (!file) return;
  ctx.logger.info(`Backup "${backup.name}" found from an earlier attempt: not copying again.`);
  record(ctx, file);
}

function makeCopy(ctx: RunContext, check: BackupCheck): void {
  const backup = ctx.checkpoint.backup;
  // The intent with A, so that a copy found after a crash is judged against A. The run's first copy in the
  // execution that recorded the run goes without it (one write less): see firstCheck.
  if (!(ctx.createdThisExecution && check.attempt === 1)) ctx.commit();
  const file = ctx.services.drive.copyFile(ctx.plan.spreadsheet_id, backup.name, backup.folder_id);
  ctx.logger.info(`Backup "${backup.name}" created (${file.id}).`);
  record(ctx, file);
}

function record(ctx: RunContext, file: { id: string; url: string; createdAt: string }): void {
  const backup = ctx.checkpoint.backup;
  backup.file_id = file.id;
  backup.url = file.url;
  backup.created_at = file.createdAt;
  ctx.touch();
}

function copySheet(ctx: RunContext): SheetPort {
  const backup = ctx.checkpoint.backup;
  const copy = ctx.services.spreadsheets.open(backup.file_id as string).sheet(ctx.plan.sheet_name);
  if (!copy) throw new CopyUnproven(`the copy has no sheet "${ctx.plan.sheet_name}"`);
  return copy;
}

/** Records the copy as rejected (the intent), trashes it, and starts the next attempt or stops the run. */
function reject(ctx: RunContext, check: BackupCheck, why: string): void {
  const backup = ctx.checkpoint.backup;
  const exhausted = check.attempt >= BACKUP_ATTEMPTS;
  ctx.logger.warn(
    `Backup copy ${check.attempt} of ${BACKUP_ATTEMPTS} (${backup.file_id}) cannot be proven to match sheet ` +
      `"${ctx.plan.sheet_name}" as it was when copied (${why}): it goes to the trash.`,
  );
  const next = newCheck(exhausted ? 1 : check.attempt + 1, [...check.rejected, backup.file_id as string]);
  Object.assign(check, next);
  delete check.suspects;
  delete backup.file_id;
  delete backup.url;
  delete backup.created_at;
  ctx.touch();
  ctx.commit();
  trashRejected(ctx, check);
  if (exhausted) {
    const t = messagesFor(ctx.services.session);
    const menu = t('menu_path');
    throw new BackupUnproven(
      t('backup_unproven', {
        sheet: ctx.plan.sheet_name,
        attempts: BACKUP_ATTEMPTS,
        menu,
        resume: t('menu_resume'),
        start_over: t('start_over_how', { menu, panel: t('menu_open_panel') }),
      }),
    );
  }
}

function trashRejected(ctx: RunContext, check: BackupCheck): void {
  if (check.rejected.length === 0) return;
  for (const id of check.rejected) ctx.services.drive.trash(id);
  check.rejected = [];
  ctx.touch();
}

/** Progress over both reads: the original's, then the copy's (each row counts half). */
function showProgress(ctx: RunContext, check: BackupCheck): void {
  const total = ctx.plan.data_rows;
  const read = check.phase === 'original' ? check.next : total + check.next;
  stepOf(ctx, 'backup').progress = { done: Math.floor(read / 2), total };
}
