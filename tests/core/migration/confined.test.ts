import { WriteGuard, confinedSpreadsheet, planZones } from '../../../src/core/migration/confined';
import { MAX_BOXES_PER_SHEET, addBox, boxesInside, type Box } from '../../../src/core/write-zones';
import type { RunPlan } from '../../../src/core/migration/types';
import type { Grid, SheetPort, SpreadsheetPort } from '../../../src/core/ports';
import { translator } from '../../../src/core/messages';

function plan(overrides: Partial<RunPlan> = {}): RunPlan {
  return {
    spreadsheet_id: 'ss',
    spreadsheet_name: 'ZEUES',
    sheet_name: 'Operaciones',
    header_row: 1,
    last_row: 11,
    last_column: 5,
    max_rows: 20,
    max_columns: 5,
    data_rows: 10,
    v21_columns: 5,
    v21_headers: ['A', 'B', 'C', 'D', 'E'],
    present: [],
    insert_after: 5,
    to_add: ['X', 'Y', 'Z'],
    backup_name: 'b',
    backup_folder_id: 'f',
    ...overrides,
  };
}

/** A sheet that remembers the calls made to it. */
function recordingSheet(name: string, calls: string[]): SheetPort {
  const grid: Grid = [];
  return {
    name,
    dimensions: () => ({ lastRow: 11, lastColumn: 5, maxRows: 20, maxColumns: 5 }),
    readValues: () => grid,
    readFormulas: () => [],
    writeValues: (row, column) => calls.push(`writeValues ${row},${column}`),
    writeFormulas: (row, column) => calls.push(`writeFormulas ${row},${column}`),
    fill: (row, column) => calls.push(`fill ${row},${column}`),
    clear: (row, column) => calls.push(`clear ${row},${column}`),
    insertColumnsAfter: (after) => calls.push(`insertColumnsAfter ${after}`),
    deleteColumns: () => calls.push('deleteColumns'),
    insertRowsAfter: () => calls.push('insertRowsAfter'),
    deleteRows: () => calls.push('deleteRows'),
  };
}

function setup(runPlan = plan()) {
  const calls: string[] = [];
  const recorded: [string, Box][] = [];
  const sheets = new Map([['Operaciones', recordingSheet('Operaciones', calls)]]);
  const spreadsheet: SpreadsheetPort = {
    id: 'ss',
    name: 'ZEUES',
    url: 'u',
    sheet: (name) => sheets.get(name) ?? null,
    sheetNames: () => [...sheets.keys()],
    totalCells: () => 100,
    metadata: () => null,
    setMetadata: () => undefined,
    flush: () => undefined,
    insertSheet: (name) => {
      const sheet = recordingSheet(name, calls);
      sheets.set(name, sheet);
      return sheet;
    },
  };
  const guard = new WriteGuard(planZones(runPlan), 1, (sheet, box) => recorded.push([sheet, box]));
  const creates = (runPlan.others ?? []).filter((o) => !o.existed).map((o) => o.sheet);
  return { calls, recorded, confined: confinedSpreadsheet(spreadsheet, guard, creates) };
}

