// Someone changes the sheet's structure while a run goes on: the run stops safely. The change is made at two
// moments of a one-execution v3.0 run: right after the backup copy exists (before the run changed the sheet), and
// right after the new columns got their headers. Each time the run ends `failed`, its error says what happened and
// what to do, and nothing is lost: after the change the run wrote nothing more (before it changed the sheet,
// nothing at all).
import { World, type RunResult } from '../../../emulator';
import { zeuesWorkbook } from '../../../rehearse/sample-workbook';
import { SHEET, liveFixture, type LiveFixture } from './support';
import { expectSameCells } from '../../support/same-cells';

const ROWS = 300;
const ADDED = ['Ocupado_Por', 'Fecha_Ocupacion', 'version'];

type Change = (f: LiveFixture) => void;

const CHANGES: [string, Change][] = [
  ['a column inserted in the middle', (f) => f.ss.sheet(SHEET).insertColumnsAfter(10, 1)],
  ['a column deleted in the middle', (f) => f.ss.sheet(SHEET).deleteColumns(12, 1)],
  ['a header edited', (f) => f.ss.sheet(SHEET).setValues(1, 11, [['Cliente final']])],
  ['the sheet renamed', (f) => f.ss.sheet(SHEET).rename('Operaciones antiguas')],
  ['data rows deleted', (f) => f.ss.sheet(SHEET).deleteRows(40, 5)],
];

const MOMENTS: [string, (f: LiveFixture) => boolean][] = [
  ['the backup copy exists', (f) => f.world.drive.files().some((file) => / backup /.test(file.name))],
  ['the new columns have their headers', (f) => f.ss.sheet(SHEET).row(1).includes('version')],
];

function sheetNow(f: LiveFixture): unknown[][] {
  const name = f.ss.sheetNames().find((candidate) => candidate.startsWith('Operaciones')) as string;
  return f.ss.sheet(name).values();
}

describe.each(MOMENTS)('a one-execution v3.0 run, when %s', (_moment, ready) => {
  it.each(CHANGES)('stops safely after %s', (_label, change) => {
    const f = liveFixture({ rows: ROWS });
    let after: unknown[][] | null = null;
    const hook = () => {
      if (after !== null || !ready(f)) return;
      change(f);
      after = sheetNow(f);
    };
    const hooks = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [i + 1, hook]));
    const r: RunResult = f.world.run('startMigration', [], { ...f.as, beforeCall: hooks });
    expect(after).not.toBeNull();
    const status = (r.ok ? r.value : null) as {
      state: string;
      error?: { step: string; message: string; next?: string };
    };
    expect(status.state).toBe('failed');
    expect(status.error?.message).toMatch(/Operaciones|differ|changed|not found/);
    expect(status.error?.next).toEqual(expect.stringMatching(/resume|roll back|start over/i));
    // nothing written after the change, except (once the run had changed the sheet) in its own new columns
    const now = sheetNow(f);
    const seen = after as unknown as unknown[][];
    const header = seen[0];
    const own = header.map((text, i) => (ADDED.includes(String(text)) ? i : -1)).filter((i) => i >= 0);
    const outside = (rows: unknown[][]) => rows.map((row) => row.filter((_, i) => !own.includes(i)));
    expectSameCells(outside(now), outside(seen));
    expect(now.length).toBe(seen.length);
  });
});

describe('in a Spanish session', () => {
  it('says what changed and what to do in Spanish', () => {
    const world = new World({ user: { locale: 'es' } });
    const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 60 }));
    let edited = false;
    const hook = () => {
      if (edited || !world.drive.files().some((file) => / backup /.test(file.name))) return;
      ss.sheet(SHEET).setValues(1, 11, [['Cliente final']]);
      edited = true;
    };
    const hooks = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [i + 1, hook]));
    const r = world.run('startMigration', [], { activeSpreadsheet: ss.id, beforeCall: hooks });
    const status = (r.ok ? r.value : null) as { state: string; error?: { message: string; next?: string } };
    expect(status.state).toBe('failed');
    expect(status.error?.message).toBe(
      'La hoja "Operaciones" cambió mientras la migración estaba en curso: la celda de encabezado K1 ahora dice ' +
        '"Cliente final"; decía "Cliente" (se insertó, eliminó o movió una columna, o se editó el encabezado). La ' +
        'ejecución se detuvo antes de escribir nada más.',
    );
    expect(status.error?.next).toMatch(
      /^No se perdió nada .* reanude \(Extensiones > .*\); o empiece de nuevo con "Empezar de nuevo"/,
    );
  });
});
