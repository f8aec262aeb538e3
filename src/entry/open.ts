import { addMigrationMenu, showSidebar } from '../gas/ui';
import { gasSession } from '../gas/session';

/** Simple trigger: builds the menu only, so it works in AuthMode.NONE. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addMigrationMenu();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function menuOpenSidebar(): void {
  showSidebar('Sidebar', 'Migration', gasSession().locale());
}
