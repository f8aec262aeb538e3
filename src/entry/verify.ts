// Verification entry points: the sidebar's verifyMigration() and the menu's "Verify migration".
import { messagesFor } from '../core/messages';
import { busyMessage, withDocumentLock } from '../core/slice/lock';
import { runVerificationSlice } from '../core/verify/session';
import type { VerificationReport } from '../core/contract';
import { reportCheck } from '../core/verify';
import { tellOutcome } from '../gas/ui';
import type { Translate } from '../core/messages';
import { ownerText } from './owner-text';
import { servicesForActiveSpreadsheet } from './services';

/** Runs every check on the last completed migration (resuming an unfinished verification) and saves the report. */
export function verifyMigration(): VerificationReport {
  const services = servicesForActiveSpreadsheet();
  if (!services.spreadsheets.active()) {
    const t = ownerText();
    throw new Error(t('verify_open_spreadsheet', { menu: t('menu_path') }));
  }
  return withDocumentLock(
    services.lock,
    () => runVerificationSlice(services),
    () => {
      throw new Error(busyMessage(messagesFor(services.session), 'verify'));
    },
  );
}

export function describeVerification(report: VerificationReport, t: Translate): string {
  const checks = report.checks as Record<string, { passed: boolean; pending?: unknown }>;
  const names = Object.keys(checks);
  const pending = names.some((name) => checks[name].pending === true);
  const failed = names.filter((name) => !checks[name].passed);
  const headline = pending
    ? t('verify_unfinished')
    : failed.length === 0
      ? t('verify_all_passed', { count: names.length })
      : t('verify_some_failed', { failed: failed.length, count: names.length, names: failed.join(', ') });
  const url = reportCheck(report).url;
  return [
    headline,
    ...report.errors.slice(0, 5),
    ...(typeof url === 'string' ? [t('verify_report', { url })] : []),
  ].join('\n\n');
}

export function menuVerifyMigration(): void {
  const t = ownerText();
  tellOutcome(t('title_verify'), () => describeVerification(verifyMigration(), t));
}
