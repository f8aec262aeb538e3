// The chain's migrations on a live sheet: before service call k of a one-execution v3.1 or v4.0 run, the app
// writes an Operaciones value and appends rows (an Operaciones spool; for v4.0 a union of an existing spool to
// Uniones and an event to Metadata). Each run ends done with every app write kept and its own verification passed;
// v4.0's figures of a spool whose unions changed after the run computed it are left as they are (the app's to
// keep up) and listed by the later verifyMigration().
import { V40_FIGURES, v30Workbook, v31Workbook, withUniones, worldOf } from '../../support/chain-bundle';
import type { LiveFixture } from './support';
import { APP, SHEET, STATUS_COLUMN, TAG_COLUMN } from './support';

const ROWS = 200;

interface Report {
  success: boolean;
  errors: string[];
  checks: Record<string, { passed: boolean; [field: string]: unknown }>;
}

function live(workbook: Parameters<typeof worldOf>[0]): LiveFixture {
  const f = worldOf(workbook);
  f.ss.addEditor(APP);
  return f;
}

function spread(total: number): number[] {
  return [...new Set([...Array.from({ length: Math.ceil(total / 4) }, (_, i) => 1 + i * 4), total])];
}

function runWith(
  f: LiveFixture,
  k: number,
  write: () => void,
): { state: string; error?: { message: string } } {
  const r = f.world.run('startMigration', [], { ...f.as, beforeCall: { [k]: write } });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.interleaved?.every((w) => !w.error)).toBe(true);
  return r.value as { state: string; error?: { message: string } };
}

function ranVerification(f: LiveFixture): { state: string } | undefined {
  const history = f.world.call('getMigrationHistory', [], f.as) as { kind: string; state: string }[];
  return history.find((entry) => entry.kind === 'verification');
}

describe('v3.1 on a live sheet', () => {
  const clean = live(v30Workbook({ rows: ROWS }));
  const total = clean.world.run('startMigration', [], clean.as).stats.roundTrips;

  it.each(spread(total))('before call %i: done, the writes kept, verified', (k) => {
    const f = live(v30Workbook({ rows: ROWS }));
    const row = 2 + (k % ROWS);
    const app = f.world.as(APP);
    const status = runWith(f, k, () => {
      app.setValues(f.ss.id, `${SHEET}!I${row}`, [[`EN PROCESO ${k}`]]);
      const spool = new Array<string | number>(69).fill('');
      spool[TAG_COLUMN - 1] = `APP-${k}`;
      app.appendRow(f.ss.id, SHEET, spool);
    });
    expect(status.error?.message).toBeUndefined();
    expect(status.state).toBe('done');
    const values = f.ss.sheet(SHEET).values();
    expect(values[row - 1][STATUS_COLUMN - 1]).toBe(`EN PROCESO ${k}`);
    expect(values[values.length - 1][TAG_COLUMN - 1]).toBe(`APP-${k}`);
    expect(ranVerification(f)?.state).toBe('passed');
    const report = f.world.call('verifyMigration', [], f.as) as Report;
    expect(report.errors).toEqual([]);
    expect(report.checks.data_intact.writes_confined).toBe(true);
  });
});

describe('v4.0 on a live sheet', () => {
  const workbook = () => withUniones(v31Workbook({ rows: ROWS }), (i) => i % 5);
  const clean = live(workbook());
  const total = clean.world.run('startMigration', [], clean.as).stats.roundTrips;

  it.each(spread(total))('before call %i: done, the writes kept, the figures from Uniones as it is', (k) => {
    const f = live(workbook());
    const app = f.world.as(APP);
    const tag = String(f.ss.sheet(SHEET).values()[1][TAG_COLUMN - 1]);
    const status = runWith(f, k, () => {
      app.setValues(f.ss.id, `${SHEET}!I3`, [[`EN PROCESO ${k}`]]);
      const union = new Array<string | number>(17).fill('');
      union[0] = `U-APP-${k}`;
      union[3] = tag;
      union[4] = 2;
      union[7] = '01-12-2026';
      app.appendRow(f.ss.id, 'Uniones', union);
      app.appendRow(f.ss.id, 'Metadata', [`evt-app-${k}`, '01-12-2026 10:00:00', 'INICIAR_ARM', tag]);
    });
    expect(status.error?.message).toBeUndefined();
    expect(status.state).toBe('done');
    expect(f.ss.sheet(SHEET).values()[2][STATUS_COLUMN - 1]).toBe(`EN PROCESO ${k}`);
    const uniones = f.ss.sheet('Uniones').values();
    expect(uniones[uniones.length - 1][0]).toBe(`U-APP-${k}`);
    const metadata = f.ss.sheet('Metadata').values();
    expect(metadata[metadata.length - 1][0]).toBe(`evt-app-${k}`);
    expect(ranVerification(f)?.state).toBe('passed');

    // the spool's figures: from Uniones with the app's union when it came before the run computed them
    const header = f.ss.sheet(SHEET).row(1);
    const total = f.ss.sheet(SHEET).values()[1][header.indexOf(V40_FIGURES[0])];
    const unions = uniones.filter((line) => line[3] === tag).length;
    const report = f.world.call('verifyMigration', [], f.as) as Report;
    if (total === unions) {
      expect(report.errors).toEqual([]);
    } else {
      expect(total).toBe(unions - 1);
      expect(Object.keys(report.checks).filter((name) => !report.checks[name].passed)).toEqual([
        'union_figures',
      ]);
    }
  });
});
