// One worksheet's XML (xl/worksheets/sheetN.xml) into a SheetModel, as it streams out of the zip. ExcelJS's
// WorksheetReader drops frozen panes, merges, shared formulas and hyperlinks and builds a Row and a Cell object
// per cell; this reads the same SAX events (ExcelJS's parse-sax) straight into rows of plain values.

import parseSax from 'exceljs/lib/utils/parse-sax';
import type { SaxNode } from 'exceljs/lib/utils/parse-sax';
import { slideFormula } from 'exceljs/lib/utils/shared-formula';
import { excelToDate } from 'exceljs/lib/utils/utils';
import { BadInput } from './errors';
import type { NotCarried } from './not-carried';
import type { CellValue, SheetModel } from './workbook';
import { CELL_LIMIT, columnLetter, overCellLimit } from './workbook';
import { DATE_FORMAT } from './xlsx-format';

/** What a sheet needs from the workbook around it. */
export interface SheetContext {
  file: string;
  sharedStrings: readonly unknown[];
  styleOf(id: number): StyleFacts;
  date1904: boolean;
  /** Grid cells of the sheets read before this one (for the 10,000,000-cell limit). */
  cellsBefore: number;
  notCarried: NotCarried;
}

export interface StyleFacts {
  isDate: boolean;
  numFmt: string | undefined;
  formatted: boolean;
}

interface OpenCell {
  ref: string | undefined;
  type: string | undefined;
  style: number;
  value: string | null;
  formula: string | null;
  shared: { index: string; ref: string | undefined } | null;
  rich: boolean;
}

/** 'BN12' -> 66 (1-based). */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column;
}

function richText(value: unknown): string | null {
  const runs = (value as { richText?: { text?: string }[] } | null)?.richText;
  return Array.isArray(runs) ? runs.map((run) => run.text ?? '').join('') : null;
}

