import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { MainIO } from '../../rehearse/main';
import { main } from '../../rehearse/main';
import type { WorldSettings } from '../../rehearse/world';
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

async function run(argv: string[], script: Script = {}, io: Partial<MainIO> = {}) {
  const world = new ScriptedWorld(script);
  const settings: WorldSettings[] = [];
  const c = capture(async (s) => {
    settings.push(s);
    return world;
  }, dir);
  const code = await main(argv, { ...c.io, ...io });
  return { code, stdout: c.stdout(), stderr: c.stderr(), world, settings };
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

  it('says so on --verify-only when the workbook is not migrated, without migrating it or writing', async () => {
    const input = await sampleFile('a.xlsx');
    const r = await run([input, '--verify-only']);
    expect(r.code).toBe(1);
    expect(r.world.calls.map((c) => c.name)).toEqual(['previewMigration']);
    expect(r.stdout).not.toMatch(/Plan:|Migration:/);
    expect(r.stderr).toMatch(
      /a\.xlsx is not migrated: the add-on detects schema 2\.1 in sheet "Operaciones" \(the v3\.0 columns Ocupado_Por, Fecha_Ocupacion, version are missing\)\. Nothing was verified/,
    );
    expect(fs.readdirSync(dir)).toEqual(['a.xlsx']);
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

  it('resolves relative paths from the folder npm was run in (INIT_CWD), not the repository', async () => {
    await sampleFile('here.xlsx');
    const saved = process.env.INIT_CWD;
    process.env.INIT_CWD = dir;
    try {
      const r = await run(['here.xlsx', '--out', 'results'], {}, { cwd: undefined });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Rehearsing on ${path.join(dir, 'here.xlsx')}`);
      expect(fs.readdirSync(path.join(dir, 'results')).sort()).toEqual([
        'here.migrated.xlsx',
        'here.report.json',
      ]);
    } finally {
      if (saved === undefined) delete process.env.INIT_CWD;
      else process.env.INIT_CWD = saved;
    }
  });

  it('starts the clock at the real time and says so, or at --now, and records it in the report', async () => {
    const input = await sampleFile('a.xlsx');
    const real = await run([input], {}, { clock: () => new Date('2027-03-05T08:09:10.500Z') });
    expect(real.settings).toEqual([{ now: '2027-03-05T08:09:10.500Z' }]);
    expect(real.stdout).toMatch(
      /Clock: 2027-03-05T08:09:10\.500Z, the real time \(backup names and report times use it; --now 2027-03-05T08:09:10\.500Z repeats them\)/,
    );
    const pinned = await run([input, '--now', '2026-11-24T12:00:00Z']);
    expect(pinned.settings).toEqual([{ now: '2026-11-24T12:00:00.000Z' }]);
    expect(pinned.stdout).toMatch(/Clock: 2026-11-24T12:00:00\.000Z, pinned with --now/);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'a.report.json'), 'utf8'));
    expect(report.clock).toEqual({ start: '2026-11-24T12:00:00.000Z', pinned: true });
  });

  it('warns about what the emulator does not carry over, and records it in the report', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Operaciones');
    ws.addRow(['TAG_SPOOL', 'NV', 'Peso_Kg']);
    ws.addRow(['MK-1', 'NV1', 12.5]);
    ws.addRow(['MK-2', 'NV1', 3]);
    ws.getCell('C2').numFmt = '0.00 "kg"';
    ws.mergeCells('A4:B4');
    ws.getCell('B2').value = { text: 'NV1', hyperlink: 'https://example.com/nv1' };
    const input = path.join(dir, 'formatted.xlsx');
    await book.xlsx.writeFile(input);
    const r = await run([input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /warning: the rehearsal keeps values, formulas, sheet sizes, frozen rows and hidden sheets only; .*formatted\.xlsx also has\n {2}- number and date formats .*: 1, first at Operaciones!C2\n {2}- merged cells .*: 1, first at Operaciones!A4:B4\n {2}- hyperlinks .*: 1, first at Operaciones!B2/,
    );
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'formatted.report.json'), 'utf8'));
    expect(report.not_carried_over.map((i: { kind: string }) => i.kind)).toEqual([
      'numberFormats',
      'merges',
      'hyperlinks',
    ]);
    const plain = await run([await sampleFile('plain.xlsx')]);
    expect(plain.stdout).not.toMatch(/warning: the rehearsal keeps/);
  });
});
