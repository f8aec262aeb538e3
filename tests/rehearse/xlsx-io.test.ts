import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import type { WorkbookModel } from '../../rehearse/workbook';
import { readWorkbook, writeWorkbook } from '../../rehearse/xlsx-io';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-xlsx-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const workbook: WorkbookModel = {
  name: 'Libro',
  sheets: [
    {
      name: 'Operaciones',
      values: [
        [
          'TAG_SPOOL',
          'Ubicación',
          'N°_Informe_UT_ RX',
          'Fecha_Liberación',
          'Peso_Kg',
          'Doble',
          'FLAG',
          'MatSys',
        ],
        [
          'MK-1335-CW-25238-011',
          'Taller 1',
          'RX-0001',
          new Date(Date.UTC(2025, 10, 8)),
          12.5,
          25,
          true,
          '#N/A',
        ],
        ['3-ECU-049', 'Patio Ñuñoa', '', '21-01-2026', 0, 0, false, ''],
        [
          'Spool 01',
          '',
          'RX-0002',
          new Date(Date.UTC(2026, 0, 21, 10, 30, 15)),
          -3.25,
          '#N/A',
          false,
          'MS-1',
        ],
      ],
      formulas: [
        [null, null, null, null, null, null, null, null],
        [null, null, null, null, null, '=E2*2', null, null],
        [null, null, null, null, null, '=E3*2', null, null],
        [null, null, null, null, null, '=VLOOKUP(A4,Metadata!A:B,2,FALSE)', null, null],
      ],
      maxRows: 4,
      maxColumns: 8,
      frozenRows: 1,
    },
    {
      name: 'Trabajadores',
      values: [
        ['Id', 'Nombre', 'Apellido', 'Activo'],
        [93, 'María', 'Pérez', true],
      ],
      maxRows: 2,
      maxColumns: 4,
    },
  ],
};

describe('xlsx round trip', () => {
  it('keeps values, formulas with their results, dates, booleans, accents and the frozen header', async () => {
    const file = path.join(dir, 'Libro.xlsx');
    await writeWorkbook(workbook, file);
    const back = await readWorkbook(file);
    expect(back).toEqual(workbook);
    const fecha = back.sheets[0].values[1][3];
    expect(Object.prototype.toString.call(fecha)).toBe('[object Date]');
    expect((fecha as Date).toISOString()).toBe('2025-11-08T00:00:00.000Z');
  });

  it('round-trips the sample workbook cell for cell', async () => {
    const sample = zeuesWorkbook({ rows: 400 });
    const file = path.join(dir, 'ZEUES.xlsx');
    await writeWorkbook(sample, file);
    const back = await readWorkbook(file);
    expect(back.sheets.map((s) => s.name)).toEqual(sample.sheets.map((s) => s.name));
    back.sheets.forEach((sheet, i) => {
      expect(sheet.values).toEqual(sample.sheets[i].values);
      expect(sheet.formulas).toEqual(sample.sheets[i].formulas);
    });
    expect(back.sheets[0].values.flat().some((v) => v instanceof Date)).toBe(true);
  });

  it('reads shared formulas, rich text, hyperlinks and error results as Google Sheets shows them', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Hoja');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B1').value = { formula: 'A1*10', result: 10 };
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 20 };
    ws.getCell('C1').value = { richText: [{ text: 'Fecha_' }, { text: 'Liberación', font: { bold: true } }] };
    ws.getCell('C2').value = { text: 'informe', hyperlink: 'https://example.com/informe' };
    ws.getCell('D1').value = { formula: 'NA()', result: { error: '#N/A' } };
    const file = path.join(dir, 'made-elsewhere.xlsx');
    await book.xlsx.writeFile(file);

    const sheet = (await readWorkbook(file)).sheets[0];
    expect(sheet.values).toEqual([
      [1, 10, 'Fecha_Liberación', '#N/A'],
      [2, 20, 'informe', ''],
    ]);
    expect(sheet.formulas).toEqual([
      [null, '=A1*10', null, '=NA()'],
      [null, '=A2*10', null, null],
    ]);
  });

  it('writes the output folder when it does not exist yet', async () => {
    const file = path.join(dir, 'new', 'folder', 'out.xlsx');
    await writeWorkbook(workbook, file);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  });
});

describe('readWorkbook on bad input', () => {
  it('names a missing file', async () => {
    await expect(readWorkbook(path.join(dir, 'nope.xlsx'))).rejects.toThrow(/file not found: .*nope\.xlsx/);
  });

  it('says a file that is not an .xlsx cannot be read, and how to get one', async () => {
    const file = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(file, 'TAG_SPOOL,NV\nMK-1,NV1\n');
    await expect(readWorkbook(file)).rejects.toThrow(
      /cannot read .*notes\.xlsx as an \.xlsx workbook.*File > Download/,
    );
  });

  it('refuses a workbook over the 10,000,000-cell limit before building its grids', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Operaciones');
    ws.getCell('A1').value = 'TAG_SPOOL';
    ws.getCell('CV200000').value = 'far away'; // 100 columns x 200,000 rows = 20,000,000 cells
    const file = path.join(dir, 'huge.xlsx');
    await book.xlsx.writeFile(file);
    await expect(readWorkbook(file)).rejects.toThrow(
      /20,000,000 cells, over Google Sheets' limit of 10,000,000/,
    );
  });
});
