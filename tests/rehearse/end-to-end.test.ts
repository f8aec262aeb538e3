import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../rehearse/main';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import type { WorkbookModel } from '../../rehearse/workbook';
import { createWorld } from '../../rehearse/world';
import { readWorkbook, writeWorkbook } from '../../rehearse/xlsx-io';
import { V30_ADDED_HEADERS } from '../../rehearse/zeues-schema';
import { capture, tempDir } from './support';

// The rehearsal with the built bundle (dist/, built by `npm test`) in the emulator: what `npm start` does.

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
  it('plans, migrates, verifies all 7 checks and writes a migrated workbook that keeps every v2.1 cell', async () => {
    const r = await start(['--out', 'out']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Plan: v3\.0 on sheet "Operaciones"[\s\S]*2,500 data rows x 66 columns/);
    expect(r.stdout).toMatch(/Ocupado_Por\s+67 \(BO\)/);
    expect(r.stdout).toMatch(/✓ create_backup/);
    expect(r.stdout).toMatch(/✓ initialize_versions .* 100%/);
    expect(r.stdout).toMatch(/Verification: passed \(7\/7 checks\)/);
    expect(r.stdout).toMatch(/schema_version\s+\(none\)\s+3\.0/);

    const migrated = await readWorkbook(path.join(dir, 'out', 'ZEUES-sample.migrated.xlsx'));
    const sample = zeuesWorkbook({ name: 'ZEUES' });
    const before = sheet(sample, 'Operaciones');
    const after = sheet(migrated, 'Operaciones');
    expect(after.values[0]).toEqual([...(before.values[0] as string[]), ...V30_ADDED_HEADERS]);
    expect(after.values.map((row) => row.slice(0, 66))).toEqual(before.values);
    expect(after.formulas?.map((row) => row.slice(0, 66))).toEqual(before.formulas);
    expect(after.values.slice(1).every((row) => row[66] === '' && row[67] === '' && row[68] === 0)).toBe(
      true,
    );
    for (const name of ['Metadata', 'Trabajadores', 'Roles']) {
      expect(sheet(migrated, name).values).toEqual(sheet(sample, name).values);
    }

    const report = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'ZEUES-sample.report.json'), 'utf8'));
    expect(report.status.state).toBe('done');
    expect(report.verification.success).toBe(true);
    expect(report.after).toMatchObject({ rows: 2500, columns: 69, schemaVersion: '3.0' });
    expect(report.executions.map((e: { function: string }) => e.function)).toEqual([
      'previewMigration',
      'startMigration',
      'verifyMigration',
    ]);
    const sum = report.executions.reduce((n: number, e: { roundTrips: number }) => n + e.roundTrips, 0);
    expect(sum).toBe(report.totals.roundTrips);
    expect(r.stdout).toMatch(new RegExp(`total\\s+3\\s+${sum}\\s`));
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
      expect(r.stdout).toMatch(new RegExp(`Rollback \\(${mode}\\): done`));
      expect(r.stdout).toMatch(
        /After the rollback:[\s\S]*columns\s+66\s+66[\s\S]*schema_version\s+\(none\)\s+2\.1/,
      );
      expect(fs.readFileSync(file)).toEqual(inputBytes);
      const rolledBack = await readWorkbook(path.join(dir, 'ZEUES copia.rolled-back.xlsx'));
      expect(sheet(rolledBack, 'Operaciones').values).toEqual(sheet(original, 'Operaciones').values);
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
    expect(fs.readFileSync(migrated)).toEqual(migratedBytes);
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

  it('exits 2 when adding the three columns would pass the 10,000,000-cell limit', async () => {
    // 151,401 x 66 + the companions is under the limit; 3 more columns per row is not.
    const r = await start(['--rows', '151400', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/BLOCKING: /);
    expect(r.stderr).toMatch(/the migration cannot start: .*10,000,000|the migration cannot start: .*cell/);
  });
});
