import { advanceVerification, startVerification, type VerificationMode } from '../../src/core/verify';
import type { VerificationReport } from '../../src/core/contract';
import type { VerificationCursor } from '../../src/core/verify/types';
import type { MigrationSpec } from '../../src/core/migrations/migration-spec';
import { V3_MIGRATION } from './specs';
import type { VerifyWorld } from './verify-fakes';

export const HEADERS = ['id', 'NV', 'TAG_SPOOL', 'Ubicación', 'Rev.', 'Tipo Armado', 'Precio Total'];

/** Runs a verification to the end in slices of `budgetMs` virtual time; returns the report and the cursors. */
export function verify(
  world: VerifyWorld,
  mode: VerificationMode = 'post_migration',
  budgetMs = 300_000,
  maxCellsPerRead?: number,
  spec: MigrationSpec = V3_MIGRATION,
): { report: VerificationReport; cursors: VerificationCursor[] } {
  let cursor = startVerification(world.baseline, world.clock.iso(), {
    mode,
    max_cells_per_read: maxCellsPerRead,
  });
  const cursors: VerificationCursor[] = [];
  for (let slice = 0; slice < 1000; slice += 1) {
    const step = advanceVerification(
      world.services,
      spec,
      world.baseline,
      cursor,
      world.clock.now() + budgetMs,
    );
    if (step.report) return { report: step.report, cursors };
    cursor = JSON.parse(JSON.stringify(step.cursor));
    cursors.push(cursor);
    world.clock.advance(1000);
  }
  throw new Error('verification never finished');
}

export function failedChecks(report: VerificationReport): string[] {
  return Object.entries(report.checks)
    .filter(([, check]) => !check.passed)
    .map(([name]) => name);
}
