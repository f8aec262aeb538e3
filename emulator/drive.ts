import { blobHandle, bytesFrom, type BlobData } from './blob';
import { ServiceError, messages } from './errors';
import type { Execution } from './execution';
import { register, resolve } from './handles';
import { assertWritableFolder, copySpreadsheet, driveFile, folderFor } from './model/workbooks';
import { service } from './service';
import { spreadsheetUrl } from './spreadsheet/spreadsheet';
import { FOLDER_MIME, SPREADSHEET_MIME, type DriveItem } from './state';

// DriveApp, File, Folder and their iterators: https://developers.google.com/apps-script/reference/drive

function iterator(exec: Execution, cls: string, items: DriveItem[], make: (i: DriveItem) => object): object {
  let at = 0;
  return service(exec, cls, {
    hasNext: () => at < items.length,
    next() {
      if (at >= items.length)
        throw new ServiceError('Cannot retrieve the next object: iterator has reached the end.');
      exec.charge(exec.costs.attributeMs);
      return make(items[at++]);
    },
    getContinuationToken: () => null,
  });
}

function children(
  exec: Execution,
  parentId: string | null,
  kind: DriveItem['kind'],
  name?: string,
): DriveItem[] {
  return [...exec.world.drive.items.values()].filter(
    (i) =>
      i.kind === kind &&
      !i.trashed &&
      i.id !== exec.world.drive.rootId &&
      (parentId === null || i.parents.includes(parentId)) &&
      (name === undefined || i.name === name),
  );
}

function lookup(exec: Execution, id: unknown, kind: DriveItem['kind']): DriveItem {
  exec.charge(exec.costs.driveCallMs);
  const item = exec.world.drive.items.get(String(id));
  if (!item || item.kind !== kind) throw new ServiceError(messages.noItem);
  return item;
}

function createFileIn(exec: Execution, folder: DriveItem, args: unknown[]): object {
  assertWritableFolder(folder);
  exec.charge(exec.costs.driveCallMs);
  const blob = resolve<BlobData>(args[0], 'Blob');
  const name = blob ? (blob.name ?? 'Untitled') : String(args[0]);
  const content = blob ? blob.bytes.toString('utf8') : String(args[1] ?? '');
  const mimeType = blob
    ? (blob.contentType ?? 'text/plain')
    : args[2] === undefined
      ? 'text/plain'
      : String(args[2]);
  const item = driveFile(exec.world, {
    id: exec.world.ids.next('file'),
    name,
    kind: 'file',
    mimeType,
    parents: [folder.id],
    content,
  });
  return fileHandle(exec, item);
}

function createFolderIn(exec: Execution, parent: DriveItem, name: unknown): object {
  assertWritableFolder(parent);
  exec.charge(exec.costs.driveCallMs);
  const item = driveFile(exec.world, {
    id: exec.world.ids.next('folder'),
    name: String(name),
    kind: 'folder',
    mimeType: FOLDER_MIME,
    parents: [parent.id],
  });
  return folderHandle(exec, item);
}

function common(exec: Execution, item: DriveItem, proxy: () => object) {
  return {
    getId: () => item.id,
    getName: () => item.name,
    setName(name: unknown) {
      exec.charge(exec.costs.driveCallMs);
      item.name = String(name);
      const ss = exec.world.spreadsheets.get(item.id);
      if (ss) ss.name = item.name;
      item.updatedAt = exec.nowMs();
      return proxy();
    },
    getParents: () =>
      iterator(
        exec,
        'FolderIterator',
        item.parents.map((p) => exec.world.drive.items.get(p)).filter((p): p is DriveItem => !!p),
        (f) => folderHandle(exec, f),
      ),
    isTrashed: () => item.trashed,
    setTrashed(trashed: unknown) {
      exec.charge(exec.costs.driveCallMs);
      item.trashed = trashed === true;
      item.updatedAt = exec.nowMs();
      return proxy();
    },
    getDateCreated: () => new exec.realm.Date(item.createdAt),
    getLastUpdated: () => new exec.realm.Date(item.updatedAt),
    getDescription: () => item.description ?? null,
    setDescription(d: unknown) {
      exec.charge(exec.costs.driveCallMs);
      item.description = String(d);
      return proxy();
    },
    moveTo(folder: unknown) {
      const target = resolve<DriveItem>(folder, 'Folder');
      if (!target) throw new ServiceError('Invalid argument: destination');
      assertWritableFolder(target);
      exec.charge(exec.costs.driveCallMs);
      item.parents = [target.id];
      return proxy();
    },
  };
}

