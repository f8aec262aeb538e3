// `npm run deploy` (deploy/deploy.mjs) refuses a project file that cannot be pushed to, before building or
// pushing anything, and says what to put there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DEPLOY = path.resolve(__dirname, '../../deploy/deploy.mjs');
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefghijklmnopqrs';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function deploy(project: unknown, args: string[] = ['--check-only'], file = '.clasp.json') {
  if (project !== undefined) {
    fs.writeFileSync(path.join(dir, file), typeof project === 'string' ? project : JSON.stringify(project));
  }
  const r = spawnSync(process.execPath, [DEPLOY, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: '' } });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('npm run deploy', () => {
  it('refuses the committed placeholder before building or pushing, saying where the script id is', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../.clasp.json'), 'utf8');
    expect(committed).toContain('REPLACE_WITH_YOUR_SCRIPT_ID');
    const r = deploy(committed, []);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      '.clasp.json still has the placeholder "scriptId": "REPLACE_WITH_YOUR_SCRIPT_ID"',
    );
    expect(r.out).toContain('Extensions > Apps Script');
    expect(r.out).toContain(
      'Project Settings (the gear icon on the left) and, under IDs, copy the Script ID',
    );
    expect(r.out).toContain('"scriptId": "<the id you copied>", keeping "rootDir": "dist"');
    expect(r.out).toContain('Nothing was built or pushed');
    expect(r.out).not.toContain('Building dist/');
    expect(fs.readdirSync(dir)).toEqual(['.clasp.json']);
  });

  it('accepts a script id with rootDir dist', () => {
    const r = deploy({ scriptId: SCRIPT_ID, rootDir: 'dist' });
    expect(r).toEqual({ code: 0, out: '.clasp.json names a script and pushes dist/.\n' });
  });

  it.each([
    [
      'no project file',
      undefined,
      /There is no .*\.clasp\.json\. Create it with \{"scriptId": "<your script id>", "rootDir": "dist"\}/,
    ],
    ['a file that is not JSON', '{"scriptId": ', /\.clasp\.json is not valid JSON/],
    ['no scriptId', { rootDir: 'dist' }, /\.clasp\.json has no "scriptId"[\s\S]*Extensions > Apps Script/],
    ['an empty scriptId', { scriptId: ' ', rootDir: 'dist' }, /has no "scriptId"/],
    [
      'the spreadsheet address',
      { scriptId: 'https://docs.google.com/spreadsheets/d/1xYz0123456789abcdefghij/edit', rootDir: 'dist' },
      /a spreadsheet's address as "scriptId": that is the spreadsheet, not its script/,
    ],
    [
      'the script editor address',
      { scriptId: `https://script.google.com/home/projects/${SCRIPT_ID}/edit`, rootDir: 'dist' },
      new RegExp(`Put only the id there: "scriptId": "${SCRIPT_ID}"`),
    ],
    [
      'something else',
      { scriptId: 'my script', rootDir: 'dist' },
      /"scriptId": "my script", which is not a script id/,
    ],
    [
      'another rootDir',
      { scriptId: SCRIPT_ID, rootDir: 'src' },
      /"rootDir": "src": clasp would push .*src instead of the built add-on/,
    ],
    ['no rootDir', { scriptId: SCRIPT_ID }, /"rootDir": null: clasp would push/],
  ])('refuses %s, changing nothing', (_, project, message) => {
    const r = deploy(project);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(message);
    expect(r.out).toContain('Nothing was built or pushed');
    expect(fs.readdirSync(dir)).toEqual(project === undefined ? [] : ['.clasp.json']);
  });

  it('checks the project file given with --project, as clasp would use it', () => {
    fs.writeFileSync(path.join(dir, '.clasp.json'), JSON.stringify({ scriptId: SCRIPT_ID, rootDir: 'dist' }));
    const r = deploy(
      { scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' },
      ['--check-only', '--project', '.clasp.dev.json'],
      '.clasp.dev.json',
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('.clasp.dev.json still has the placeholder');
  });
});
