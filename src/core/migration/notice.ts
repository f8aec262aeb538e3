// The owner's mail when a run the resume trigger carried on (the panel closed) ends or fails: the result, the
// backup and what to do next, in the owner's language. At most one per outcome: the outcome's history entry
// records the notice (its intent) in the same write that records the outcome, and the mail goes after it, so an
// execution repeated after a crash finds the outcome recorded and never mails again.
import { messagesFor, type Translate } from '../messages';
import type { MigrationConfig } from '../contract';
import type { Services } from '../ports';

export interface RunOutcome {
  migration: string;
  state: 'done' | 'failed';
  spreadsheet: { id: string; name: string };
  backup: { name: string; url: string } | null;
  error?: { step: string; message: string; next?: string };
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

export function composeNotice(t: Translate, outcome: RunOutcome): { subject: string; body: string } {
  const what = t('mail_what_run', { migration: outcome.migration });
  const names = { addon: t('addon_name'), what, spreadsheet: outcome.spreadsheet.name };
  const done = outcome.state === 'done';
  const lines = [t(done ? 'mail_intro_done' : 'mail_intro_failed', names)];
  if (!done && outcome.error) {
    lines.push('', t('mail_error', { message: `${outcome.error.step}: ${outcome.error.message}` }));
  }
  lines.push('', t('mail_spreadsheet', { url: spreadsheetUrl(outcome.spreadsheet.id) }));
  lines.push(
    outcome.backup
      ? t('mail_backup', { name: outcome.backup.name, url: outcome.backup.url })
      : t('mail_no_backup'),
  );
  const next = done
    ? t('mail_next_done', { menu: t('menu_path') })
    : (outcome.error?.next ?? t('mail_next_failed', { menu: t('menu_path') }));
  lines.push('', t('mail_next', { next }), '', t('mail_footer'));
  return { subject: t(done ? 'mail_subject_done' : 'mail_subject_failed', names), body: lines.join('\n') };
}

/**
 * Where the notice of this outcome goes, or null when none is due: only an execution of the resume trigger
 * (nobody is watching), with the notify_by_email setting on and an address Apps Script gives.
 */
export function noticeRecipient(
  services: Services,
  config: MigrationConfig,
  unattended: boolean,
): string | null {
  if (!unattended || !config.notify_by_email || !services.mail) return null;
  try {
    return services.mail.ownerAddress() || null;
  } catch (error) {
    services.logger.warn(
      `The owner's address is not available, so no mail is sent: ${(error as Error).message}`,
    );
    return null;
  }
}

/** Sends the notice already recorded; a refusal (the daily quota) is logged, never retried. */
export function sendNotice(services: Services, to: string, outcome: RunOutcome): void {
  if (!services.mail) return;
  try {
    services.mail.send({ to, ...composeNotice(messagesFor(services.session), outcome) });
  } catch (error) {
    services.logger.warn(`The mail to ${to} about the run could not be sent: ${(error as Error).message}`);
  }
}
