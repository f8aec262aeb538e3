import { ServiceError, messages } from '../errors';
import { register } from '../handles';
import { cellFromInput } from '../model/values';
import { service } from '../service';
import { parseA1, splitSheet } from './a1';
import { assertCanWrite, integer, vmAlloc, type SheetContext } from './context';
import { addMetadata, handles, metadataFinder, metadataHandles } from './metadata';
import { checkArea, rangeHandle } from './range';
import { protect, protections } from './protection';

// Class Sheet: https://developers.google.com/apps-script/reference/spreadsheet/sheet

const COLUMNS_OUT = 'Those columns are out of bounds.';
const ROWS_OUT = 'Those rows are out of bounds.';

export function sheetHandle(ctx: SheetContext): object {
  const { exec, ss, sheet } = ctx;
  const attribute = () => {
    exec.commit();
    exec.charge(exec.costs.attributeMs);
  };
  const dataCells = () => sheet.grid.lastRow() * sheet.grid.lastColumn();

  const insertColumns = (first: number, n: number) => {
    assertCanWrite(ctx, null);
    if (!Number.isInteger(n) || n < 1) throw new ServiceError(COLUMNS_OUT);
    ss.insertColumns(sheet, first, n);
    exec.structure(dataCells());
    return proxy;
  };
  const insertRows = (first: number, n: number) => {
    assertCanWrite(ctx, null);
    if (!Number.isInteger(n) || n < 1) throw new ServiceError(ROWS_OUT);
    ss.insertRows(sheet, first, n);
    exec.structure(dataCells());
    return proxy;
  };
  const checkColumn = (c: unknown, n = 1): number => {
    const col = integer(c, 'SpreadsheetApp.Sheet');
    if (col < 1 || col + n - 1 > sheet.maxColumns) throw new ServiceError(COLUMNS_OUT);
    return col;
  };
  const checkRow = (r: unknown, n = 1): number => {
    const row = integer(r, 'SpreadsheetApp.Sheet');
    if (row < 1 || row + n - 1 > sheet.maxRows) throw new ServiceError(ROWS_OUT);
    return row;
  };

  const impl = {
    getName: () => sheet.name,
    setName(name: unknown) {
      assertCanWrite(ctx, null);
      const n = String(name);
      if (ss.sheets.some((s) => s !== sheet && s.name === n)) throw new ServiceError(messages.sheetExists(n));
      sheet.name = n;
      exec.structure(0);
      return proxy;
    },
    getSheetId: () => sheet.sheetId,
    getIndex: () => ss.sheets.indexOf(sheet) + 1,
    getParent: () => handles.spreadsheet(exec, ss),
    getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown) {
      if (typeof a === 'string') {
        const { cells } = splitSheet(a);
        return rangeHandle(ctx, checkArea(ctx, parseA1(cells, sheet.maxRows, sheet.maxColumns)));
      }
      const area = {
        row: integer(a, 'SpreadsheetApp.Sheet.getRange'),
        column: integer(b, 'SpreadsheetApp.Sheet.getRange'),
        numRows: c === undefined ? 1 : integer(c, 'SpreadsheetApp.Sheet.getRange'),
        numColumns: d === undefined ? 1 : integer(d, 'SpreadsheetApp.Sheet.getRange'),
      };
      return rangeHandle(ctx, checkArea(ctx, area));
    },
    getDataRange() {
      attribute();
      const area = {
        row: 1,
        column: 1,
        numRows: Math.max(1, sheet.grid.lastRow()),
        numColumns: Math.max(1, sheet.grid.lastColumn()),
      };
      return rangeHandle(ctx, area);
    },
    getLastRow() {
      attribute();
      return sheet.grid.lastRow();
    },
    getLastColumn() {
      attribute();
      return sheet.grid.lastColumn();
    },
    getMaxRows() {
      attribute();
      return sheet.maxRows;
    },
    getMaxColumns() {
      attribute();
      return sheet.maxColumns;
    },
    insertColumnsAfter: (after: unknown, n: unknown) => insertColumns(checkColumn(after) + 1, n as number),
    insertColumnsBefore: (before: unknown, n: unknown) => insertColumns(checkColumn(before), n as number),
    insertColumns: (before: unknown, n?: unknown) =>
      insertColumns(checkColumn(before), n === undefined ? 1 : (n as number)),
    insertColumnAfter: (after: unknown) => insertColumns(checkColumn(after) + 1, 1),
    insertColumnBefore: (before: unknown) => insertColumns(checkColumn(before), 1),
    deleteColumns(first: unknown, n?: unknown) {
      assertCanWrite(ctx, null);
      const count = n === undefined ? 1 : integer(n, 'SpreadsheetApp.Sheet.deleteColumns');
      const col = checkColumn(first, count);
      if (count >= sheet.maxColumns)
        throw new ServiceError('Sorry, it is not possible to delete all non-frozen columns.');
      ss.deleteColumns(sheet, col, count);
      exec.structure(dataCells());
    },
    deleteColumn(c: unknown) {
      impl.deleteColumns(c, 1);
      return proxy;
    },
    insertRowsAfter: (after: unknown, n: unknown) => insertRows(checkRow(after) + 1, n as number),
    insertRowsBefore: (before: unknown, n: unknown) => insertRows(checkRow(before), n as number),
    insertRows: (before: unknown, n?: unknown) =>
      insertRows(checkRow(before), n === undefined ? 1 : (n as number)),
    insertRowAfter: (after: unknown) => insertRows(checkRow(after) + 1, 1),
    insertRowBefore: (before: unknown) => insertRows(checkRow(before), 1),
    deleteRows(first: unknown, n: unknown) {
      assertCanWrite(ctx, null);
      const count = integer(n, 'SpreadsheetApp.Sheet.deleteRows');
      const row = checkRow(first, count);
      if (count >= sheet.maxRows - sheet.frozenRows) {
        throw new ServiceError('Sorry, it is not possible to delete all non-frozen rows.');
      }
      ss.deleteRows(sheet, row, count);
      exec.structure(dataCells());
    },
    deleteRow(r: unknown) {
      impl.deleteRows(r, 1);
      return proxy;
    },
    appendRow(values: unknown) {
      assertCanWrite(ctx, {
        row: sheet.grid.lastRow() + 1,
        column: 1,
        numRows: 1,
        numColumns: Array.isArray(values) ? Math.max(1, values.length) : 1,
      });
      if (!Array.isArray(values))
        throw new ServiceError(
          "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
        );
      const row = sheet.grid.lastRow() + 1;
      if (row > sheet.maxRows) ss.insertRows(sheet, sheet.maxRows + 1, row - sheet.maxRows);
      if (values.length > sheet.maxColumns)
        ss.insertColumns(sheet, sheet.maxColumns + 1, values.length - sheet.maxColumns);
      sheet.grid.setBlock(row - 1, 0, [values.map((v) => cellFromInput(v))]);
      exec.write(values.length);
      return proxy;
    },
    getFrozenRows() {
      attribute();
      return sheet.frozenRows;
    },
    setFrozenRows(n: unknown) {
      assertCanWrite(ctx, null);
      const rows = integer(n, 'SpreadsheetApp.Sheet.setFrozenRows');
      if (rows < 0 || rows >= sheet.maxRows) throw new ServiceError(ROWS_OUT);
      sheet.frozenRows = rows;
      exec.structure(0);
    },
    getFrozenColumns: () => 0,
    hideSheet() {
      assertCanWrite(ctx, null);
      if (ss.sheets.filter((s) => !s.hidden && s !== sheet).length === 0) {
        throw new ServiceError('Sorry, it is not possible to hide all the sheets in a document.');
      }
      sheet.hidden = true;
      exec.structure(0);
      return proxy;
    },
    showSheet() {
      assertCanWrite(ctx, null);
      sheet.hidden = false;
      exec.structure(0);
      return proxy;
    },
    isSheetHidden() {
      attribute();
      return sheet.hidden;
    },
    activate() {
      exec.activeSheets.set(ss.id, sheet.sheetId);
      return proxy;
    },
    clear() {
      assertCanWrite(ctx, { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns });
      sheet.grid.fill(0, 0, sheet.grid.lastRow(), sheet.grid.lastColumn(), undefined);
      exec.write(dataCells(), exec.costs.fillPerCellUs);
      return proxy;
    },
    clearContents() {
      return impl.clear();
    },
    addDeveloperMetadata(key: unknown, value?: unknown, visibility?: unknown) {
      addMetadata(ctx, { type: 'SHEET', sheetId: sheet.sheetId }, key, value, visibility);
      return proxy;
    },
    getDeveloperMetadata() {
      exec.charge(exec.costs.metadataMs);
      const records = ss.metadata.filter(
        (m) => m.location.type === 'SHEET' && m.location.sheetId === sheet.sheetId,
      );
      return metadataHandles(ctx, records);
    },
    createDeveloperMetadataFinder() {
      return metadataFinder(ctx, (m) => 'sheetId' in m.location && m.location.sheetId === sheet.sheetId);
    },
    protect: () => protect(ctx, null),
    getProtections: (type: unknown) => protections(ctx, type, sheet.sheetId),
  };
  const proxy: object = register(service(exec, 'Sheet', impl), 'Sheet', ctx);
  return proxy;
}

handles.sheet = sheetHandle;

export function sheetList(ctx: Omit<SheetContext, 'sheet'>): object[] {
  const out = vmAlloc(ctx.exec)<object>(ctx.ss.sheets.length);
  ctx.ss.sheets.forEach((sheet, i) => (out[i] = sheetHandle({ ...ctx, sheet })));
  return out;
}
