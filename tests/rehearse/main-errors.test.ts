import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../rehearse/main';
import { writeWorkbook } from '../../rehearse/xlsx-io';
import { capture, tempDir } from './support';

// Bad input is answered before the emulator or the bundle is touched: exit code 2, a message on stderr naming
// the problem and the fix, nothing on stdout, no file written.

let dir: string;
beforeEach(() => {
  dir = tempDir('rehearse-errors-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const c = capture(undefined, dir);
  const code = await main(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

describe('npm start: bad input', () => {
  it('prints the usage for --help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage:[\s\S]*--sheet NAME[\s\S]*--rollback full\|columns[\s\S]*Exit codes: 0/);
  });

  it('names a missing file', async () => {
    const r = await run(['missing.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: file not found: .*missing\.xlsx/);
    expect(r.stdout).toBe('');
  });

  it('says a file that is not an .xlsx cannot be read', async () => {
    fs.writeFileSync(path.join(dir, 'export.xlsx'), '%PDF-1.4 not a workbook');
    const r = await run(['export.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*export\.xlsx as an \.xlsx workbook: it is not an Excel workbook/);
    expect(r.stderr).not.toMatch(/zip|jszip|central directory/i);
  });

  it('says an empty file is empty', async () => {
    fs.writeFileSync(path.join(dir, 'empty.xlsx'), '');
    const r = await run(['empty.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*empty\.xlsx as an \.xlsx workbook: the file is empty\. Download/);
  });

  it('names the missing target sheet and lists the sheets the workbook has', async () => {
    await writeWorkbook(
      {
        name: 'Copia',
        sheets: [
          { name: 'Hoja 1', values: [['TAG_SPOOL'], ['MK-1']], maxRows: 2, maxColumns: 1 },
          { name: 'Trabajadores', values: [['Id']], maxRows: 1, maxColumns: 1 },
        ],
      },
      path.join(dir, 'copia.xlsx'),
    );
    const r = await run(['copia.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /has no sheet named "Operaciones"\. Sheets in it: "Hoja 1", "Trabajadores"\. .*--sheet NAME/,
    );

    const named = await run(['copia.xlsx', '--sheet', 'Operacion']);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/no sheet named "Operacion"/);
    expect(fs.readdirSync(dir)).toEqual(['copia.xlsx']);
  });

  it('checks the sheet of the sample workbook too', async () => {
    const r = await run(['--sheet', 'Hoja1', '--rows', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /the sample workbook has no sheet named "Hoja1"\. Sheets in it: "Operaciones", "Metadata"/,
    );
  });

  it('refuses a sample bigger than a Google spreadsheet can be', async () => {
    const r = await run(['--rows', '160000', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /the sample workbook has 10,563,572 cells, over Google Sheets' limit of 10,000,000 cells/,
    );
  });

  it('rejects unknown options and bad option values with exit code 2', async () => {
    for (const argv of [['--frobnicate'], ['--rollback', 'half'], ['a.xlsx', 'b.xlsx']]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
    }
  });
});
