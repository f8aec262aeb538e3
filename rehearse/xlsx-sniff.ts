// What kind of file the user gave, from its first bytes: an .xlsx is a zip archive holding xl/workbook.xml; an
// .ods is a zip whose first entry is an uncompressed `mimetype`; an .xls is an OLE2 compound file; a .csv is text.

import fs from 'node:fs';
import { BadInput } from './errors';

const HEAD_BYTES = 512;
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const HOW_TO_GET_ONE =
  'Download the spreadsheet from Google Sheets with File > Download > Microsoft Excel (.xlsx), ' +
  'or save it as .xlsx from Excel or LibreOffice, and try again.';

export function notAnXlsx(file: string, what: string): BadInput {
  return new BadInput(`${file} is not an .xlsx workbook: ${what}. ${HOW_TO_GET_ONE}`);
}

/** The first entry of a zip archive: its name, and its first bytes when it is stored uncompressed. */
function firstZipEntry(head: Buffer): { name: string; stored: string } | null {
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) return null;
  const method = head.readUInt16LE(8);
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const name = head.toString('latin1', 30, Math.min(head.length, 30 + nameLength));
  const dataAt = 30 + nameLength + extraLength;
  const stored = method === 0 ? head.toString('latin1', dataAt, Math.min(head.length, dataAt + 80)) : '';
  return { name, stored };
}

function looksLikeText(head: Buffer): boolean {
  const sample = head.subarray(0, Math.min(head.length, HEAD_BYTES));
  // UTF-8 text (a .csv, .tsv, .json, .html): no NUL bytes and few control characters
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return control <= sample.length / 100;
}

/**
 * Throws a BadInput naming what the file is when it cannot be an .xlsx. A zip archive passes: whether it holds
 * a workbook is known only once it is read (see xlsx-read.ts).
 */
export function checkLooksLikeXlsx(file: string): void {
  if (!fs.existsSync(file)) {
    throw new BadInput(
      `file not found: ${file}. Check the path (relative paths start in the folder you ran npm start from), ` +
        'or run without a file to rehearse on the sample.',
    );
  }
  if (fs.statSync(file).isDirectory()) throw new BadInput(`${file} is a folder, not an .xlsx file.`);
  const head = Buffer.alloc(HEAD_BYTES);
  const fd = fs.openSync(file, 'r');
  const read = fs.readSync(fd, head, 0, HEAD_BYTES, 0);
  fs.closeSync(fd);
  const bytes = head.subarray(0, read);
  if (read === 0) throw notAnXlsx(file, 'the file is empty');
  if (bytes.subarray(0, 8).equals(OLE2)) {
    throw notAnXlsx(file, 'it is an old Excel 97-2003 workbook (.xls) or another Office 97 file');
  }
  const entry = firstZipEntry(bytes);
  if (entry) {
    if (entry.name === 'mimetype' && entry.stored.startsWith('application/vnd.oasis.opendocument')) {
      const kind = entry.stored.startsWith('application/vnd.oasis.opendocument.spreadsheet')
        ? 'an OpenDocument spreadsheet (.ods)'
        : 'an OpenDocument file (LibreOffice / OpenOffice)';
      throw notAnXlsx(file, `it is ${kind}`);
    }
    return;
  }
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') return; // a zip starting with another record
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') throw notAnXlsx(file, 'it is a PDF');
  if (looksLikeText(bytes)) {
    throw notAnXlsx(file, 'it is a text file (perhaps a .csv or .tsv export, or a file renamed .xlsx)');
  }
  throw notAnXlsx(file, 'it is not an Excel workbook (an .xlsx file is a zip archive; this one is not)');
}