describe('the write guard of a run', () => {
  it('lets writes inside the new columns through, header cells included, and records their boxes', () => {
    const { calls, recorded, confined } = setup();
    const sheet = confined.sheet('Operaciones') as SheetPort;
    sheet.insertColumnsAfter(5, 3);
    sheet.writeValues(1, 6, [['X', 'Y', 'Z']]);
    sheet.fill(2, 8, 10, 1, 0);
    expect(calls).toEqual(['insertColumnsAfter 5', 'writeValues 1,6', 'fill 2,8']);
    expect(recorded).toEqual([
      ['Operaciones', [1, 6, 1, 8]],
      ['Operaciones', [2, 8, 11, 8]],
    ]);
  });

  it.each([
    ['an existing data cell', (s: SheetPort) => s.writeValues(3, 2, [['x']]), /Operaciones!B3/],
    ['an existing header cell', (s: SheetPort) => s.fill(1, 1, 1, 1, 'ID'), /Operaciones!A1/],
    [
      'a range that starts in the new columns and runs past them',
      (s: SheetPort) => s.clear(2, 8, 5, 2),
      /H2:I6/,
    ],
    [
      'a range that straddles the last old column',
      (s: SheetPort) => s.writeFormulas(2, 5, [['=1', '=2']]),
      /E2:F2/,
    ],
  ])(
    'refuses a write to %s, with a message naming the range and the allowed columns, writing nothing',
    (_l, write, range) => {
      const { calls, recorded, confined } = setup();
      const sheet = confined.sheet('Operaciones') as SheetPort;
      expect(() => write(sheet)).toThrow(range);
      expect(() => write(sheet)).toThrow(/writes only the columns it adds \(columns F-H\)/);
      expect(calls).toEqual([]);
      expect(recorded).toEqual([]);
    },
  );

  it('refuses to move existing columns or to add or remove rows, columns or sheets it did not plan', () => {
    const { calls, confined } = setup();
    const sheet = confined.sheet('Operaciones') as SheetPort;
    expect(() => sheet.insertColumnsAfter(2, 3)).toThrow(/move columns that existed before the run/);
    expect(() => sheet.deleteColumns(6, 1)).toThrow(/refused to delete columns in Operaciones/);
    expect(() => sheet.insertRowsAfter(11, 1)).toThrow(/refused to insert rows/);
    expect(() => sheet.deleteRows(2, 1)).toThrow(/refused to delete rows/);
    expect(() => confined.insertSheet?.('Uniones')).toThrow(/add a sheet it did not plan/);
    expect(() => confined.deleteSheet?.('Operaciones')).toThrow(/delete the sheet/);
    expect(calls).toEqual([]);
  });

  it('on other sheets: a created sheet is all new, an existing one gets header cells and its added columns only', () => {
    const other = {
      existed: true,
      last_row: 4,
      last_column: 3,
      max_rows: 10,
      max_columns: 3,
      headers: ['ID', 'OT', 'TAG_SPOOL'],
      present: [],
      to_add: [],
      insert_after: 3,
    };
    const zones = planZones(
      plan({
        others: [
          { ...other, sheet: 'Uniones', existed: false, ensure_missing: ['ID', 'OT'], headers: [] },
          { ...other, sheet: 'Partial', ensure_missing: ['DN_UNION'] },
          { ...other, sheet: 'Metadata', ensure_missing: [], to_add: ['N_UNION'] },
        ],
      }),
    );
    expect(boxesInside(zones, 'Uniones', [[1, 1, 500, 30]], 1)).toBe(true);
    expect(boxesInside(zones, 'Partial', [[1, 4, 1, 4]], 1)).toBe(true);
    expect(boxesInside(zones, 'Partial', [[2, 4, 2, 4]], 1)).toBe(false);
    expect(boxesInside(zones, 'Metadata', [[1, 4, 900, 4]], 1)).toBe(true);
    expect(boxesInside(zones, 'Metadata', [[1, 3, 1, 3]], 1)).toBe(false);
    expect(boxesInside(zones, 'Operaciones', [[1, 6, 11, 8]], 1)).toBe(true);
  });

  it("refuses in the owner's language", () => {
    const zones = planZones(plan());
    const guard = new WriteGuard(zones, 1, () => undefined, undefined, translator('es'));
    expect(() => guard.check('Operaciones', [3, 2, 3, 2])).toThrow(
      'La migración rechazó una escritura propia en Operaciones!B3: una ejecución solo escribe en las ' +
        'columnas que añade (las columnas F-H), para no sobrescribir nunca las celdas que otras personas ' +
        'siguen editando. No se escribió nada ahí. Si la hoja parece incorrecta, revierta la migración desde ' +
        'la copia de seguridad y comunique este mensaje.',
    );
    expect(() => guard.checkInsertColumns('Operaciones', 2)).toThrow(
      /^La migración se negó a insertar columnas después de la columna B de Operaciones: /,
    );
    expect(() => guard.refuse('Operaciones', 'refused_delete_rows')).toThrow(
      'La migración se negó a eliminar filas en Operaciones: una ejecución solo añade columnas. No se cambió ' +
        'nada. Comunique este mensaje.',
    );
  });
});

describe('the boxes a run records', () => {
  it('merge into rectangles: touching chunks of one column, the header beside its row, a box inside another', () => {
    let boxes: Box[] = [];
    boxes = addBox(boxes, [2, 8, 1001, 8]);
    boxes = addBox(boxes, [1002, 8, 2001, 8]);
    boxes = addBox(boxes, [500, 8, 600, 8]);
    expect(boxes).toEqual([[2, 8, 2001, 8]]);
    boxes = addBox(boxes, [1, 6, 1, 8]);
    boxes = addBox(boxes, [2, 6, 2001, 7]);
    expect(boxes).toEqual([[1, 6, 2001, 8]]);
  });

  it(`stay at most ${MAX_BOXES_PER_SHEET} per sheet, every written cell still covered`, () => {
    let boxes: Box[] = [];
    const written: Box[] = [];
    for (let i = 0; i < 40; i += 1) {
      const box: Box = [2 + i * 10, 6 + (i % 3), 2 + i * 10 + 3, 6 + (i % 3)];
      written.push(box);
      boxes = addBox(boxes, box);
    }
    expect(boxes.length).toBeLessThanOrEqual(MAX_BOXES_PER_SHEET);
    for (const [r1, c1, r2, c2] of written) {
      expect(boxes.some(([a, b, c, d]) => a <= r1 && b <= c1 && c >= r2 && d >= c2)).toBe(true);
    }
    expect(boxes.every(([, c1, , c2]) => c1 >= 6 && c2 <= 8)).toBe(true);
  });
});
