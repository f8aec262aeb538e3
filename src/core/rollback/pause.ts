/**
 * How a rollback phase pauses (../slice/phases.ts): it says how far it got, in the owner's words (one of the
 * rollback_progress_* texts), and returns 'paused'; rollbackMigration() then reports that progress.
 */
export type Pause = (progress: string) => 'paused';
