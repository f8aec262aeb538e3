import type { DriveFile, DrivePort } from '../core/ports';

type File = GoogleAppsScript.Drive.File;

function describe(file: File): DriveFile {
  return {
    id: file.getId(),
    name: file.getName(),
    url: file.getUrl(),
    createdAt: file.getDateCreated().toISOString(),
  };
}

function openFile(id: string): File | null {
  try {
    return DriveApp.getFileById(id);
  } catch (error) {
    return null;
  }
}

export function gasDrive(): DrivePort {
  return {
    file(id) {
      const file = openFile(id);
      return file && !file.isTrashed() ? describe(file) : null;
    },
    parentFolderId(fileId) {
      const parents = DriveApp.getFileById(fileId).getParents();
      return parents.hasNext() ? parents.next().getId() : null;
    },
    assertFolder(folderId) {
      try {
        DriveApp.getFolderById(folderId).getName();
      } catch (error) {
        throw new Error(
          `Backup folder ${folderId} was not found or you cannot open it. ` +
            'Check the folder id in the settings, or leave it empty to keep backups next to the spreadsheet.',
        );
      }
    },
    findFileInFolder(folderId, name) {
      const files = DriveApp.getFolderById(folderId).getFilesByName(name);
      while (files.hasNext()) {
        const file = files.next();
        if (!file.isTrashed()) return describe(file);
      }
      return null;
    },
    listFilesInFolder(folderId) {
      const files = DriveApp.getFolderById(folderId).getFiles();
      const found: DriveFile[] = [];
      while (files.hasNext()) {
        const file = files.next();
        if (!file.isTrashed()) found.push(describe(file));
      }
      return found;
    },
    copyFile(fileId, name, folderId) {
      const folder = DriveApp.getFolderById(folderId);
      return describe(DriveApp.getFileById(fileId).makeCopy(name, folder));
    },
    createTextFile(folderId, name, content, mimeType) {
      return describe(DriveApp.getFolderById(folderId).createFile(name, content, mimeType));
    },
    readText(fileId) {
      return DriveApp.getFileById(fileId).getBlob().getDataAsString();
    },
    trash(fileId) {
      DriveApp.getFileById(fileId).setTrashed(true);
    },
  };
}
