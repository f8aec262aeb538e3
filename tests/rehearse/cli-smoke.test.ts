import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The command as a user runs it (`npm start -- ...` runs `tsx rehearse/main.ts ...`): a real process, its exit code.
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

function start(...args: string[]) {
  return spawnSync(process.execPath, [tsx, 'rehearse/main.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('tsx rehearse/main.ts', () => {
  it('prints the usage and exits 0 on --help', () => {
    const r = start('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/npm start -- <file\.xlsx> \[options\]/);
  });

  it('exits 2 with a message on stderr for a file that does not exist', () => {
    const r = start('no/such/book.xlsx', '--no-build');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error: file not found: .*no\/such\/book\.xlsx/);
    expect(r.stdout).toBe('');
  });

  it('rehearses the sample with the built bundle and exits 0', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-cli-'));
    try {
      const r = start('--rows', '300', '--out', out, '--no-build');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Verification: passed \(7\/7 checks\)/);
      expect(fs.readdirSync(out).sort()).toEqual(['ZEUES-sample.migrated.xlsx', 'ZEUES-sample.report.json']);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
