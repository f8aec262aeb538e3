// The add-on's entry points: every function exported here becomes a top-level function of dist/Code.js.
export { onOpen, onInstall, menuOpenSidebar } from './entry/open';
export { verifyMigration, menuVerifyMigration } from './entry/verify';
export {
  checkRollbackEligibility,
  rollbackMigration,
  menuRollbackMigration,
  menuCleanUpBackups,
} from './entry/rollback';
export { previewMigration, menuPreviewMigration } from './entry/preview';
export { startMigration, menuStartMigration } from './entry/start';
export { continueMigration, menuContinueMigration } from './entry/continue';
export { pauseMigration, resumeMigration, menuPauseMigration } from './entry/pause';
export { resumeMigrationTrigger } from './entry/resume-trigger';
export { getMigrationStatus } from './entry/status';
export { getMigrationConfig, setMigrationConfig } from './entry/config';
export { getMigrationHistory } from './entry/history';
export { getSchemaInfo } from './entry/schema';