export function fileHandle(exec: Execution, item: DriveItem): object {
  const { world } = exec;
  const impl = {
    ...common(exec, item, () => proxy),
    getUrl: () =>
      item.mimeType === SPREADSHEET_MIME
        ? spreadsheetUrl(item.id)
        : `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`,
    getMimeType: () => item.mimeType,
    getSize: () => (item.content === undefined ? 0 : Buffer.byteLength(item.content, 'utf8')),
    getBlob() {
      exec.charge(exec.costs.driveCallMs);
      if (item.mimeType === SPREADSHEET_MIME)
        throw exec.error(messages.notEmulated('File.getBlob of a spreadsheet'));
      return blobHandle(exec, {
        bytes: bytesFrom(item.content ?? ''),
        contentType: item.mimeType,
        name: item.name,
      });
    },
    setContent(content: unknown) {
      exec.charge(exec.costs.driveCallMs);
      if (item.mimeType === SPREADSHEET_MIME) throw new ServiceError('Invalid argument: file type');
      item.content = String(content);
      item.updatedAt = exec.nowMs();
      return proxy;
    },
    makeCopy(a?: unknown, b?: unknown) {
      const folderArg = resolve<DriveItem>(a, 'Folder') ?? resolve<DriveItem>(b, 'Folder');
      const name = typeof a === 'string' ? a : `Copy of ${item.name}`;
      const folder = folderArg ?? folderFor(world, item.parents[0]);
      assertWritableFolder(folder);
      const source = world.spreadsheets.get(item.id);
      if (source) {
        const cells = source.sheets.reduce((n, s) => n + s.grid.lastRow() * s.grid.lastColumn(), 0);
        exec.charge(exec.costs.makeCopyBaseMs + (cells * exec.costs.makeCopyPerCellUs) / 1000);
        const copy = copySpreadsheet(world, source, name, folder.id);
        const fault = world.copyFault;
        if (fault) fault.damage(copy, (fault.made += 1));
        return fileHandle(exec, world.drive.items.get(copy.id) as DriveItem);
      }
      exec.charge(exec.costs.driveCallMs);
      const id = world.ids.next('file');
      const copy = driveFile(world, { ...item, id, name, parents: [folder.id] });
      return fileHandle(exec, copy);
    },
  };
  const proxy: object = register(service(exec, 'File', impl), 'File', item);
  return proxy;
}

export function folderHandle(exec: Execution, item: DriveItem): object {
  const impl = {
    ...common(exec, item, () => proxy),
    getUrl: () => `https://drive.google.com/drive/folders/${item.id}`,
    getFiles() {
      exec.charge(exec.costs.driveCallMs);
      return iterator(exec, 'FileIterator', children(exec, item.id, 'file'), (f) => fileHandle(exec, f));
    },
    getFilesByName(name: unknown) {
      exec.charge(exec.costs.driveCallMs);
      return iterator(exec, 'FileIterator', children(exec, item.id, 'file', String(name)), (f) =>
        fileHandle(exec, f),
      );
    },
    getFolders() {
      exec.charge(exec.costs.driveCallMs);
      return iterator(exec, 'FolderIterator', children(exec, item.id, 'folder'), (f) =>
        folderHandle(exec, f),
      );
    },
    getFoldersByName(name: unknown) {
      exec.charge(exec.costs.driveCallMs);
      const list = children(exec, item.id, 'folder', String(name));
      return iterator(exec, 'FolderIterator', list, (f) => folderHandle(exec, f));
    },
    createFile: (...args: unknown[]) => createFileIn(exec, item, args),
    createFolder: (name: unknown) => createFolderIn(exec, item, name),
  };
  const proxy: object = register(service(exec, 'Folder', impl), 'Folder', item);
  return proxy;
}

export function driveApp(exec: Execution): object {
  const root = () => exec.world.drive.items.get(exec.world.drive.rootId) as DriveItem;
  const impl = {
    getFileById: (id: unknown) => fileHandle(exec, lookup(exec, id, 'file')),
    getFolderById: (id: unknown) => folderHandle(exec, lookup(exec, id, 'folder')),
    getRootFolder() {
      exec.charge(exec.costs.driveCallMs);
      return folderHandle(exec, root());
    },
    getFiles() {
      exec.charge(exec.costs.driveCallMs);
      return iterator(exec, 'FileIterator', children(exec, null, 'file'), (f) => fileHandle(exec, f));
    },
    getFilesByName(name: unknown) {
      exec.charge(exec.costs.driveCallMs);
      return iterator(exec, 'FileIterator', children(exec, null, 'file', String(name)), (f) =>
        fileHandle(exec, f),
      );
    },
    getFoldersByName(name: unknown) {
      exec.charge(exec.costs.driveCallMs);
      const list = children(exec, null, 'folder', String(name));
      return iterator(exec, 'FolderIterator', list, (f) => folderHandle(exec, f));
    },
    createFile: (...args: unknown[]) => createFileIn(exec, root(), args),
    createFolder: (name: unknown) => createFolderIn(exec, root(), name),
  };
  return service(exec, 'DriveApp', impl);
}

export const MimeType = {
  GOOGLE_SHEETS: SPREADSHEET_MIME,
  FOLDER: FOLDER_MIME,
  PLAIN_TEXT: 'text/plain',
  CSV: 'text/csv',
  JSON: 'application/json',
  HTML: 'text/html',
  PDF: 'application/pdf',
};
