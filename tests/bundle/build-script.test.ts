// build.mjs refuses to produce a bundle that would lose an entry point or that Apps Script could not load.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '../..');

function buildFrom(source: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-test-'));
  const entry = path.join(dir, 'main.ts');
  fs.writeFileSync(entry, source);
  const out = path.join(dir, 'dist');
  const result = spawnSync(process.execPath, ['build.mjs', '--entry', entry, '--out', out], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr, out };
}

describe('build.mjs', () => {
  it('turns every exported function into a top-level function declaration', () => {
    const result = buildFrom('export function alpha() { return 1; }\nexport function beta() { return 2; }\n');
    expect(result.status).toBe(0);
    const code = fs.readFileSync(path.join(result.out, 'Code.js'), 'utf8');
    expect(code).toMatch(/^function alpha\(/m);
    expect(code).toMatch(/^function beta\(/m);
  });

  it('fails loudly when an export is not a function Apps Script could call', () => {
    const result = buildFrom('export function alpha() { return 1; }\nexport const settings = { a: 1 };\n');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/build failed: .*settings/);
  });

  it('keeps what clasp pushes small: dist/ within its size bound, the sidebar without layout whitespace', () => {
    const dist = path.join(root, 'dist');
    const bytes = fs
      .readdirSync(dist)
      .reduce((sum, name) => sum + fs.statSync(path.join(dist, name)).size, 0);
    // 289 KB on 2026-12-02 at 11:05 UTC (Code.js 223 KB: the English and Spanish server messages now cover the
    // settings' and options' refusals and the steps' errors too; Sidebar.html 66 KB); issue 15's target is
    // 150 KB. A change that passes this bound says so, and why, in its commit. 305 KB on 2026-12-04 (the
    // export of other sheets' cells written during a full rollback's write-back): bound raised to 306 KB.
    // 308.4 KB later that day (the panel carries on a paused verification and undo, with their progress in
    // English and Spanish: Sidebar.html 3.4 KB more): bound 309 KB. 309.9 KB then (an undo under way is named
    // by the eligibility, carried on when the panel opens, and offered by the menu): bound 311 KB. 311.4 KB then
    // (the menu says to choose its item again for a paused rollback, in both languages): bound 312 KB.
    expect(bytes).toBeLessThan(312 * 1024);
    const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
    expect(code).not.toMatch(/__name\(/);
    const sidebar = fs.readFileSync(path.join(dist, 'Sidebar.html'), 'utf8');
    expect(sidebar).not.toMatch(/>\s*\n\s*</);
  });

  it('fails when the entry module exports nothing', () => {
    const result = buildFrom('const unused = 1;\n');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/exports no entry points/);
  });
});
