import { ServiceError, messages } from '../errors';
import { SPREADSHEET_MIME, type DriveItem, type WorldState } from '../state';
import { SpreadsheetData } from './spreadsheet-data';

// Creating and copying spreadsheets: each one is also a Drive file with the same id.

export function driveFile(
  world: WorldState,
  init: Omit<DriveItem, 'trashed' | 'createdAt' | 'updatedAt' | 'writable'>,
) {
  const now = world.clock.nowMs();
  const item: DriveItem = { ...init, trashed: false, createdAt: now, updatedAt: now, writable: true };
  world.drive.items.set(item.id, item);
  return item;
}

export function folderFor(world: WorldState, folderId: string | undefined): DriveItem {
  const folder = world.drive.items.get(folderId ?? world.drive.rootId);
  if (!folder || folder.kind !== 'folder') throw new ServiceError(messages.noItem);
  return folder;
}

export function assertWritableFolder(folder: DriveItem): void {
  if (!folder.writable) throw new ServiceError(messages.accessDenied);
}

export function newSpreadsheet(
  world: WorldState,
  opts: {
    name: string;
    folderId?: string;
    timeZone?: string;
    locale?: string;
    editable?: boolean;
    owner?: string;
    editors?: string[];
  },
): SpreadsheetData {
  const folder = folderFor(world, opts.folderId);
  const id = world.ids.next('ss');
  const data = new SpreadsheetData(
    id,
    opts.name,
    opts.timeZone ?? world.scriptTimeZone,
    opts.locale ?? 'en_US',
    opts.editable ?? true,
    opts.owner ?? world.user.email,
  );
  data.editors = [...(opts.editors ?? [])];
  world.spreadsheets.set(id, data);
  driveFile(world, { id, name: opts.name, kind: 'file', mimeType: SPREADSHEET_MIME, parents: [folder.id] });
  return data;
}

export function copySpreadsheet(
  world: WorldState,
  source: SpreadsheetData,
  name: string,
  folderId: string,
): SpreadsheetData {
  const id = world.ids.next('ss');
  // the copy belongs to whoever made it; sharing is not copied
  const copy = source.copy(id, name, world.user.email);
  world.spreadsheets.set(id, copy);
  driveFile(world, { id, name, kind: 'file', mimeType: SPREADSHEET_MIME, parents: [folderId] });
  return copy;
}
