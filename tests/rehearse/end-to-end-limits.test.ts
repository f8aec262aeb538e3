/** @heavy rehearsals of 144,000 and 151,400 rows, run in this process (about 0.9 GB) */
import { main } from '../../rehearse/main';
import { createWorld } from '../../rehearse/world';
import { capture } from './support';

// `npm start` refuses, before running anything, a sample whose chain would pass Google Sheets' 10,000,000-cell
// limit (https://support.google.com/drive/answer/37603): the plans of the whole chain are checked first.

async function start(argv: string[]) {
  const c = capture((settings) => createWorld(settings));
  const code = await main(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

describe('npm start at the cell limit', () => {
  it('exits 2 before running anything when a later migration of the chain would pass the cell limit', async () => {
    // 144,001 x 69 after v3.0 is under 10,000,000 cells; v3.1's column takes it over.
    const r = await start(['--rows', '144000', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/^ {2}BLOCKING/m);
    expect(r.stdout).toMatch(/then v3\.1 \(from 3\.0\)[\s\S]*\n {4}BLOCKING: /);
    expect(r.stderr).toMatch(/the migration cannot start: then v3\.1: .*10,000,000/);
  });

  it('exits 2 when adding the three columns would pass the 10,000,000-cell limit', async () => {
    // 151,401 x 66 + the companions is under the limit; 3 more columns per row is not.
    const r = await start(['--rows', '151400', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/BLOCKING: /);
    expect(r.stderr).toMatch(/the migration cannot start: .*10,000,000|the migration cannot start: .*cell/);
  });
});
