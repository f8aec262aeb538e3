// Builds dist/: what `clasp push` sends and what Apps Script's V8 runtime runs.
//   dist/Code.js         src/main.ts bundled into one script; every export of src/main.ts becomes a
//                        top-level function declaration (Apps Script only calls top-level functions).
//   dist/Sidebar.html    src/ui bundled into one HTML file (HtmlService serves one file: script and styles inline).
//   dist/appsscript.json the manifest, copied.
// The build fails when an entry point would be lost or the output is not a plain script.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
// `--entry FILE --out DIR` exist for the build's own tests; the defaults are what `clasp push` sends.
const argument = (flag, fallback) => {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? path.resolve(process.argv[index + 1]) : fallback;
};
const dist = argument('--out', path.join(root, 'dist'));
const entry = argument('--entry', path.join(root, 'src/main.ts'));
const bundleGlobal = '__addon';
// Apps Script's V8 runtime: keep the syntax conservative.
const target = 'es2019';

function fail(message) {
  console.error(`build failed: ${message}`);
  process.exit(1);
}

async function entryPointNames() {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  if (!output) fail('esbuild reported no output for src/main.ts');
  return output.exports.slice().sort();
}

function stubsFor(names) {
  return names
    .map((name) => `function ${name}() {\n  return ${bundleGlobal}.${name}.apply(this, arguments);\n}`)
    .join('\n');
}

async function buildScript(names) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: bundleGlobal,
    target,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Minified without keepNames (it costs 11.5 KB of __name calls). The names a stack trace in the Executions
    // page needs survive anyway: its outermost frame is an entry-point stub, added after minification as a
    // top-level declaration with its name; method and property names are never mangled (frames read
    // `t.readBlock`); and our error classes set `name` themselves (SheetsTooSlow, RollbackNotFinished).
    minify: true,
  });
  const code = `${result.outputFiles[0].text}\n${stubsFor(names)}\n`;
  checkScript(code, names);
  return code;
}

// The output must parse as a classic script (no import/export, no top-level await) and define every
// entry point as a global function of its context, as Apps Script and gas-local load it.
function checkScript(code, names) {
  let script;
  try {
    script = new vm.Script(code, { filename: 'Code.js' });
  } catch (error) {
    fail(`dist/Code.js is not a plain script Apps Script can load: ${error.message}`);
  }
  const context = vm.createContext({});
  script.runInContext(context);
  const lost = names.filter((name) => typeof context[name] !== 'function');
  if (lost.length > 0) fail(`entry points missing from the bundle: ${lost.join(', ')}`);
  const notCallable = names.filter((name) => typeof context[bundleGlobal][name] !== 'function');
  if (notCallable.length > 0) {
    fail(
      `src/main.ts exports that are not functions (Apps Script can only call functions): ${notCallable.join(', ')}`,
    );
  }
}

async function buildSidebar() {
  const template = path.join(root, 'src/ui/sidebar.html');
  if (!fs.existsSync(template)) return null;
  let html = fs.readFileSync(template, 'utf8');
  const script = await esbuild.build({
    entryPoints: [path.join(root, 'src/ui/sidebar.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const cssPath = path.join(root, 'src/ui/sidebar.css');
  const css = fs.existsSync(cssPath)
    ? (await esbuild.transform(fs.readFileSync(cssPath, 'utf8'), { loader: 'css', minify: true })).code.trim()
    : '';
  // A literal "</script" inside the inlined code would end the element early.
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  if (!html.includes('/* @inline-css */') || !html.includes('/* @inline-js */')) {
    fail('src/ui/sidebar.html must contain the /* @inline-css */ and /* @inline-js */ markers');
  }
  html = collapseLayout(html)
    .replace('/* @inline-css */', () => css)
    .replace('/* @inline-js */', () => js);
  return html;
}

// The template's line breaks and indentation are layout only: a run of whitespace that holds a line break goes
// between two tags (no text node there to keep) or becomes one space (the same as the browser renders it).
function collapseLayout(html) {
  return html.replace(/(>?)[ \t]*\n\s*(<?)/g, (_, before, after) =>
    before && after ? '><' : `${before} ${after}`,
  );
}

async function main() {
  const names = await entryPointNames();
  if (names.length === 0) fail('src/main.ts exports no entry points');
  const code = await buildScript(names);
  const sidebar = await buildSidebar();
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, 'Code.js'), code);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  if (sidebar !== null) fs.writeFileSync(path.join(dist, 'Sidebar.html'), sidebar);
  console.log(`built dist/ with ${names.length} entry points${sidebar !== null ? ' and Sidebar.html' : ''}`);
}

main().catch((error) => fail(error.stack || String(error)));
