import { addMigrationMenu, showSidebar } from '../gas/ui';
import { gasSession } from '../gas/session';
import { menuItems } from './menu';
import { ownerText } from './owner-text';

/** Simple trigger: builds the menu only, so it works in AuthMode.NONE. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addMigrationMenu(menuItems(ownerText()));
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function menuOpenSidebar(): void {
  const locale = gasSession().locale();
  showSidebar('Sidebar', ownerText()('panel_title'), locale);
}
