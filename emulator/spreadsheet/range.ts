import { ServiceError, messages } from '../errors';
import { register } from '../handles';
import { cellFromInput, displayOf, type Cell } from '../model/values';
import { service } from '../service';
import { a1Of, type Area } from './a1';
import { assertCanWrite, integer, vmAlloc, vmCell, type SheetContext } from './context';
import { addMetadata, handles, metadataFinder, metadataHandles } from './metadata';
import { protect } from './protection';

// Class Range: https://developers.google.com/apps-script/reference/spreadsheet/range

export function checkArea(ctx: SheetContext, area: Area): Area {
  if (area.row < 1) throw new ServiceError(messages.startRowTooSmall);
  if (area.column < 1) throw new ServiceError(messages.startColumnTooSmall);
  if (area.numRows < 1) throw new ServiceError(messages.rowsAtLeastOne);
  if (area.numColumns < 1) throw new ServiceError(messages.columnsAtLeastOne);
  const { maxRows, maxColumns } = ctx.sheet;
  if (area.row + area.numRows - 1 > maxRows || area.column + area.numColumns - 1 > maxColumns) {
    throw new ServiceError(messages.outsideGrid);
  }
  return area;
}

function isFormula(v: unknown): v is string {
  return typeof v === 'string' && v.length > 1 && v.startsWith('=');
}

