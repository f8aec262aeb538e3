import { createBackup } from './backup';
import { addColumns, verifySchema } from './columns';
import type { RunContext } from './context';
import { testSmoke } from './smoke';
import type { StepName } from '../contract';
import { initializeVersions } from './versions';

/** 'paused': the time budget ran out mid-step; its cursor is in the checkpoint. */
export type StepOutcome = 'done' | 'paused';

export const STEPS: Record<StepName, (ctx: RunContext) => StepOutcome> = {
  create_backup: createBackup,
  add_v3_columns: addColumns,
  verify_schema: verifySchema,
  initialize_versions: initializeVersions,
  test_smoke: testSmoke,
};
