/** @heavy 150,000-row sample workbooks (about 0.5 GB) */
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { columnLetter, gridCells } from '../../rehearse/workbook';
import { COMPANION_HEADERS, UNIONES_HEADERS, V21_HEADERS } from '../../rehearse/zeues-schema';

const CELL_LIMIT = 10_000_000;

describe('zeuesWorkbook', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = zeuesWorkbook({ rows: 300, seed: 7 });
    const b = zeuesWorkbook({ rows: 300, seed: 7 });
    const c = zeuesWorkbook({ rows: 300, seed: 8 });
    expect(b).toEqual(a);
    expect(c.sheets[0].values).not.toEqual(a.sheets[0].values);
  });

  it('has the Operaciones sheet and its three companions, header frozen, in that order', () => {
    const wb = zeuesWorkbook({ rows: 50 });
    expect(wb.name).toBe('ZEUES');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Operaciones', 'Metadata', 'Trabajadores', 'Roles']);
    expect(wb.sheets.every((s) => s.frozenRows === 1)).toBe(true);
    for (const name of ['Metadata', 'Trabajadores', 'Roles'] as const) {
      const sheet = wb.sheets.find((s) => s.name === name)!;
      expect(sheet.values[0]).toEqual(COMPANION_HEADERS[name]);
      expect(sheet.values.length).toBeGreaterThan(1);
      expect(sheet.maxColumns).toBe(COMPANION_HEADERS[name].length);
      expect(sheet.maxRows).toBeGreaterThan(sheet.values.length);
      expect(sheet.maxRows).toBeLessThanOrEqual(sheet.values.length + 20);
    }
  });

  it.each([63, 64, 65, 66])(
    'uses the first %i real v2.1 headers and sizes the grid to the data',
    (columns) => {
      const wb = zeuesWorkbook({ rows: 120, v21Columns: columns });
      const sheet = wb.sheets[0];
      expect(sheet.values[0]).toEqual(V21_HEADERS.slice(0, columns));
      expect(sheet.values[0]).toContain('TAG_SPOOL');
      expect(sheet.values[0]).toContain('Ubicación');
      expect(sheet.values[0]).toContain('N°_Informe_UT_ RX');
      expect(sheet.maxRows).toBe(121);
      expect(sheet.maxColumns).toBe(columns);
      expect(sheet.values).toHaveLength(121);
      expect(sheet.values.every((row) => row.length === columns)).toBe(true);
      if (sheet.formulas) {
        expect(sheet.formulas).toHaveLength(121);
        expect(sheet.formulas.every((row) => row.length === columns)).toBe(true);
      }
    },
  );

  it('can name the key column TAG, the alias found in some copies', () => {
    const headers = zeuesWorkbook({ rows: 5, keyHeader: 'TAG' }).sheets[0].values[0];
    expect(headers).toContain('TAG');
    expect(headers).not.toContain('TAG_SPOOL');
  });

  it('rejects a column count outside the 63..66 seen in real copies', () => {
    expect(() => zeuesWorkbook({ v21Columns: 62 })).toThrow(/v21Columns must be an integer from 63 to 66/);
    expect(() => zeuesWorkbook({ v21Columns: 67 })).toThrow(/63 to 66/);
    expect(() => zeuesWorkbook({ rows: 0 })).toThrow(/rows must be a positive integer/);
  });

  it('holds values shaped like the real sheet', () => {
    const sheet = zeuesWorkbook({ rows: 2500 }).sheets[0];
    const headers = sheet.values[0] as string[];
    const column = (h: string) => sheet.values.slice(1).map((row) => row[headers.indexOf(h)]);
    const share = (cells: unknown[], test: (v: unknown) => boolean) =>
      cells.filter(test).length / cells.length;

    const tags = column('TAG_SPOOL').map(String);
    expect(share(tags, (t) => /^MK-\d{4}-[A-Z]{2}-\d{5}-\d{3}$/.test(String(t)))).toBeGreaterThan(0.9);
    expect(tags.some((t) => !t.startsWith('MK-'))).toBe(true);
    expect(new Set(tags).size).toBeLessThan(tags.length);

    expect(share(column('NV'), (v) => /^NV\d{4}$/.test(String(v)))).toBe(1);
    const emptyOt = share(column('OT'), (v) => v === '');
    expect(emptyOt).toBeGreaterThan(0.25);
    expect(emptyOt).toBeLessThan(0.42);

    const dates = column('Fecha_Armado').filter((v) => v !== '');
    expect(share(dates, (v) => /^\d{2}-\d{2}-\d{4}$/.test(String(v)))).toBeGreaterThan(0.9);
    expect(dates.some((v) => /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(String(v)))).toBe(true);
    expect(column('Fecha_Compromiso').some((v) => v instanceof Date)).toBe(true);

    const armadores = column('Armador').filter((v) => v !== '');
    expect(share(armadores, (v) => /^[A-Z]{1,3}\(\d+\)$/.test(String(v)))).toBeGreaterThan(0.8);
    expect(armadores.some((v) => / /.test(String(v)))).toBe(true);

    expect(share(column('Peso_Kg'), (v) => typeof v === 'number')).toBe(1);
    expect(column('FLAG').every((v) => typeof v === 'boolean')).toBe(true);
    expect(column('MatSys')).toContain('#N/A');
    expect(sheet.values.flat()).toContain('');
  });

  it('writes Precio Total as the sum of the four price columns, as a formula and its value', () => {
    const sheet = zeuesWorkbook({ rows: 200 }).sheets[0];
    const headers = sheet.values[0] as string[];
    const total = headers.indexOf('Precio Total');
    const letters = ['Precio Fabricación', 'Precio Revestimiento', 'Precio Pintura', 'Precio Embalaje'].map(
      (h) => columnLetter(headers.indexOf(h) + 1),
    );
    expect(letters).toEqual(['BH', 'BI', 'BJ', 'BK']);
    expect(sheet.formulas![5][total]).toBe('=BH6+BI6+BJ6+BK6');
    const withFormula = sheet.formulas!.slice(1).filter((row) => row[total]);
    expect(withFormula.length).toBeGreaterThan(150);
    const row = sheet.values[5];
    const sum = [59, 60, 61, 62].reduce((acc, c) => acc + (Number(row[c]) || 0), 0);
    expect(row[total]).toBeCloseTo(sum, 2);
    expect(sheet.formulas!.slice(1).every((r) => r.every((f, c) => f === null || c === total))).toBe(true);
  });

  it('adds, on request, a Uniones sheet of 0 to 20 unions per spool, armed and welded as far as the spool is', () => {
    const wb = zeuesWorkbook({ rows: 400, uniones: true });
    expect(wb.sheets.map((s) => s.name)).toEqual([
      'Operaciones',
      'Metadata',
      'Trabajadores',
      'Roles',
      'Uniones',
    ]);
    const operaciones = wb.sheets[0];
    const uniones = wb.sheets[4];
    expect(uniones.values[0]).toEqual(UNIONES_HEADERS);
    const headers = operaciones.values[0];
    // A duplicated tag's unions follow its first row.
    const spools = new Map(
      operaciones.values
        .slice(1)
        .reverse()
        .map((row) => [String(row[headers.indexOf('TAG_SPOOL')]), row] as const),
    );
    const perSpool = new Map<string, number>();
    for (const union of uniones.values.slice(1)) {
      const tag = String(union[3]).trim();
      const spool = spools.get(tag);
      expect(spool).toBeDefined();
      perSpool.set(tag, (perSpool.get(tag) ?? 0) + 1);
      if (union[10] !== '') expect(union[7]).not.toBe(''); // welded only once armed
      if (spool?.[headers.indexOf('Fecha_Armado')]) expect(union[7]).not.toBe('');
      expect(Number(union[4])).toBeGreaterThan(0);
    }
    const counts = [...perSpool.values()];
    expect(Math.max(...counts)).toBeLessThanOrEqual(20);
    expect(counts.length).toBeGreaterThan(spools.size * 0.8);
    expect(spools.size - counts.length).toBeGreaterThan(0); // some spools have none
    expect(uniones.values.slice(1).some((union) => union[10] !== '')).toBe(true);
    expect(uniones.values.slice(1).some((union) => union[7] === '')).toBe(true);
    expect(zeuesWorkbook({ rows: 50 }).sheets.map((s) => s.name)).not.toContain('Uniones');
  });

  it('keeps the whole chain under the cell limit: a sheet too large for it gets Uniones without unions', () => {
    const wb = zeuesWorkbook({ rows: 100_000, v21Columns: 63, uniones: true });
    const after = gridCells(wb) + wb.sheets[0].maxRows * 9 + wb.sheets[1].maxRows;
    expect(wb.sheets[4].values.length).toBeGreaterThan(100_000);
    expect(after).toBeLessThan(CELL_LIMIT);
    expect(zeuesWorkbook({ rows: 150_000, v21Columns: 63, uniones: true }).sheets[4].values).toEqual([
      UNIONES_HEADERS,
    ]);
  });

  it('has no formulas when the sheet ends before Precio Total', () => {
    expect(zeuesWorkbook({ rows: 20, v21Columns: 63 }).sheets[0].formulas).toBeUndefined();
  });

  it('builds a 150,000-row, 63-column workbook that stays under the cell limit after 3 columns', () => {
    // Its speed is a figure to read, not an assertion: a timed test flakes on a busy machine.
    const started = process.cpuUsage();
    const wb = zeuesWorkbook({ rows: 150_000, v21Columns: 63 });
    const used = process.cpuUsage(started);
    console.log(
      `150,000 x 63 sample workbook built in ${Math.round((used.user + used.system) / 1000)} ms of CPU`,
    );
    const sheet = wb.sheets[0];
    expect(sheet.maxRows).toBe(150_001);
    expect(sheet.maxColumns).toBe(63);
    const after = gridCells(wb) + sheet.maxRows * 3;
    expect(after).toBeLessThan(CELL_LIMIT);
    expect(after).toBeGreaterThan(9_900_000);
  });
});
