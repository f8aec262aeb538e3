import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { ServiceError, messages } from './errors';
import type { Execution } from './execution';
import { register } from './handles';
import { enumOf, service } from './service';
import type { HtmlPage } from './ui';

// HtmlService: https://developers.google.com/apps-script/reference/html/html-service
// Templates: https://developers.google.com/apps-script/guides/html/templates
// <?= ?> escapes HTML (plain escaping, not Apps Script's contextual escaping inside <script>), <?!= ?> prints
// raw, <? ?> runs code; scriptlets run in the execution's global scope, so they see the bundle's functions.

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function readFile(exec: Execution, name: unknown): string {
  const base = String(name);
  const file = path.join(exec.world.distDir, base.endsWith('.html') ? base : `${base}.html`);
  if (!fs.existsSync(file)) throw new ServiceError(messages.noHtmlFile(base));
  return fs.readFileSync(file, 'utf8');
}

export function compileTemplate(source: string): string {
  let code = '';
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    code += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    if (m[1] === '=') code += `__out += __escape(${m[2]});\n`;
    else if (m[1] === '!=') code += `__out += __raw(${m[2]});\n`;
    else code += `${m[2]}\n`;
    last = m.index + m[0].length;
  }
  code += `__out += ${JSON.stringify(source.slice(last))};\n`;
  return `(function (__vars, __escape, __raw) { var __out = ''; with (__vars) {\n${code}} return __out; })`;
}

export function htmlOutput(exec: Execution, page: HtmlPage): object {
  const impl = {
    getContent: () => page.content,
    setContent(html: unknown) {
      page.content = String(html);
      return proxy;
    },
    append(html: unknown) {
      page.content += String(html);
      return proxy;
    },
    appendUntrusted(text: unknown) {
      page.content += escapeHtml(String(text));
      return proxy;
    },
    getTitle: () => page.title,
    setTitle(t: unknown) {
      page.title = String(t);
      return proxy;
    },
    getWidth: () => page.width ?? null,
    setWidth(w: unknown) {
      page.width = Number(w);
      return proxy;
    },
    getHeight: () => page.height ?? null,
    setHeight(h: unknown) {
      page.height = Number(h);
      return proxy;
    },
    setSandboxMode: () => proxy,
    setXFrameOptionsMode: () => proxy,
    addMetaTag: () => proxy,
    setFaviconUrl: () => proxy,
  };
  const proxy: object = register(service(exec, 'HtmlOutput', impl), 'HtmlOutput', page);
  return proxy;
}

function template(exec: Execution, source: string): object {
  const vars: Record<string, unknown> = {};
  const methods: Record<string, (...a: unknown[]) => unknown> = {
    evaluate: () =>
      exec.invoke('HtmlTemplate', 'evaluate', () => {
        exec.charge(exec.costs.htmlMs);
        const fn = vm.runInContext(compileTemplate(source), exec.realm.context) as (
          v: object,
          e: (x: unknown) => string,
          r: (x: unknown) => string,
        ) => string;
        const str = (x: unknown) => (x === null || x === undefined ? '' : String(x));
        const content = fn(vars, (x) => escapeHtml(str(x)), str);
        return htmlOutput(exec, { title: '', content });
      }),
    getRawContent: () => exec.invoke('HtmlTemplate', 'getRawContent', () => source),
    getCode: () => exec.invoke('HtmlTemplate', 'getCode', () => compileTemplate(source)),
  };
  return new Proxy(vars, {
    get: (target, prop) =>
      typeof prop === 'string' && prop in methods ? methods[prop] : Reflect.get(target, prop),
    set: (target, prop, value) => Reflect.set(target, prop, value),
  });
}

export function htmlService(exec: Execution): object {
  return service(exec, 'HtmlService', {
    SandboxMode: enumOf(['EMULATED', 'IFRAME', 'NATIVE'] as const),
    XFrameOptionsMode: enumOf(['ALLOWALL', 'DEFAULT'] as const),
    createHtmlOutput(html?: unknown) {
      exec.charge(exec.costs.htmlMs);
      return htmlOutput(exec, { title: '', content: html === undefined ? '' : String(html) });
    },
    createHtmlOutputFromFile(name: unknown) {
      exec.charge(exec.costs.htmlMs);
      return htmlOutput(exec, { title: '', content: readFile(exec, name) });
    },
    createTemplate(html: unknown) {
      return template(exec, String(html));
    },
    createTemplateFromFile(name: unknown) {
      exec.charge(exec.costs.htmlMs);
      return template(exec, readFile(exec, name));
    },
  });
}
