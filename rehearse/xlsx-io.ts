// Reads an .xlsx file into a WorkbookModel and writes one back, keeping values, formulas (with their last
// result), dates (as date cells), booleans, numbers, text and the frozen header row.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { BadInput } from './errors';
import type { CellValue, SheetModel, WorkbookModel } from './workbook';
import { CELL_LIMIT, overCellLimit } from './workbook';

const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Why exceljs could not open the file, in the words of someone who renamed a .csv or a PDF. */
function unreadableCause(file: string, error: Error): string {
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, 'r');
  const read = fs.readSync(fd, head, 0, 4, 0);
  fs.closeSync(fd);
  if (read === 0) return 'the file is empty';
  // every .xlsx is a zip archive, which starts with "PK"
  if (head.toString('latin1', 0, 2) !== 'PK')
    return 'it is not an Excel workbook (perhaps a .csv or another file renamed .xlsx)';
  return `the workbook is damaged or not an Excel workbook (${error.message})`;
}

export async function readWorkbook(file: string): Promise<WorkbookModel> {
  if (!fs.existsSync(file)) {
    throw new BadInput(
      `file not found: ${file}. Check the path, or run without a file to rehearse on the sample.`,
    );
  }
  if (fs.statSync(file).isDirectory()) throw new BadInput(`${file} is a folder, not an .xlsx file.`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new BadInput(
      `cannot read ${file} as an .xlsx workbook: ${unreadableCause(file, error as Error)}. ` +
        'Download the spreadsheet with File > Download > Microsoft Excel (.xlsx) and try again.',
    );
  }
  // Checked before the grids are built: a workbook over the limit could not be a Google spreadsheet anyway.
  const cells = workbook.worksheets.reduce((sum, ws) => sum + ws.rowCount * ws.columnCount, 0);
  if (cells > CELL_LIMIT) throw new BadInput(overCellLimit(file, cells));
  const name = path.basename(file).replace(/\.xlsx$/i, '');
  return { name, sheets: workbook.worksheets.map(readSheet) };
}

function readSheet(worksheet: ExcelJS.Worksheet): SheetModel {
  const rowCount = worksheet.actualRowCount === 0 ? 0 : worksheet.rowCount;
  const columnCount = worksheet.actualColumnCount === 0 ? 0 : worksheet.columnCount;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let hasFormula = false;
  for (let r = 1; r <= rowCount; r++) {
    const row = worksheet.getRow(r);
    const rowValues: CellValue[] = new Array(columnCount).fill('');
    const rowFormulas: (string | null)[] = new Array(columnCount).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > columnCount) return;
      const read = readCell(cell);
      rowValues[c - 1] = read.value;
      if (read.formula) {
        rowFormulas[c - 1] = read.formula;
        hasFormula = true;
      }
    });
    values.push(rowValues);
    formulas.push(rowFormulas);
  }
  trimTrailingEmptyRows(values, formulas);
  const view = (worksheet.views ?? []).find((v) => v.state === 'frozen');
  const frozenRows = view && 'ySplit' in view ? (view.ySplit ?? 0) : 0;
  const sheet: SheetModel = {
    name: worksheet.name,
    values,
    maxRows: Math.max(values.length, 1),
    maxColumns: Math.max(columnCount, 1),
  };
  if (hasFormula) sheet.formulas = formulas;
  if (frozenRows > 0) sheet.frozenRows = frozenRows;
  return sheet;
}

function trimTrailingEmptyRows(values: CellValue[][], formulas: (string | null)[][]): void {
  while (values.length > 0 && values[values.length - 1].every((v) => v === '')) {
    if (formulas[formulas.length - 1].some((f) => f !== null)) break;
    values.pop();
    formulas.pop();
  }
}

function readCell(cell: ExcelJS.Cell): { value: CellValue; formula?: string } {
  switch (cell.type) {
    case ExcelJS.ValueType.Formula: {
      const formula = cell.formula;
      // cell.value drops a result of 0; cell.result keeps it.
      const result: unknown = cell.result;
      return { value: plain(result), formula: formula ? `=${formula}` : undefined };
    }
    case ExcelJS.ValueType.Merge:
    case ExcelJS.ValueType.Null:
      return { value: '' };
    default:
      return { value: plain(cell.value) };
  }
}

/** A cell value as the model holds it: rich text and hyperlinks become their text, errors their code. */
function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return value as Date;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return v.richText.map((part: { text: string }) => part.text).join('');
  if (typeof v.error === 'string') return v.error;
  if (typeof v.text === 'string') return v.text;
  if (v.text && typeof v.text === 'object') return plain(v.text);
  if ('result' in v) return plain(v.result);
  return String(value);
}

export async function writeWorkbook(model: WorkbookModel, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  for (const sheet of model.sheets) {
    const frozen = sheet.frozenRows ?? 0;
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: frozen > 0 ? [{ state: 'frozen', ySplit: frozen, xSplit: 0 }] : [],
    });
    sheet.values.forEach((rowValues, r) => {
      const row = worksheet.getRow(r + 1);
      rowValues.forEach((value, c) => {
        const formula = sheet.formulas?.[r]?.[c];
        if (formula) {
          row.getCell(c + 1).value = {
            formula: formula.replace(/^=/, ''),
            result: resultOf(value),
          } as ExcelJS.CellValue;
        } else if (value !== '' && value !== null && value !== undefined) {
          const cell = row.getCell(c + 1);
          cell.value = value;
          if (Object.prototype.toString.call(value) === '[object Date]') cell.numFmt = DATE_FORMAT;
        }
      });
      row.commit();
    });
    worksheet.commit();
  }
  await workbook.commit();
}

function resultOf(value: CellValue): ExcelJS.CellFormulaValue['result'] {
  if (value === '') return undefined;
  if (typeof value === 'string' && /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/.test(value)) {
    return { error: value } as ExcelJS.CellErrorValue;
  }
  return value;
}
