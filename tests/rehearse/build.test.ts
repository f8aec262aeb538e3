import fs from 'node:fs';
import path from 'node:path';
import { ensureBuilt } from '../../rehearse/build';
import { tempDir } from './support';

// `npm start` rebuilds dist/ when it is missing or stale; a failed build is reported with the build's own output
// (main() then exits 2: see main-errors.test.ts).
describe('ensureBuilt', () => {
  let root: string;
  beforeEach(() => {
    root = tempDir('rehearse-build-');
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'main.ts'), 'export function onOpen() {}\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('returns the failing build output when dist/ cannot be built', () => {
    fs.writeFileSync(
      path.join(root, 'build.mjs'),
      "console.error('build failed: src/main.ts: Unexpected token'); process.exit(1);\n",
    );
    const log: string[] = [];
    const failure = ensureBuilt(root, (line) => log.push(line));
    expect(failure).toMatch(
      /^the build failed \(node build\.mjs, exit 1\):\nbuild failed: src\/main\.ts: Unexpected token/,
    );
    expect(log).toEqual(['Building dist/ (it is missing or older than src/) ...']);
  });

  it('does not build when dist/ is newer than its sources', () => {
    fs.writeFileSync(path.join(root, 'build.mjs'), 'process.exit(1);\n');
    fs.mkdirSync(path.join(root, 'dist'));
    const future = new Date(Date.now() + 60_000);
    fs.writeFileSync(path.join(root, 'dist', 'Code.js'), '');
    fs.utimesSync(path.join(root, 'dist', 'Code.js'), future, future);
    expect(ensureBuilt(root, () => undefined)).toBeNull();
  });
});
