import type { RollbackProgress } from '../contract';

/**
 * How a rollback phase pauses (../slice/phases.ts): it says how far it got and returns 'paused';
 * rollbackMigration() then returns a pending report with that progress.
 */
export type Pause = (progress: RollbackProgress) => 'paused';