function checkShape(grid: unknown, area: Area, method: string): unknown[][] {
  if (!Array.isArray(grid)) {
    throw new ServiceError(
      `The parameters (${typeof grid}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  }
  if (grid.length !== area.numRows) throw new ServiceError(messages.rowsMismatch(grid.length, area.numRows));
  for (const row of grid) {
    if (!Array.isArray(row)) {
      throw new ServiceError(
        `The parameters (${typeof row}[]) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (row.length !== area.numColumns)
      throw new ServiceError(messages.columnsMismatch(row.length, area.numColumns));
  }
  return grid as unknown[][];
}

export function rangeHandle(ctx: SheetContext, area: Area): object {
  const { exec, ss, sheet } = ctx;
  const { row, column, numRows, numColumns } = area;
  const cells = numRows * numColumns;
  const r0 = row - 1;
  const c0 = column - 1;
  const grid = () => sheet.grid;

  const writeGrid = (values: unknown[][]) => {
    assertCanWrite(ctx, area);
    const stored: (Cell | undefined)[][] = [];
    const formulas: [number, number, string][] = [];
    for (let i = 0; i < values.length; i++) {
      const out = new Array<Cell | undefined>(values[i].length);
      for (let j = 0; j < out.length; j++) {
        const v = values[i][j];
        if (isFormula(v)) formulas.push([i, j, v]);
        else out[j] = cellFromInput(v);
      }
      stored.push(out);
    }
    grid().setBlock(r0, c0, stored);
    for (const [i, j, f] of formulas) grid().set(r0 + i, c0 + j, undefined, f);
    exec.write(cells);
  };

  const isWholeColumn = () => row === 1 && numRows === sheet.maxRows && numColumns === 1;
  const columnScope = () => {
    if (!isWholeColumn()) throw new ServiceError(messages.metadataOnRange);
    return { type: 'COLUMN' as const, sheetId: sheet.sheetId, column };
  };

  const impl = {
    getValues() {
      exec.read(cells);
      return grid().read(r0, c0, numRows, numColumns, vmCell(exec), vmAlloc(exec));
    },
    getValue() {
      exec.read(1);
      return vmCell(exec)(grid().value(r0, c0));
    },
    getDisplayValues() {
      exec.read(cells);
      return grid().read(r0, c0, numRows, numColumns, (v) => displayOf(v, ss.timeZone), vmAlloc(exec));
    },
    getDisplayValue() {
      exec.read(1);
      return displayOf(grid().value(r0, c0), ss.timeZone);
    },
    getFormulas() {
      exec.read(cells);
      return grid().readFormulas(r0, c0, numRows, numColumns, vmAlloc(exec));
    },
    getFormula() {
      exec.read(1);
      return grid().formula(r0, c0) ?? '';
    },
    setValues(values: unknown) {
      writeGrid(checkShape(values, area, 'setValues'));
      return proxy;
    },
    setValue(value: unknown) {
      assertCanWrite(ctx, area);
      if (isFormula(value)) {
        for (let i = 0; i < numRows; i++)
          for (let j = 0; j < numColumns; j++) grid().set(r0 + i, c0 + j, undefined, value);
      } else {
        grid().fill(r0, c0, numRows, numColumns, cellFromInput(value));
      }
      exec.write(cells, exec.costs.fillPerCellUs);
      return proxy;
    },
    setFormulas(formulas: unknown) {
      const f = checkShape(formulas, area, 'setFormulas');
      assertCanWrite(ctx, area);
      f.forEach((line, i) =>
        line.forEach((v, j) => {
          const text = v === null || v === undefined ? '' : String(v);
          if (text === '') grid().set(r0 + i, c0 + j, undefined);
          else grid().set(r0 + i, c0 + j, undefined, text.startsWith('=') ? text : `=${text}`);
        }),
      );
      exec.write(cells);
      return proxy;
    },
    setFormula(formula: unknown) {
      assertCanWrite(ctx, area);
      const text = String(formula);
      for (let i = 0; i < numRows; i++)
        for (let j = 0; j < numColumns; j++) grid().set(r0 + i, c0 + j, undefined, text);
      exec.write(cells, exec.costs.fillPerCellUs);
      return proxy;
    },
    clear() {
      assertCanWrite(ctx, area);
      grid().fill(r0, c0, numRows, numColumns, undefined);
      exec.write(cells, exec.costs.fillPerCellUs);
      return proxy;
    },
    clearContent() {
      return impl.clear();
    },
    getNumRows: () => numRows,
    getNumColumns: () => numColumns,
    getHeight: () => numRows,
    getWidth: () => numColumns,
    getRow: () => row,
    getColumn: () => column,
    getRowIndex: () => row,
    getLastRow: () => row + numRows - 1,
    getLastColumn: () => column + numColumns - 1,
    getA1Notation: () => a1Of(area),
    getSheet: () => handles.sheet(ctx),
    getCell(r: unknown, c: unknown) {
      const rr = integer(r, 'SpreadsheetApp.Range.getCell');
      const cc = integer(c, 'SpreadsheetApp.Range.getCell');
      if (rr < 1 || cc < 1 || rr > numRows || cc > numColumns) throw new ServiceError(messages.outsideGrid);
      return rangeHandle(ctx, { row: row + rr - 1, column: column + cc - 1, numRows: 1, numColumns: 1 });
    },
    offset(dr: number, dc: number, nr?: number, nc?: number) {
      const next = {
        row: row + dr,
        column: column + dc,
        numRows: nr ?? numRows,
        numColumns: nc ?? numColumns,
      };
      return rangeHandle(ctx, checkArea(ctx, next));
    },
    protect: () => protect(ctx, area),
    addDeveloperMetadata(key: unknown, value?: unknown, visibility?: unknown) {
      addMetadata(ctx, columnScope(), key, value, visibility);
      return proxy;
    },
    getDeveloperMetadata() {
      if (!isWholeColumn()) return vmAlloc(exec)(0);
      exec.charge(exec.costs.metadataMs);
      const records = ss.metadata.filter(
        (m) =>
          m.location.type === 'COLUMN' &&
          m.location.sheetId === sheet.sheetId &&
          m.location.column === column,
      );
      return metadataHandles(ctx, records);
    },
    createDeveloperMetadataFinder() {
      return metadataFinder(
        ctx,
        (m) =>
          m.location.type === 'COLUMN' &&
          m.location.sheetId === sheet.sheetId &&
          m.location.column >= column &&
          m.location.column < column + numColumns,
      );
    },
  };
  const proxy: object = register(service(exec, 'Range', impl), 'Range', { ...ctx, area });
  return proxy;
}

handles.range = rangeHandle;
