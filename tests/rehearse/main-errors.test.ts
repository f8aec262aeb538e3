import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../rehearse/main';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { writeWorkbook } from '../../rehearse/xlsx-io';
import { capture, storedZip, tempDir } from './support';

// Bad input is answered before the emulator or the bundle is touched (capture()'s world fails the test if it is
// started): exit code 2, a message on stderr naming the problem and the fix, nothing on stdout, no file written.

let dir: string;
beforeEach(() => {
  dir = tempDir('rehearse-errors-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], build?: () => string | null) {
  const c = capture(undefined, dir);
  if (build) c.io.build = build;
  const code = await main(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

describe('npm start: bad input', () => {
  it('prints the usage with the options, what is not carried over and the exit codes for --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage:[\s\S]*--sheet NAME[\s\S]*--rollback full\|columns[\s\S]*--now ISO/);
    expect(r.stdout).toMatch(/Not carried over:[\s\S]*Number\s+formats[\s\S]*merges, hyperlinks, rich text/);
    expect(r.stdout).toMatch(
      /Exit codes:\n {2}0 {2}the migration[\s\S]*\n {2}1 {2}the migration or a verification failed/,
    );
    expect(r.stdout).toMatch(/\n {2}2 {2}nothing was rehearsed:[\s\S]*dist\/ failed to build/);
  });

  it('names a missing file, saying where relative paths start', async () => {
    const r = await run(['missing.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: file not found: ${path.join(dir, 'missing.xlsx')}.`);
    expect(r.stderr).toMatch(/relative paths start in the folder you ran npm start from/);
    expect(r.stdout).toBe('');
  });

  it.each([
    [
      'an .ods',
      'export.ods',
      storedZip([{ name: 'mimetype', data: ODS_MIMETYPE }]),
      /it is an OpenDocument spreadsheet \(\.ods\)/,
    ],
    [
      'an .ods renamed .xlsx',
      'export.xlsx',
      storedZip([{ name: 'mimetype', data: ODS_MIMETYPE }]),
      /it is an OpenDocument spreadsheet/,
    ],
    ['a .csv', 'export.csv', Buffer.from('TAG_SPOOL,NV\nMK-1,NV1\n'), /it is a text file \(perhaps a \.csv/],
    ['a .csv renamed .xlsx', 'export.xlsx', Buffer.from('TAG_SPOOL;NV\r\nMK-1;NV1\r\n'), /it is a text file/],
    [
      'an .xls',
      'old.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      /old Excel 97-2003 workbook \(\.xls\)/,
    ],
    ['a PDF', 'export.xlsx', Buffer.from('%PDF-1.4 not a workbook'), /it is a PDF/],
    [
      'a random file',
      'noise.bin',
      Buffer.from([0x00, 0x9f, 0x13, 0x88, 0xfe, 0x01, 0x00, 0x42]),
      /it is not an Excel workbook/,
    ],
    [
      'a zip without a workbook',
      'letter.docx',
      storedZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: '<w:document/>' },
      ]),
      /it is a zip archive but holds no workbook/,
    ],
    ['an empty file', 'empty.xlsx', Buffer.alloc(0), /the file is empty/],
  ])('says %s is not an .xlsx, exits 2 and writes nothing', async (_, name, bytes, what) => {
    fs.writeFileSync(path.join(dir, name), bytes);
    const r = await run([name, '--out', 'out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^error: .*${name.replace('.', '\\.')} is not an \\.xlsx workbook: `),
    );
    expect(r.stderr).toMatch(what);
    expect(r.stderr).toMatch(/File > Download > Microsoft Excel \(\.xlsx\)/);
    expect(r.stderr).not.toMatch(/no sheet named|jszip|central directory|signature/i);
    expect(r.stdout).toBe('');
    expect(fs.readdirSync(dir)).toEqual([name]);
  });

  it('checks --out before any work: a folder it cannot write fails fast with exit 2', async () => {
    const input = path.join(dir, 'book.xlsx');
    await writeWorkbook(zeuesWorkbook({ rows: 5 }), input);
    const started = Date.now();
    const r = await run([input, '--out', '/proc/x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: cannot write to the output folder \/proc\/x \(\w+\)\. Choose a folder you can write to with --out DIR\./,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    // checked before the input is even read
    const missing = await run(['missing.xlsx', '--out', '/proc/x']);
    expect(missing.stderr).toMatch(/cannot write to the output folder \/proc\/x/);
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const file = await run([input, '--out', 'a-file']);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/--out .*a-file is a file, not a folder/);
    expect(fs.readdirSync(dir).sort()).toEqual(['a-file', 'book.xlsx']);
  });

  it('removes an --out folder it created when the input turns out bad', async () => {
    fs.writeFileSync(path.join(dir, 'notes.csv'), 'a,b\n');
    const r = await run(['notes.csv', '--out', 'new/results']);
    expect(r.code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual(['notes.csv']);
  });

  it('exits 2, not 1, when dist/ cannot be built, and writes nothing', async () => {
    const input = path.join(dir, 'book.xlsx');
    await writeWorkbook(zeuesWorkbook({ rows: 5 }), input);
    const r = await run(
      [input, '--out', 'out'],
      () => 'the build failed (node build.mjs, exit 1):\nsrc/main.ts: syntax error',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: the build failed \(node build\.mjs, exit 1\):\nsrc\/main\.ts: syntax error/,
    );
    expect(r.stdout).toBe('');
    expect(fs.readdirSync(dir)).toEqual(['book.xlsx']);
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
      /the sample workbook has 10,564,439 cells, over Google Sheets' limit of 10,000,000 cells/,
    );
  });

  it('rejects unknown options and bad option values with exit code 2', async () => {
    for (const argv of [
      ['--frobnicate'],
      ['--rollback', 'half'],
      ['a.xlsx', 'b.xlsx'],
      ['--now', 'tomorrow'],
      ['--now', '2026-11-24'],
      ['--original', 'a.xlsx'],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
    }
  });
});
