// The Migration menu. onOpen runs as a simple trigger, possibly in AuthMode.NONE
// (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle): it only builds the menu
// and touches no service that needs authorization.
export interface MenuItem {
  caption: string;
  functionName: string;
}

export const MENU_TITLE = 'Migration';

export const MENU_ITEMS: ReadonlyArray<MenuItem | null> = [
  { caption: 'Open migration panel', functionName: 'menuOpenSidebar' },
  null,
  { caption: 'Preview migration (dry run)', functionName: 'menuPreviewMigration' },
  { caption: 'Run migration', functionName: 'menuStartMigration' },
  { caption: 'Resume migration', functionName: 'menuContinueMigration' },
  { caption: 'Verify migration', functionName: 'menuVerifyMigration' },
  null,
  { caption: 'Roll back migration', functionName: 'menuRollbackMigration' },
  { caption: 'Clean up old backups', functionName: 'menuCleanUpBackups' },
];
