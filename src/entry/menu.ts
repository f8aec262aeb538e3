// The add-on's menu, under Extensions > <the add-on's name>. onOpen runs as a simple trigger, possibly in
// AuthMode.NONE (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle): it only builds
// the menu and touches no service that needs authorization (the user's locale needs none).
import type { MessageKey, Translate } from '../core/messages';

export interface MenuItem {
  caption: string;
  functionName: string;
}

interface MenuEntry {
  caption: MessageKey;
  functionName: string;
}

export const MENU_ENTRIES: ReadonlyArray<MenuEntry | null> = [
  { caption: 'menu_open_panel', functionName: 'menuOpenSidebar' },
  null,
  { caption: 'menu_preview', functionName: 'menuPreviewMigration' },
  { caption: 'menu_run', functionName: 'menuStartMigration' },
  { caption: 'menu_pause', functionName: 'menuPauseMigration' },
  { caption: 'menu_resume', functionName: 'menuContinueMigration' },
  { caption: 'menu_verify', functionName: 'menuVerifyMigration' },
  null,
  { caption: 'menu_rollback', functionName: 'menuRollbackMigration' },
  { caption: 'menu_clean_up', functionName: 'menuCleanUpBackups' },
];

/** The menu's items in the user's language (null: a separator). */
export function menuItems(t: Translate): Array<MenuItem | null> {
  return MENU_ENTRIES.map((entry) =>
    entry === null ? null : { caption: t(entry.caption), functionName: entry.functionName },
  );
}
