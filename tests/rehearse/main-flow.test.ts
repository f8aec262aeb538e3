import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../rehearse/main';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { readWorkbook, writeWorkbook } from '../../rehearse/xlsx-io';
import type { Script } from './scripted-world';
import { ScriptedWorld } from './scripted-world';
import { capture, tempDir } from './support';

// How the command drives a run and maps each outcome to output files and an exit code, against a scripted
// world. The real bundle in the emulator: end-to-end.test.ts.

let dir: string;
beforeEach(() => {
  dir = tempDir('rehearse-flow-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], script: Script = {}) {
  const world = new ScriptedWorld(script);
  const c = capture(async () => world, dir);
  const code = await main(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr(), world };
}

async function sampleFile(name = 'ZEUES copia.xlsx'): Promise<string> {
  const file = path.join(dir, name);
  await writeWorkbook(zeuesWorkbook({ rows: 30 }), file);
  return file;
}

describe('npm start: the run', () => {
  it('plans, runs slice after slice with a bar per step, verifies and writes the outputs next to the input', async () => {
    const input = await sampleFile();
    const r = await run([input], { slices: 3 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.world.calls.map((c) => c.name)).toEqual([
      'previewMigration',
      'startMigration',
      'continueMigration',
      'continueMigration',
      'verifyMigration',
    ]);
    expect(r.stdout).toMatch(/Plan: v3\.0 on sheet "Operaciones"[\s\S]*30 data rows x 66 columns/);
    expect(r.stdout).toMatch(/> initialize_versions .* 10\/30 {2}running/);
    expect(r.stdout).toMatch(/✓ initialize_versions .* 30\/30 {2}done/);
    expect(r.stdout).toMatch(/done after 3 executions/);
    expect(r.stdout).toMatch(/Verification: passed \(2\/2 checks\)/);
    expect(r.stdout).toMatch(/columns\s+66\s+69/);
    expect(r.stdout).toMatch(/headers added\s+Ocupado_Por, Fecha_Ocupacion, version/);
    expect(r.stdout).toMatch(/schema_version\s+\(none\)\s+3\.0/);

    const migrated = path.join(dir, 'ZEUES copia.migrated.xlsx');
    const report = path.join(dir, 'ZEUES copia.report.json');
    expect(r.stdout).toContain(`wrote ${migrated}`);
    expect(r.stdout).toContain(`wrote ${report}`);
    const out = await readWorkbook(migrated);
    expect(out.sheets[0].values[0].slice(-3)).toEqual(['Ocupado_Por', 'Fecha_Ocupacion', 'version']);
    expect(out.sheets[0].values[5].slice(-1)).toEqual([0]);
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(json).toMatchObject({ mode: 'migrate', sheet: 'Operaciones', slices: 3 });
    expect(json.verification.success).toBe(true);
    expect(json.after.columns).toBe(69);
  });

  it('sets the target sheet first when --sheet is given, and writes to --out', async () => {
    const input = path.join(dir, 'book.xlsx');
    const sample = zeuesWorkbook({ rows: 10 });
    sample.sheets[0].name = 'Spools';
    await writeWorkbook(sample, input);
    const r = await run([input, '--sheet', 'Spools', '--out', 'results']);
    expect(r.code).toBe(0);
    expect(r.world.calls[0]).toEqual({ name: 'setMigrationConfig', args: [{ target_sheet: 'Spools' }] });
    expect(fs.readdirSync(path.join(dir, 'results')).sort()).toEqual([
      'book.migrated.xlsx',
      'book.report.json',
    ]);
  });

  it('only plans on --dry-run and writes nothing', async () => {
    const input = await sampleFile('a.xlsx');
    const r = await run([input, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.world.calls.map((c) => c.name)).toEqual(['previewMigration']);
    expect(r.stdout).toMatch(/Dry run: nothing was changed and no file was written/);
    expect(fs.readdirSync(dir)).toEqual(['a.xlsx']);
  });

  it('exits 2 with the reasons when the plan is blocked', async () => {
    const input = await sampleFile('a.xlsx');
    const dry = await run([input, '--dry-run'], { blocking: ['cells after the change would be 10,200,000'] });
    expect(dry.code).toBe(2);
    expect(dry.stdout).toMatch(/BLOCKING: cells after/);
    expect(dry.stderr).toMatch(/the migration cannot start: cells after the change would be 10,200,000/);
    const real = await run([input], { blocking: ['no TAG_SPOOL column'] });
    expect(real.code).toBe(2);
    expect(real.world.calls.map((c) => c.name)).toEqual(['previewMigration']);
  });

  it('shows only the verification on --verify-only and writes only the report', async () => {
    const input = await sampleFile('a.xlsx');
    const r = await run([input, '--verify-only'], { verificationPassed: false });
    expect(r.code).toBe(1);
    expect(r.world.calls.map((c) => c.name)).toEqual([
      'previewMigration',
      'startMigration',
      'verifyMigration',
    ]);
    expect(r.stdout).not.toMatch(/Plan:|Migration:|initialize_versions/);
    expect(r.stdout).toMatch(/v21_data_intact\s+FAIL/);
    expect(r.stderr).toMatch(/verification failed: v21_data_intact/);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.report.json', 'a.xlsx']);
  });

  it('exits 1 when the verification fails, still writing the outputs to look at', async () => {
    const input = await sampleFile('a.xlsx');
    const r = await run([input], { verificationPassed: false });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/v21_data_intact\s+FAIL/);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.migrated.xlsx', 'a.report.json', 'a.xlsx']);
  });

  it('exits 1 with the failed step when the run fails', async () => {
    const input = await sampleFile('a.xlsx');
    const r = await run([input], { endState: 'failed' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the migration ended failed: step initialize_versions: quota exceeded/);
    expect(r.world.calls.map((c) => c.name)).not.toContain('verifyMigration');
  });

  it('exits 2 when the emulator reports a Google Sheets limit', async () => {
    const input = await sampleFile('a.xlsx');
    const message =
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    const r = await run([input], { failOn: { call: 'startMigration', message } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the workbook hits a Google Sheets limit: This action would increase/);
    const load = await run([input], { failOn: { call: 'createSpreadsheet', message } });
    expect(load.code).toBe(2);
    expect(load.stderr).toMatch(/cannot be loaded as a Google spreadsheet/);
  });

  it('rolls back after the run on --rollback and shows the rollback and the sheet after it', async () => {
    const input = await sampleFile('a.xlsx');
    const r = await run([input, '--rollback', 'columns']);
    expect(r.code).toBe(0);
    expect(r.world.calls.find((c) => c.name === 'rollbackMigration')?.args).toEqual([
      { mode: 'columns', confirm: true },
    ]);
    expect(r.stdout).toMatch(
      /Rollback \(columns\): done[\s\S]*removed columns\s+Ocupado_Por, Fecha_Ocupacion, version/,
    );
    expect(r.stdout).toMatch(/verification\s+PASS/);
    expect(r.stdout).toMatch(
      /After the rollback:[\s\S]*columns\s+66\s+66[\s\S]*schema_version\s+\(none\)\s+2\.1/,
    );
    const rolledBack = await readWorkbook(path.join(dir, 'a.rolled-back.xlsx'));
    expect(rolledBack.sheets[0].values[0]).toHaveLength(66);
    const migrated = await readWorkbook(path.join(dir, 'a.migrated.xlsx'));
    expect(migrated.sheets[0].values[0]).toHaveLength(69);
  });
});
