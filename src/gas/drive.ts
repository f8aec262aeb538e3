import { translator, type Translate } from '../core/messages';
import type { DriveFile, DrivePort } from '../core/ports';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

function describe(file: File): DriveFile {
  return {
    id: file.getId(),
    name: file.getName(),
    url: file.getUrl(),
    createdAt: file.getDateCreated().toISOString(),
  };
}

/** Drive through DriveApp. File and folder handles are kept for the execution, so each is fetched once. */
export function gasDrive(t: Translate = translator('en')): DrivePort {
  const files = new Map<string, File>();
  const folders = new Map<string, Folder>();
  /** Folders this execution found out of the trash (a backup is made moments after the plan checked its folder). */
  const usable = new Set<string>();
  const fileById = (id: string): File => {
    let file = files.get(id);
    if (!file) {
      file = DriveApp.getFileById(id);
      files.set(id, file);
    }
    return file;
  };
  const folderById = (id: string): Folder => {
    let folder = folders.get(id);
    if (!folder) {
      folder = DriveApp.getFolderById(id);
      folders.set(id, folder);
    }
    return folder;
  };
  function assertFolder(folderId: string): void {
    if (usable.has(folderId)) return;
    let folder: Folder;
    try {
      folder = folderById(folderId);
    } catch (error) {
      throw new Error(t('drive_folder_unopenable', { folder: folderId }));
    }
    if (folder.isTrashed()) throw new Error(t('drive_folder_trashed', { folder: folderId }));
    usable.add(folderId);
  }
  /** An export or report written into a trashed folder would be deleted with it. */
  function assertFolderForFile(folderId: string, name: string): void {
    if (usable.has(folderId)) return;
    if (folderById(folderId).isTrashed()) {
      throw new Error(t('drive_folder_trashed_for_file', { folder: folderId, name }));
    }
    usable.add(folderId);
  }
  return {
    file(id) {
      let file: File;
      try {
        file = fileById(id);
      } catch (error) {
        return null;
      }
      return file.isTrashed() ? null : describe(file);
    },
    parentFolderId(fileId) {
      let folder: Folder;
      try {
        folder = fileById(fileId).getParents().next();
      } catch (error) {
        return null;
      }
      const id = folder.getId();
      folders.set(id, folder);
      // Trashing a folder trashes the user's files in it, so the folder of a file in use is out of the trash:
      // no round trip to ask.
      usable.add(id);
      return id;
    },
    assertFolder,
    findFileInFolder(folderId, name) {
      const found = folderById(folderId).getFilesByName(name);
      while (found.hasNext()) {
        const file = found.next();
        if (!file.isTrashed()) return describe(file);
      }
      return null;
    },
    listFilesInFolder(folderId) {
      const found = folderById(folderId).getFiles();
      const list: DriveFile[] = [];
      while (found.hasNext()) {
        const file = found.next();
        if (!file.isTrashed()) list.push(describe(file));
      }
      return list;
    },
    copyFile(fileId, name, folderId) {
      assertFolder(folderId);
      const copy = fileById(fileId).makeCopy(name, folderById(folderId));
      const id = copy.getId();
      files.set(id, copy);
      return { id, name, url: spreadsheetUrl(id), createdAt: new Date().toISOString() };
    },
    createTextFile(folderId, name, content, mimeType) {
      assertFolderForFile(folderId, name);
      const file = folderById(folderId).createFile(name, content, mimeType);
      const id = file.getId();
      files.set(id, file);
      return {
        id,
        name,
        url: `https://drive.google.com/file/d/${id}/view?usp=drivesdk`,
        createdAt: new Date().toISOString(),
      };
    },
    readText(fileId) {
      return fileById(fileId).getBlob().getDataAsString();
    },
    fileState(id) {
      let file: File;
      try {
        file = fileById(id);
      } catch (error) {
        return 'missing';
      }
      return file.isTrashed() ? 'trashed' : 'present';
    },
    findOrCreateTextFile(folderId, name, content, mimeType) {
      const folder = folderById(folderId);
      const found = folder.getFilesByName(name);
      let file: File | null = null;
      while (file === null && found.hasNext()) {
        const candidate = found.next();
        if (!candidate.isTrashed()) file = candidate;
      }
      const created = file === null;
      const target = file ?? folder.createFile(name, content, mimeType);
      const id = target.getId();
      files.set(id, target);
      return { id, url: target.getUrl(), created, text: target.getBlob().getDataAsString() };
    },
    trash(fileId) {
      fileById(fileId).setTrashed(true);
    },
  };
}
