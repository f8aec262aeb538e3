import { ServiceError, messages } from '../errors';
import type { Execution } from '../execution';
import { register, resolve } from '../handles';
import type { SheetData, SpreadsheetData } from '../model/spreadsheet-data';
import { service } from '../service';
import { parseA1, splitSheet } from './a1';
import { assertEditable, integer, type SheetContext } from './context';
import { addMetadata, handles, metadataFinder, metadataHandles } from './metadata';
import { checkArea, rangeHandle } from './range';
import { protections } from './protection';
import { sheetHandle, sheetList } from './sheet';

// Class Spreadsheet: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

export function activeSheetOf(exec: Execution, ss: SpreadsheetData): SheetData {
  const id = exec.activeSheets.get(ss.id);
  return (id !== undefined && ss.sheetById(id)) || ss.sheets.find((s) => !s.hidden) || ss.sheets[0];
}

export function spreadsheetHandle(exec: Execution, ss: SpreadsheetData): object {
  const base = { exec, ss };
  const attribute = () => {
    exec.commit();
    exec.charge(exec.costs.attributeMs);
  };
  const impl = {
    getId: () => ss.id,
    getName: () => ss.name,
    rename(name: unknown) {
      assertEditable(ss);
      ss.name = String(name);
      const file = exec.world.drive.items.get(ss.id);
      if (file) file.name = ss.name;
      exec.charge(exec.costs.attributeMs);
    },
    getUrl: () => spreadsheetUrl(ss.id),
    getSheetByName(name: unknown) {
      const sheet = ss.sheet(String(name));
      return sheet ? sheetHandle({ ...base, sheet }) : null;
    },
    getSheets: () => sheetList(base),
    getNumSheets() {
      attribute();
      return ss.sheets.length;
    },
    getSheetById(id: unknown) {
      attribute();
      const sheet = ss.sheetById(integer(id, 'SpreadsheetApp.Spreadsheet.getSheetById'));
      return sheet ? sheetHandle({ ...base, sheet }) : null;
    },
    getActiveSheet: () => sheetHandle({ ...base, sheet: activeSheetOf(exec, ss) }),
    setActiveSheet(handle: unknown) {
      const ctx = resolve<SheetContext>(handle, 'Sheet');
      if (!ctx || ctx.ss !== ss) throw new ServiceError('Invalid argument: sheet');
      exec.activeSheets.set(ss.id, ctx.sheet.sheetId);
      return sheetHandle({ ...base, sheet: ctx.sheet });
    },
    insertSheet(nameOrIndex?: unknown, index?: unknown) {
      assertEditable(ss);
      let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
      const at =
        typeof nameOrIndex === 'number' ? nameOrIndex : typeof index === 'number' ? index : ss.sheets.length;
      if (name === undefined) {
        let n = ss.sheets.length + 1;
        while (ss.sheet(`Sheet${n}`)) n++;
        name = `Sheet${n}`;
      }
      const sheet = ss.addSheet(name, 1000, 26, Math.max(0, Math.min(at, ss.sheets.length)));
      exec.structure(0);
      exec.activeSheets.set(ss.id, sheet.sheetId);
      return sheetHandle({ ...base, sheet });
    },
    deleteSheet(handle: unknown) {
      assertEditable(ss);
      const ctx = resolve<SheetContext>(handle, 'Sheet');
      if (!ctx || ctx.ss !== ss) throw new ServiceError('Invalid argument: sheet');
      if (ss.sheets.length === 1) {
        throw new ServiceError("You can't remove all the sheets in a document.");
      }
      ss.deleteSheet(ctx.sheet);
      exec.structure(0);
    },
    getRange(a1: unknown) {
      const { sheet: name, cells } = splitSheet(String(a1));
      const sheet = name === null ? activeSheetOf(exec, ss) : ss.sheet(name);
      if (!sheet) throw new ServiceError(messages.rangeNotFound);
      const ctx = { ...base, sheet };
      return rangeHandle(ctx, checkArea(ctx, parseA1(cells, sheet.maxRows, sheet.maxColumns)));
    },
    getSpreadsheetTimeZone() {
      attribute();
      return ss.timeZone;
    },
    setSpreadsheetTimeZone(tz: unknown) {
      assertEditable(ss);
      ss.timeZone = String(tz);
      exec.charge(exec.costs.attributeMs);
    },
    getSpreadsheetLocale() {
      attribute();
      return ss.locale;
    },
    addDeveloperMetadata(key: unknown, value?: unknown, visibility?: unknown) {
      addMetadata(base, { type: 'SPREADSHEET' }, key, value, visibility);
      return proxy;
    },
    getDeveloperMetadata() {
      exec.charge(exec.costs.metadataMs);
      return metadataHandles(
        base,
        ss.metadata.filter((m) => m.location.type === 'SPREADSHEET'),
      );
    },
    createDeveloperMetadataFinder: () => metadataFinder(base, () => true),
    getProtections: (type: unknown) => protections(base, type, null),
    toast(message: unknown, title?: unknown) {
      exec.world.ui.toasts.push({
        message: String(message),
        title: title === undefined ? '' : String(title),
      });
    },
  };
  const proxy: object = register(service(exec, 'Spreadsheet', impl), 'Spreadsheet', ss);
  return proxy;
}

handles.spreadsheet = spreadsheetHandle;
