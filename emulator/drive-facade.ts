import { FOLDER_MIME, type DriveItem, type WorldState } from './state';

/** world.drive: what tests do to Drive directly (free of cost, outside any execution). */
export function driveFacade(state: () => WorldState) {
  return {
    rootId: 'root',
    createFolder(name: string, parentId?: string): { id: string } {
      const world = state();
      const parent = world.drive.items.get(parentId ?? 'root');
      if (!parent || parent.kind !== 'folder') throw new Error(`drive.createFolder: no folder ${parentId}`);
      const now = world.clock.nowMs();
      const id = world.ids.next('folder');
      const item: DriveItem = {
        id,
        name,
        kind: 'folder',
        mimeType: FOLDER_MIME,
        parents: [parent.id],
        trashed: false,
        createdAt: now,
        updatedAt: now,
        writable: true,
      };
      world.drive.items.set(id, item);
      return { id };
    },
    files() {
      return [...state().drive.items.values()]
        .filter((i) => i.kind === 'file')
        .map((i) => ({
          id: i.id,
          name: i.name,
          mimeType: i.mimeType,
          parentIds: [...i.parents],
          trashed: i.trashed,
          createdAt: new Date(i.createdAt).toISOString(),
          ...(i.content !== undefined ? { content: i.content } : {}),
        }));
    },
    folders() {
      return [...state().drive.items.values()]
        .filter((i) => i.kind === 'folder')
        .map((i) => ({
          id: i.id,
          name: i.name,
          parentIds: [...i.parents],
          trashed: i.trashed,
          writable: i.writable,
        }));
    },
    /** Moves a file or folder to the trash (true) or out of it, as the user would in Drive. */
    setTrashed(id: string, trashed: boolean): void {
      const item = state().drive.items.get(id);
      if (!item) throw new Error(`drive.setTrashed: no item ${id}`);
      item.trashed = trashed;
    },
    /** false: the user may not add files to the folder (createFile and makeCopy into it fail). */
    setWritable(folderId: string, writable: boolean): void {
      const folder = state().drive.items.get(folderId);
      if (!folder || folder.kind !== 'folder') throw new Error(`drive.setWritable: no folder ${folderId}`);
      folder.writable = writable;
    },
  };
}
