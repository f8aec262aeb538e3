import { ServiceError, messages } from '../errors';
import type { Execution } from '../execution';
import { newSpreadsheet } from '../model/workbooks';
import { enumOf, service } from '../service';
import { uiHandle } from '../ui';
import { sheetHandle } from './sheet';
import { activeSheetOf, spreadsheetHandle } from './spreadsheet';

// SpreadsheetApp: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app

export function spreadsheetApp(exec: Execution): object {
  const { world } = exec;
  const active = () => {
    const id = exec.options.activeSpreadsheet;
    return id ? (world.spreadsheets.get(id) ?? null) : null;
  };
  const open = (id: string) => {
    exec.charge(exec.costs.openByIdMs);
    const ss = world.spreadsheets.get(id);
    if (!ss) throw new ServiceError(messages.openById);
    return spreadsheetHandle(exec, ss);
  };
  const impl = {
    DeveloperMetadataVisibility: enumOf(['DOCUMENT', 'PROJECT'] as const),
    DeveloperMetadataLocationType: enumOf(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'] as const),
    ProtectionType: enumOf(['RANGE', 'SHEET'] as const),
    getActiveSpreadsheet() {
      exec.charge(exec.costs.activeSpreadsheetMs);
      const ss = active();
      return ss ? spreadsheetHandle(exec, ss) : null;
    },
    getActive() {
      return impl.getActiveSpreadsheet();
    },
    getActiveSheet() {
      const ss = active();
      return ss ? sheetHandle({ exec, ss, sheet: activeSheetOf(exec, ss) }) : null;
    },
    openById(id: unknown) {
      return open(String(id));
    },
    openByUrl(url: unknown) {
      const m = /\/d\/([^/]+)/.exec(String(url));
      if (!m) throw new ServiceError('Invalid argument: url');
      return open(m[1]);
    },
    create(name: unknown, rows?: unknown, columns?: unknown) {
      exec.charge(exec.costs.createSpreadsheetMs);
      const ss = newSpreadsheet(world, { name: String(name) });
      ss.addSheet(
        'Sheet1',
        typeof rows === 'number' ? rows : 1000,
        typeof columns === 'number' ? columns : 26,
      );
      return spreadsheetHandle(exec, ss);
    },
    flush() {
      exec.commit();
    },
    getUi() {
      if (!exec.options.ui) throw new ServiceError(messages.getUiContext);
      return uiHandle(exec);
    },
  };
  return service(exec, 'SpreadsheetApp', impl);
}
