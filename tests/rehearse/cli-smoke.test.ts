import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The command as a user runs it: `npm start -- ...` from their own folder (npm runs the script in the repository
// and passes that folder as INIT_CWD), a real process and its exit code.
const root = path.resolve(__dirname, '../..');

function npmStart(cwd: string, ...args: string[]) {
  return spawnSync('npm', ['--prefix', root, 'start', '--silent', '--', ...args], { cwd, encoding: 'utf8' });
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('prints the usage and exits 0 on --help', () => {
    const r = npmStart(dir, '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/npm start -- <file\.xlsx> \[options\]/);
  });

  it('resolves a relative path from the folder it is run in, and exits 2 for a file that does not exist', () => {
    const r = npmStart(dir, 'no/such/book.xlsx', '--no-build');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error: file not found: ${path.join(dir, 'no/such/book.xlsx')}.`);
    expect(r.stdout).toBe('');
  });

  it('rehearses the sample with the built bundle, writing to ./rehearsal-output of that folder, and exits 0', () => {
    const r = npmStart(dir, '--rows', '300', '--no-build');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/migration v3\.0, v3\.1, v4\.0 done[\s\S]*Verification: passed \(8\/8 checks\)/);
    expect(fs.readdirSync(path.join(dir, 'rehearsal-output')).sort()).toEqual([
      'ZEUES-sample.migrated.xlsx',
      'ZEUES-sample.report.json',
    ]);
  });
});
