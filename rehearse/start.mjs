// `npm start`: compiles the rehearsal (rehearse/, with the emulator it loads) into dist-rehearsal/ with esbuild when
// a source is newer than the compiled file, then runs it in this process. Loading the TypeScript through tsx cost
// about a second per run; the compiled file loads in a few tens of milliseconds. dist-rehearsal/ is never pushed
// (clasp pushes dist/) and is ignored by git, eslint and prettier.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.join(root, 'dist-rehearsal', 'main.cjs');
// What the compiled file is made of: the rehearsal, the emulator, and the few src/core modules they import.
const sources = ['rehearse', 'emulator', 'src/core', 'package.json'].map((p) => path.join(root, p));

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs);
}

export async function buildRehearsal() {
  await esbuild.build({
    entryPoints: [path.join(root, 'rehearse', 'main.ts')],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // exceljs, gas-local and the like load from node_modules as they are
    packages: 'external',
    logLevel: 'warning',
  });
}

async function start() {
  const stale =
    !fs.existsSync(outFile) || Math.max(...sources.map(newestMtime)) > fs.statSync(outFile).mtimeMs;
  if (stale) {
    try {
      await buildRehearsal();
    } catch (error) {
      console.error(`error: the rehearsal could not be compiled (rehearse/start.mjs): ${error.message}`);
      process.exitCode = 2;
      return;
    }
  }
  const { main } = createRequire(import.meta.url)(outFile);
  process.exitCode = await main(process.argv.slice(2));
}

await start();
