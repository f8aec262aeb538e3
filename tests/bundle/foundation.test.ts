// The pushed bundle itself: dist/Code.js is what `clasp push` sends and what Apps Script's V8 runtime loads.
// Apps Script only calls top-level functions and rejects ES modules in pushed files
// (https://developers.google.com/apps-script/guides/v8-runtime#modules_are_not_supported).
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import * as entry from '../../src/main';

const dist = path.join(__dirname, '../../dist');
const code = () => fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
const exportedNames = Object.keys(entry).sort();

describe('the built bundle', () => {
  it('is a plain script: no import, export or top-level await', () => {
    expect(() => new vm.Script(code())).not.toThrow();
    expect(code()).not.toMatch(/^\s*(export|import)\s/m);
  });

  it('defines every export of src/main.ts as a global function of a plain vm context', () => {
    expect(exportedNames.length).toBeGreaterThan(0);
    const context = vm.createContext({});
    vm.runInContext(code(), context);
    for (const name of exportedNames) {
      expect({ name, type: typeof context[name] }).toEqual({ name, type: 'function' });
    }
  });

  it('declares each entry point as a top-level function declaration, as Apps Script lists them', () => {
    for (const name of exportedNames) {
      expect(code()).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('ships the manifest with the V8 runtime, the Santiago time zone and only the declared scopes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('America/Santiago');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes.sort()).toEqual(
      [
        'https://www.googleapis.com/auth/drive',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/spreadsheets',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
  });

  it('holds only what clasp pushes: scripts, HTML and the manifest', () => {
    for (const file of fs.readdirSync(dist)) {
      expect(file).toMatch(/\.(js|html)$|^appsscript\.json$/);
    }
  });
});
