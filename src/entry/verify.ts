// Verification entry points: the sidebar's verifyMigration() and the menu's "Verify migration".
import { busyMessage, withDocumentLock } from '../core/slice/lock';
import { runVerificationSlice } from '../core/verify/session';
import type { VerificationReport } from '../core/contract';
import { reportCheck } from '../core/verify';
import { tellOutcome } from '../gas/ui';
import { servicesForActiveSpreadsheet } from './services';

/** Runs every check on the last completed migration (resuming an unfinished verification) and saves the report. */
export function verifyMigration(): VerificationReport {
  const services = servicesForActiveSpreadsheet();
  if (!services.spreadsheets.active()) {
    throw new Error('Open the spreadsheet and run Verify migration from its Extensions menu or the sidebar.');
  }
  return withDocumentLock(
    services.lock,
    () => runVerificationSlice(services),
    () => {
      throw new Error(busyMessage('verify again'));
    },
  );
}

export function describeVerification(report: VerificationReport): string {
  const checks = report.checks as Record<string, { passed: boolean; pending?: unknown }>;
  const names = Object.keys(checks);
  const pending = names.some((name) => checks[name].pending === true);
  const failed = names.filter((name) => !checks[name].passed);
  const headline = pending
    ? 'The verification is not finished yet.'
    : failed.length === 0
      ? `All ${names.length} checks passed.`
      : `${failed.length} of ${names.length} checks failed: ${failed.join(', ')}.`;
  const url = reportCheck(report).url;
  return [
    headline,
    ...report.errors.slice(0, 5),
    ...(typeof url === 'string' ? [`Report: ${url}`] : []),
  ].join('\n\n');
}

export function menuVerifyMigration(): void {
  tellOutcome('Verify migration', () => describeVerification(verifyMigration()));
}