export async function readSheetXml(
  name: string,
  xml: AsyncIterable<unknown>,
  context: SheetContext,
): Promise<SheetModel> {
  const { notCarried, sharedStrings } = context;
  const at = (ref: string) => `${name}!${ref}`;
  const values: CellValue[][] = [];
  const formulas: ((string | null)[] | undefined)[] = [];
  const masters = new Map<string, { formula: string; ref: string }>();
  let width = 0;
  let frozenRows = 0;
  let rowIndex = -1;
  let lastRowIndex = -1;
  let rowValues: CellValue[] = [];
  let rowFormulas: (string | null)[] | undefined;
  let cell: OpenCell | null = null;
  let text: 'value' | 'formula' | null = null;
  let inInline = false;

  const limit = (rows: number, columns: number) => {
    const cells = context.cellsBefore + rows * columns;
    if (cells > CELL_LIMIT) throw new BadInput(overCellLimit(context.file, cells));
  };

  const openTag = (node: SaxNode) => {
    const a = node.attributes;
    switch (node.name) {
      case 'row':
        rowIndex = a.r ? Number(a.r) - 1 : lastRowIndex + 1;
        rowValues = [];
        rowFormulas = undefined;
        break;
      case 'c':
        cell = {
          ref: a.r,
          type: a.t,
          style: a.s ? Number(a.s) : 0,
          value: null,
          formula: null,
          shared: null,
          rich: false,
        };
        break;
      case 'v':
        if (cell) {
          cell.value = '';
          text = 'value';
        }
        break;
      case 'f':
        if (cell) {
          cell.formula = '';
          if (a.t === 'shared' && a.si !== undefined) cell.shared = { index: a.si, ref: a.ref };
          text = 'formula';
        }
        break;
      case 'is':
        inInline = true;
        if (cell) cell.value = '';
        break;
      case 't':
        if (inInline) text = 'value';
        break;
      case 'r':
        if (inInline && cell) cell.rich = true;
        break;
      case 'rPh':
        inInline = false; // phonetic hints are not part of the text
        break;
      case 'dimension': {
        const [, end] = (a.ref ?? '').split(':');
        if (end) limit(Number(end.replace(/^[A-Z]+/i, '')) || 0, columnOf(end));
        break;
      }
      case 'pane':
        if ((a.state === 'frozen' || a.state === 'frozenSplit') && a.ySplit) frozenRows = Number(a.ySplit);
        break;
      case 'mergeCell':
        notCarried.add('merges', at(a.ref ?? '?'));
        break;
      case 'hyperlink':
        notCarried.add('hyperlinks', at(a.ref ?? '?'));
        break;
      case 'dataValidation':
        notCarried.add('dataValidation', at(a.sqref ?? '?'));
        break;
      case 'conditionalFormatting':
        notCarried.add('conditionalFormatting', at(a.sqref ?? '?'));
        break;
      case 'drawing':
        notCarried.add('drawings', name);
        break;
      case 'legacyDrawing':
        notCarried.add('notes', name);
        break;
      case 'tablePart':
        notCarried.add('tables', name);
        break;
    }
  };

  const closeCell = (c: OpenCell) => {
    const column = c.ref ? columnOf(c.ref) : rowValues.length + 1;
    const ref = c.ref ?? `${columnLetter(column)}${rowIndex + 1}`;
    const style = c.style ? context.styleOf(c.style) : null;
    if (style?.formatted) notCarried.add('formatting', at(ref));
    let value: CellValue = '';
    const raw = c.value;
    if (raw !== null) {
      switch (c.type) {
        case 's': {
          const shared = sharedStrings[Number(raw)];
          const rich = richText(shared);
          if (rich !== null) notCarried.add('richText', at(ref));
          value = rich ?? (typeof shared === 'string' ? shared : '');
          break;
        }
        case 'str':
          value = raw;
          break;
        case 'inlineStr':
          if (c.rich) notCarried.add('richText', at(ref));
          value = raw;
          break;
        case 'b':
          value = raw === '1' || raw === 'true';
          break;
        case 'e':
          if (c.formula === null) notCarried.add('errorCells', at(ref));
          value = raw;
          break;
        case 'd':
          value = new Date(raw);
          break;
        default: {
          const n = Number(raw);
          if (style?.isDate) {
            value = excelToDate(n, context.date1904);
            if (style.numFmt !== DATE_FORMAT) notCarried.add('numberFormats', at(ref));
          } else {
            value = n;
            if (style?.numFmt && style.numFmt !== 'General') notCarried.add('numberFormats', at(ref));
          }
        }
      }
    }
    let formula: string | null = null;
    if (c.formula !== null) {
      if (c.shared) {
        if (c.formula !== '') masters.set(c.shared.index, { formula: c.formula, ref });
        else {
          const master = masters.get(c.shared.index);
          if (master) formula = slideFormula(master.formula, master.ref, ref);
        }
      }
      formula ??= c.formula === '' ? null : c.formula;
    }
    if (value === '' && formula === null && column <= rowValues.length) return;
    while (rowValues.length < column - 1) rowValues.push('');
    rowValues[column - 1] = value;
    if (formula !== null) {
      rowFormulas ??= [];
      while (rowFormulas.length < column - 1) rowFormulas.push(null);
      rowFormulas[column - 1] = `=${formula}`;
    }
  };

  const closeTag = (node: SaxNode) => {
    switch (node.name) {
      case 'v':
      case 'f':
      case 't':
        text = null;
        break;
      case 'is':
        inInline = false;
        break;
      case 'c':
        if (cell) closeCell(cell);
        cell = null;
        text = null;
        break;
      case 'row':
        if (rowIndex >= 0) {
          values[rowIndex] = rowValues;
          if (rowFormulas) formulas[rowIndex] = rowFormulas;
          if (rowValues.length > width) width = rowValues.length;
          lastRowIndex = rowIndex;
          limit(rowIndex + 1, width);
        }
        rowIndex = -1;
        break;
    }
  };

  for await (const events of parseSax(xml)) {
    for (const event of events) {
      if (event.eventType === 'text') {
        // `cell` and `text` are set by openTag, which TypeScript's narrowing does not see
        const open = cell as OpenCell | null;
        if (text !== null && open) {
          if (text === 'value') open.value += event.value;
          else open.formula += event.value;
        }
      } else if (event.eventType === 'opentag') openTag(event.value);
      else closeTag(event.value);
    }
  }
  return sheetModel(name, values, formulas, width, frozenRows);
}

function sheetModel(
  name: string,
  values: CellValue[][],
  formulas: ((string | null)[] | undefined)[],
  width: number,
  frozenRows: number,
): SheetModel {
  let rows = values.length;
  // Trailing rows with no value and no formula are not part of the sheet's data.
  while (rows > 0 && !formulas[rows - 1] && (values[rows - 1] ?? []).every((v) => v === '')) rows -= 1;
  values.length = rows;
  const hasFormula = formulas.some((row) => row !== undefined);
  const dense: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = values[r] ?? [];
    while (row.length < width) row.push('');
    values[r] = row;
    if (hasFormula) {
      const f = formulas[r] ?? [];
      while (f.length < width) f.push(null);
      dense.push(f);
    }
  }
  const sheet: SheetModel = { name, values, maxRows: Math.max(rows, 1), maxColumns: Math.max(width, 1) };
  if (hasFormula) sheet.formulas = dense;
  if (frozenRows > 0) sheet.frozenRows = frozenRows;
  return sheet;
}
