import { messagesFor } from '../messages';
import { createBackup } from './backup';
import { addColumns, verifySchema } from './columns';
import type { RunContext } from './context';
import type { PhaseOutcome } from '../slice/phases';
import type { StepKind } from '../migrations/types';
import { addOtherColumns, ensureSheets, otherSchemaProblems } from './sheets';
import { testSmoke } from './smoke';
import { computeColumns } from './compute';
import { initializeVersions } from './versions';

/**
 * What runs for each kind of step; the spec names the steps and orders them. A step is a phase of the run
 * (../slice/phases.ts): 'paused' when the time budget ran out mid-step, its cursor in the checkpoint.
 */
export const STEPS: Record<StepKind, (ctx: RunContext) => PhaseOutcome> = {
  backup: createBackup,
  ensure_sheets: ensureSheets,
  add_columns: (ctx) => {
    const outcome = addColumns(ctx);
    addOtherColumns(ctx);
    return outcome;
  },
  verify_schema: (ctx) => {
    const outcome = verifySchema(ctx);
    const problems = otherSchemaProblems(ctx);
    if (problems.length > 0) {
      throw new Error(
        messagesFor(ctx.services.session)('schema_headers_wrong', {
          migration: ctx.spec.id,
          problems: problems.slice(0, 5).join('; '),
        }),
      );
    }
    return outcome;
  },
  fill_columns: (ctx) => (initializeVersions(ctx) === 'paused' ? 'paused' : computeColumns(ctx)),
  verify: testSmoke,
};

/** What the run's step of that name does. */
export function kindOf(ctx: RunContext, name: string): StepKind {
  const found = ctx.spec.steps.find((step) => step.name === name);
  if (!found) throw new Error(`Migration ${ctx.spec.id} has no step ${name}.`);
  return found.does;
}
