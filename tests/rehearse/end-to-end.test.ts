import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../rehearse/main';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import type { WorkbookModel } from '../../rehearse/workbook';
import { createWorld } from '../../rehearse/world';
import { readWorkbook, writeWorkbook } from '../../rehearse/xlsx-io';
import { V30_ADDED_HEADERS } from '../../rehearse/zeues-schema';
import { expectedFigures } from '../support/chain-bundle';

const CHAIN_ADDED = [
  ...V30_ADDED_HEADERS,
  'Estado_Detalle',
  'Total_Uniones',
  'Uniones_ARM_Completadas',
  'Uniones_SOLD_Completadas',
  'Pulgadas_ARM',
  'Pulgadas_SOLD',
];
import { capture, tempDir } from './support';
import { expectSameCells } from '../support/same-cells';

// The rehearsal with the built bundle (dist/, built by `npm test`) in the emulator: what `npm start` does.
// The two rehearsals at the cell limit (144,000 rows and more) are in end-to-end-limits.test.ts.

let dir: string;
beforeEach(() => {
  dir = tempDir('rehearse-e2e-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function start(argv: string[]) {
  const c = capture((settings) => createWorld(settings), dir);
  const code = await main(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

function sheet(workbook: WorkbookModel, name: string) {
  const found = workbook.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${workbook.sheets.map((s) => s.name).join(', ')}`);
  return found;
}

describe('npm start on the embedded sample', () => {
  it('plans and runs the whole chain, verifies it and writes a workbook that keeps every earlier cell', async () => {
    const r = await start(['--out', 'out']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Plan: v3\.0 on sheet "Operaciones"[\s\S]*2,500 data rows x 66 columns/);
    expect(r.stdout).toMatch(/Ocupado_Por\s+67 \(BO\)/);
    expect(r.stdout).toMatch(/then v3\.1 \(from 3\.0\)[\s\S]*then v4\.0 \(from 3\.1\)/);
    expect(r.stdout).toMatch(/sheet "Metadata": adds N_UNION at K \(empty\)/);
    expect(r.stdout).toMatch(/Migration v3\.0: done[\s\S]*Migration v3\.1: done[\s\S]*Migration v4\.0:/);
    expect(r.stdout).toMatch(/✓ compute_union_figures .* 100%/);
    expect(r.stdout).toMatch(/migration v3\.0, v3\.1, v4\.0 done after/);
    expect(r.stdout).toMatch(/Verification: passed \(8\/8 checks\)/);
    expect(r.stdout).toMatch(/schema_version\s+\(none\)\s+4\.0/);

    const migrated = await readWorkbook(path.join(dir, 'out', 'ZEUES-sample.migrated.xlsx'));
    const sample = zeuesWorkbook({ name: 'ZEUES', uniones: true });
    const before = sheet(sample, 'Operaciones');
    const after = sheet(migrated, 'Operaciones');
    expect(after.values[0]).toEqual([...(before.values[0] as string[]), ...CHAIN_ADDED]);
    expectSameCells(
      after.values.map((row) => row.slice(0, 66)),
      before.values,
    );
    expect(before.formulas).toBeDefined();
    expectSameCells(after.formulas?.map((row) => row.slice(0, 66)) ?? [], before.formulas ?? []);
    expect(after.values.slice(1).every((row) => row[66] === '' && row[67] === '' && row[68] === 0)).toBe(
      true,
    );
    expect(after.values.slice(1).every((row) => row[69] === '')).toBe(true);
    // The five figures, against an independent count over the sample's own Uniones.
    const figures = expectedFigures(sample);
    expect(after.values.slice(1).map((row) => row.slice(70, 75))).toEqual(figures);
    expect(figures.filter(([total]) => total > 0).length).toBeGreaterThan(2000);
    for (const name of ['Trabajadores', 'Roles', 'Uniones']) {
      expectSameCells(sheet(migrated, name).values, sheet(sample, name).values);
    }
    const metadata = sheet(migrated, 'Metadata').values;
    expectSameCells(
      metadata.map((row) => row.slice(0, 10)),
      sheet(sample, 'Metadata').values,
    );
    expect(metadata[0][10]).toBe('N_UNION');

    const report = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'ZEUES-sample.report.json'), 'utf8'));
    expect(report.status.state).toBe('done');
    expect(report.target).toBe('v4.0');
    expect(report.applied).toEqual(['v3.0', 'v3.1', 'v4.0']);
    expect(report.verification.success).toBe(true);
    expect(report.after).toMatchObject({ rows: 2500, columns: 75, schemaVersion: '4.0' });
    expect(report.executions.map((e: { function: string }) => e.function)).toEqual([
      'getSchemaInfo',
      'previewMigration',
      'startMigration',
      'verifyMigration',
    ]);
    const sum = report.executions.reduce((n: number, e: { roundTrips: number }) => n + e.roundTrips, 0);
    expect(sum).toBe(report.totals.roundTrips);
    expect(r.stdout).toMatch(new RegExp(`total\\s+4\\s+${sum}\\s`));
  });

  it('stops at --target and rolls back that migration only', async () => {
    const r = await start(['--out', 'out', '--rows', '300', '--target', 'v3.1', '--rollback', 'columns']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/then v4\.0/);
    expect(r.stdout).toMatch(/migration v3\.0, v3\.1 done after/);
    expect(r.stdout).toMatch(/Rollback of v3\.1 \(columns\): done/);
    const rolledBack = await readWorkbook(path.join(dir, 'out', 'ZEUES-sample.rolled-back.xlsx'));
    expect(sheet(rolledBack, 'Operaciones').values[0].slice(66)).toEqual(V30_ADDED_HEADERS);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'ZEUES-sample.report.json'), 'utf8'));
    expect(report).toMatchObject({ target: 'v3.1', applied: ['v3.0', 'v3.1'] });
    expect(report.status_after_rollback.state).toBe('rolled_back');
  });
});

describe('npm start -- <file.xlsx>', () => {
  async function input(options: Parameters<typeof zeuesWorkbook>[0] = {}): Promise<string> {
    const file = path.join(dir, 'ZEUES copia.xlsx');
    await writeWorkbook(zeuesWorkbook({ rows: 600, ...options }), file);
    return file;
  }

  it('migrates a 63-column copy whose key column is headed TAG, writing next to the input', async () => {
    const file = await input({ v21Columns: 63, keyHeader: 'TAG' });
    const r = await start([file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/columns\s+63\s+66/);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'ZEUES copia.migrated.xlsx',
      'ZEUES copia.report.json',
      'ZEUES copia.xlsx',
    ]);
    const after = sheet(await readWorkbook(path.join(dir, 'ZEUES copia.migrated.xlsx')), 'Operaciones');
    expect(after.values[0].slice(-3)).toEqual(V30_ADDED_HEADERS);
  });

  it.each(['columns', 'full'])(
    'rolls back (%s) after the run and gives back the v2.1 sheet',
    async (mode) => {
      const file = await input();
      const original = await readWorkbook(file);
      const inputBytes = fs.readFileSync(file);
      const r = await start([file, '--rollback', mode]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Rollback of v3\\.0 \\(${mode}\\): done`));
      expect(r.stdout).toMatch(
        /After the rollback:[\s\S]*columns\s+66\s+66[\s\S]*schema_version\s+\(none\)\s+2\.1/,
      );
      expect(fs.readFileSync(file).equals(inputBytes)).toBe(true); // toEqual goes byte by byte
      const rolledBack = await readWorkbook(path.join(dir, 'ZEUES copia.rolled-back.xlsx'));
      expectSameCells(sheet(rolledBack, 'Operaciones').values, sheet(original, 'Operaciones').values);
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'ZEUES copia.report.json'), 'utf8'));
      expect(report.status_after_rollback.state).toBe('rolled_back');
    },
  );

  it('only plans on --dry-run', async () => {
    const file = await input();
    const r = await start([file, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/schema detected\s+2\.1/);
    expect(r.stdout).not.toMatch(/Migration:/);
    expect(fs.readdirSync(dir)).toEqual(['ZEUES copia.xlsx']);
  });

  it('verifies an already-migrated workbook on --verify-only without migrating it', async () => {
    const file = await input();
    const migrate = await start([file, '--now', '2026-11-24T12:00:00Z']);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/backup "ZEUES copia \(v3\.0 backup 2026-11-24 12\.00\.\d\d UTC\)"/);
    const migrated = path.join(dir, 'ZEUES copia.migrated.xlsx');
    const migratedBytes = fs.readFileSync(migrated);

    const r = await start([migrated, '--verify-only']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Plan:|Migration:/);
    expect(r.stdout).toMatch(/Schema: the add-on detects v3\.0 in sheet "Operaciones"/);
    expect(r.stdout).toMatch(
      /Verification of the add-on's migration of .*ZEUES copia\.xlsx: passed \(7\/7 checks\)/,
    );
    expect(r.stdout).toMatch(/v2\.1 columns: every cell identical \(41,469 cells compared in all\)/);
    expect(fs.readFileSync(migrated).equals(migratedBytes)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'ZEUES copia.migrated.report.json',
      'ZEUES copia.migrated.xlsx',
      'ZEUES copia.report.json',
      'ZEUES copia.xlsx',
    ]);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'ZEUES copia.migrated.report.json'), 'utf8'));
    expect(report).toMatchObject({ mode: 'verify-only', passed: true, comparison: { passed: true } });

    // A v2.1 cell changed after the migration fails; a cell of the added columns (the app writes those) does not.
    const changed = await readWorkbook(migrated);
    const operaciones = sheet(changed, 'Operaciones');
    operaciones.values[9][1] = 'NV-otra';
    operaciones.values[4][68] = 2;
    const tampered = path.join(dir, 'tampered.xlsx');
    await writeWorkbook(changed, tampered);
    const bad = await start([tampered, '--verify-only', '--original', 'ZEUES copia.xlsx', '--out', 'checks']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /v2\.1 columns: 1 cells differ\n {4}B10 \(NV\): expected "NV\d+", found "NV-otra"/,
    );
    expect(bad.stdout).toMatch(/added columns: 1 cells differ \(the app writes these/);
    expect(bad.stderr).toMatch(/error: the verification failed/);

    const alone = path.join(dir, 'elsewhere.xlsx');
    fs.copyFileSync(migrated, alone);
    const noOriginal = await start([alone, '--verify-only']);
    expect(noOriginal.code).toBe(2);
    expect(noOriginal.stderr).toMatch(/name that workbook with --original FILE/);
  });
});
