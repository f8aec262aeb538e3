// Reads an .xlsx into a WorkbookModel with ExcelJS's streaming WorkbookReader: the zip is read as a stream,
// shared strings and styles through ExcelJS, each worksheet's XML through ./xlsx-sheet-reader. Keeps values,
// formulas (with their last result), dates (as date cells), booleans, numbers, text, frozen rows and hidden
// sheets, and lists what it does not keep (./not-carried.ts).

import ExcelJS from 'exceljs';
import path from 'node:path';
import { isDateFmt } from 'exceljs/lib/utils/utils';
import { BadInput } from './errors';
import type { NotCarriedItem } from './not-carried';
import { NotCarried } from './not-carried';
import type { SheetModel, WorkbookModel } from './workbook';
import type { StyleFacts } from './xlsx-sheet-reader';
import { readSheetXml } from './xlsx-sheet-reader';
import { checkLooksLikeXlsx, notAnXlsx } from './xlsx-sniff';

export interface ReadResult {
  workbook: WorkbookModel;
  notCarried: NotCarriedItem[];
}

interface StyleManager {
  getStyleModel(id: number): Record<string, unknown> | null;
}

/** The parts of ExcelJS's WorkbookReader read here (exceljs/lib/stream/xlsx/workbook-reader.js). */
interface StreamingReader {
  parse(): AsyncGenerator<{ eventType: string; value: unknown }>;
  sharedStrings?: unknown[];
  styles: StyleManager;
  model?: { sheets?: { name: string; state?: string }[]; definedNames?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
  stream?: { destroy(): void };
}

interface WorksheetEntry {
  name: string;
  state?: string;
  iterator: AsyncIterable<unknown>;
}

const FORMATTING_PARTS = ['font', 'fill', 'border', 'alignment'] as const;

function styleFacts(styles: StyleManager): (id: number) => StyleFacts {
  const cache = new Map<number, StyleFacts>();
  const base = styles.getStyleModel(0) ?? {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return (id) => {
    let facts = cache.get(id);
    if (!facts) {
      const model = styles.getStyleModel(id) ?? {};
      const numFmt = typeof model.numFmt === 'string' ? model.numFmt : undefined;
      facts = {
        isDate: isDateFmt(numFmt),
        numFmt,
        formatted: FORMATTING_PARTS.some((part) => !same(model[part], base[part])),
      };
      cache.set(id, facts);
    }
    return facts;
  };
}

/**
 * What a read that ExcelJS could not finish throws. Its streaming reader can hand a worksheet over before it has
 * settled a part it read earlier (the styles, the workbook part): a timing race in which the same file reads
 * correctly when read again. So such a read is tried again; a file that is really damaged fails every time.
 */
class UnfinishedRead extends BadInput {}

const READ_ATTEMPTS = 3;

export async function readWorkbookFile(file: string): Promise<ReadResult> {
  checkLooksLikeXlsx(file);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await readOnce(file);
    } catch (error) {
      if (!(error instanceof UnfinishedRead) || attempt >= READ_ATTEMPTS) throw error;
    }
  }
}

async function readOnce(file: string): Promise<ReadResult> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamingReader;
  const notCarried = new NotCarried();
  const sheets: SheetModel[] = [];
  const hidden = new Set<string>();
  let styleOf: ((id: number) => StyleFacts) | undefined;
  let cells = 0;
  try {
    for await (const { eventType, value } of reader.parse()) {
      if (eventType !== 'worksheet') continue;
      const entry = value as WorksheetEntry;
      styleOf ??= styleFacts(reader.styles);
      const sheet = await readSheetXml(entry.name, entry.iterator, {
        file,
        sharedStrings: reader.sharedStrings ?? [],
        styleOf,
        date1904: reader.properties?.model?.date1904 === true,
        cellsBefore: cells,
        notCarried,
      });
      if (entry.state === 'hidden' || entry.state === 'veryHidden') hidden.add(entry.name);
      cells += sheet.maxRows * sheet.maxColumns;
      sheets.push(sheet);
    }
  } catch (error) {
    reader.stream?.destroy();
    if (error instanceof BadInput) throw error;
    throw new UnfinishedRead(
      `cannot read ${file}: the workbook is damaged (${(error as Error).message}). ` +
        'Download it again with File > Download > Microsoft Excel (.xlsx).',
    );
  }
  if (!reader.model) {
    const noWorkbook = notAnXlsx(
      file,
      'it is a zip archive but holds no workbook (no xl/workbook.xml; a .docx or .zip?)',
    );
    throw new UnfinishedRead(noWorkbook.message);
  }
  // Tab order is workbook.xml's; the zip may hold the sheets in another order.
  const order = (reader.model.sheets ?? []).map((s) => s.name);
  sheets.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  for (const sheet of sheets) if (hidden.has(sheet.name)) sheet.hidden = true;
  for (const defined of reader.model.definedNames ?? []) notCarried.add('namedRanges', defined.name);
  const name = path.basename(file).replace(/\.xlsx$/i, '');
  return { workbook: { name, sheets }, notCarried: notCarried.items() };
}

export async function readWorkbook(file: string): Promise<WorkbookModel> {
  return (await readWorkbookFile(file)).workbook;
}
