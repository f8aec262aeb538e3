// `npm run deploy`: checks that the clasp project file names your script and pushes dist/, before building
// anything; then builds dist/ and runs `clasp push`. Run from the project folder (npm run does).
//   npm run deploy                                  .clasp.json
//   npm run deploy -- --project .clasp.dev.json     another project file (clasp's global --project option)
//   npm run deploy -- --force                       options after `--` go to clasp (push's own after `push`)
//   node deploy/deploy.mjs --check-only [--project FILE]   only the check
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';
const GLOBAL_WITH_VALUE = new Set(['--project', '-P', '--user', '-u', '--auth', '-A', '--ignore', '-I']);

const WHERE_THE_ID_IS =
  '  1. open your spreadsheet and choose Extensions > Apps Script;\n' +
  '  2. in the Apps Script editor, open Project Settings (the gear icon on the left) and, under IDs, copy the Script ID;\n' +
  '  3. put it in the project file: "scriptId": "<the id you copied>", keeping "rootDir": "dist".';

function scriptIdProblem(file, scriptId) {
  const name = path.basename(file);
  if (scriptId === undefined || scriptId === null || String(scriptId).trim() === '') {
    return `${name} has no "scriptId", so clasp does not know which script to push to. Put your spreadsheet's script id there:\n${WHERE_THE_ID_IS}`;
  }
  const id = String(scriptId).trim();
  if (id === PLACEHOLDER) {
    return `${name} still has the placeholder "scriptId": "${PLACEHOLDER}". Put your spreadsheet's script id there:\n${WHERE_THE_ID_IS}`;
  }
  const sheet = id.match(/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/);
  if (sheet) {
    return `${name} has a spreadsheet's address as "scriptId": that is the spreadsheet, not its script. The script has its own id:\n${WHERE_THE_ID_IS}`;
  }
  const url = id.match(/script\.google\.com\/(?:home\/projects|d)\/([A-Za-z0-9_-]+)/);
  if (url)
    return `${name} has a script address as "scriptId". Put only the id there: "scriptId": "${url[1]}".`;
  if (!/^[A-Za-z0-9_-]{20,}$/.test(id)) {
    return `${name} has "scriptId": "${id}", which is not a script id (a script id is a long run of letters, digits, - and _, like 1a2B...). Copy it again:\n${WHERE_THE_ID_IS}`;
  }
  return null;
}

/** Why the project file cannot be pushed to, or null when it names a script and pushes dist/. */
function projectProblem(file, root) {
  const name = path.basename(file);
  if (!fs.existsSync(file)) {
    return `There is no ${file}. Create it with {"scriptId": "<your script id>", "rootDir": "dist"}, where the script id is:\n${WHERE_THE_ID_IS}`;
  }
  let project;
  try {
    project = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return `${name} is not valid JSON (${e.message}). It should read {"scriptId": "<your script id>", "rootDir": "dist"}.`;
  }
  const problem = scriptIdProblem(file, project.scriptId);
  if (problem) return problem;
  const rootDir = path.resolve(path.dirname(file), project.rootDir ?? '.');
  if (rootDir !== path.join(root, 'dist')) {
    return `${name} has "rootDir": ${JSON.stringify(project.rootDir ?? null)}: clasp would push ${rootDir} instead of the built add-on. Set "rootDir": "dist".`;
  }
  return null;
}

function option(args, long, short) {
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === long || args[i] === short) return args[i + 1];
    if (args[i].startsWith(`${long}=`)) return args[i].slice(long.length + 1);
  }
  return undefined;
}

function projectFile(args, env, root) {
  const given = option(args, '--project', '-P') ?? env.clasp_config_project;
  if (!given) return path.join(root, '.clasp.json');
  const file = path.resolve(root, given);
  return fs.existsSync(file) && fs.statSync(file).isDirectory() ? path.join(file, '.clasp.json') : file;
}

/** clasp's global options go before `push`, the rest after it. */
function claspArgs(args) {
  const before = [];
  const after = [];
  for (let i = 0; i < args.length; i += 1) {
    if (GLOBAL_WITH_VALUE.has(args[i])) before.push(args[i], args[(i += 1)]);
    else if ([...GLOBAL_WITH_VALUE].some((flag) => args[i].startsWith(`${flag}=`))) before.push(args[i]);
    else after.push(args[i]);
  }
  return [...before, 'push', ...after];
}

function main() {
  const root = process.cwd();
  const args = process.argv.slice(2);
  const checkOnly = args.includes('--check-only');
  const rest = args.filter((a) => a !== '--check-only');
  const file = projectFile(rest, process.env, root);
  const problem = projectProblem(file, root);
  if (problem) {
    console.error(
      `${problem}\nNothing was built or pushed (see the README, "Installing in your spreadsheet").`,
    );
    process.exit(1);
  }
  if (checkOnly) {
    console.log(`${path.basename(file)} names a script and pushes dist/.`);
    return;
  }
  console.log('Building dist/ ...');
  const build = spawnSync(process.execPath, [path.join(root, 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const clasp = path.join(root, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js');
  const push = spawnSync(process.execPath, [clasp, ...claspArgs(rest)], { stdio: 'inherit' });
  process.exit(push.status ?? 1);
}

main();
