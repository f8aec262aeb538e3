import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import type { WorkbookModel } from '../../rehearse/workbook';
import { readWorkbook, readWorkbookFile, writeWorkbook } from '../../rehearse/xlsx-io';

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

describe('the .xlsx the rehearsal writes', () => {
  it("is read back by ExcelJS's own in-memory reader: types, formulas and results, dates, frozen rows, hidden sheets", async () => {
    const file = path.join(dir, 'checked.xlsx');
    const date = new Date(Date.UTC(2026, 0, 21, 10, 30, 15));
    await writeWorkbook(
      {
        name: 'checked',
        sheets: [
          {
            name: 'Operaciones',
            values: [
              ['TAG_SPOOL', 'Notas', 'Fecha', 'Peso', 'FLAG', 'Texto', 'Error', 'Bool'],
              ['MK-1 & <2>', 'línea\u0001 con control', date, 12.5, true, 'MK-1', '#N/A', false],
            ],
            formulas: [
              [null, null, null, null, null, null, null, null],
              [null, null, null, '=E2*2', null, '=LEFT(A2,4)', '=NA()', '=1>2'],
            ],
            maxRows: 2,
            maxColumns: 8,
            frozenRows: 1,
          },
          { name: 'Oculta', values: [['x']], maxRows: 1, maxColumns: 1, hidden: true },
        ],
      },
      file,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet('Operaciones');
    if (!ws) throw new Error('no Operaciones sheet');
    expect(ws.getCell('A2').value).toBe('MK-1 & <2>');
    expect(ws.getCell('B2').value).toBe('línea con control');
    expect(ws.getCell('C2').value).toEqual(date);
    expect(ws.getCell('C2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(ws.getCell('E2').value).toBe(true);
    expect(ws.getCell('D2').value).toEqual({ formula: 'E2*2', result: 12.5 });
    expect(ws.getCell('F2').value).toEqual({ formula: 'LEFT(A2,4)', result: 'MK-1' });
    expect(ws.getCell('G2').value).toEqual({ formula: 'NA()', result: { error: '#N/A' } });
    // ExcelJS's cell.value leaves out a false (or 0) result; cell.result has it
    expect(ws.getCell('H2').formula).toBe('1>2');
    expect(ws.getCell('H2').result).toBe(false);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(book.getWorksheet('Oculta')?.state).toBe('hidden');
    expect((await readWorkbook(file)).sheets[1]).toMatchObject({ name: 'Oculta', hidden: true });
  });
});

describe('what is not carried over', () => {
  it('lists number formats, formatting, merges, hyperlinks, rich text, typed errors, rules, notes and names', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Operaciones');
    ws.getCell('A1').value = 'TAG_SPOOL';
    ws.getCell('B1').value = 'Avance';
    ws.getCell('A1').font = { bold: true };
    ws.getCell('B2').value = 0.25;
    ws.getCell('B2').numFmt = '0.00%';
    ws.getCell('B3').value = 0.5;
    ws.getCell('B3').numFmt = '0.00%';
    ws.mergeCells('C1:D1');
    ws.getCell('A2').value = { text: 'MK-1', hyperlink: 'https://example.com/mk-1' };
    ws.getCell('A3').value = { richText: [{ text: 'MK-' }, { text: '2', font: { bold: true } }] };
    ws.getCell('E2').value = { error: '#N/A' };
    ws.getCell('F2').value = { formula: 'NA()', result: { error: '#N/A' } }; // kept: it is a formula's result
    ws.getCell('G2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"si,no"'] };
    ws.addConditionalFormatting({
      ref: 'B2:B3',
      rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [0.3], priority: 1, style: {} }],
    });
    ws.getCell('A4').note = 'revisar';
    ws.getCell('A4').value = 'MK-3';
    book.definedNames.add('Operaciones!$A$1:$A$4', 'Tags');
    const file = path.join(dir, 'formatted.xlsx');
    await book.xlsx.writeFile(file);

    const { notCarried } = await readWorkbookFile(file);
    const byKind = Object.fromEntries(notCarried.map((i) => [i.kind, i]));
    expect(Object.keys(byKind).sort()).toEqual(
      [
        'conditionalFormatting',
        'dataValidation',
        'errorCells',
        'formatting',
        'hyperlinks',
        'merges',
        'namedRanges',
        'notes',
        'numberFormats',
        'richText',
      ].sort(),
    );
    expect(byKind.numberFormats).toEqual({ kind: 'numberFormats', count: 2, example: 'Operaciones!B2' });
    expect(byKind.merges).toMatchObject({ count: 1, example: 'Operaciones!C1:D1' });
    expect(byKind.hyperlinks).toMatchObject({ count: 1, example: 'Operaciones!A2' });
    expect(byKind.richText).toMatchObject({ count: 1, example: 'Operaciones!A3' });
    expect(byKind.errorCells).toMatchObject({ count: 1, example: 'Operaciones!E2' });
    expect(byKind.formatting.example).toBe('Operaciones!A1');
    expect(byKind.namedRanges.example).toBe('Tags');
  });

  it('finds nothing to warn about in a workbook the rehearsal wrote', async () => {
    const file = path.join(dir, 'sample.xlsx');
    await writeWorkbook(zeuesWorkbook({ rows: 50 }), file);
    expect((await readWorkbookFile(file)).notCarried).toEqual([]);
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
      /notes\.xlsx is not an \.xlsx workbook: it is a text file .*File > Download > Microsoft Excel/,
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
