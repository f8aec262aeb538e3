import { createBackup } from './backup';
import { addColumns, verifySchema } from './columns';
import type { RunContext } from './context';
import type { StepKind } from '../migrations/types';
import { testSmoke } from './smoke';
import { initializeVersions } from './versions';

/** 'paused': the time budget ran out mid-step; its cursor is in the checkpoint. */
export type StepOutcome = 'done' | 'paused';

/** What runs for each kind of step; the spec names the steps and orders them. */
export const STEPS: Record<StepKind, (ctx: RunContext) => StepOutcome> = {
  backup: createBackup,
  ensure_sheets: () => 'done',
  add_columns: addColumns,
  verify_schema: verifySchema,
  fill_columns: initializeVersions,
  verify: testSmoke,
};

/** What the run's step of that name does. */
export function kindOf(ctx: RunContext, name: string): StepKind {
  const found = ctx.spec.steps.find((step) => step.name === name);
  if (!found) throw new Error(`Migration ${ctx.spec.id} has no step ${name}.`);
  return found.does;
}
