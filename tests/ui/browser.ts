// Opens the built sidebar (dist/Sidebar.html) in Chromium (see find-chromium.ts), served from 127.0.0.1, with
// google.script.run bridged to a handler. Every other network request is refused: the sidebar must not need one.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  installScriptRunBridge,
  type ScriptRunCall,
  type ScriptRunHandler,
} from '../support/script-run-bridge';
import { chromiumOnThisMachine } from './find-chromium';

export const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'artifacts/ui');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumOnThisMachine(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface SidebarServer {
  url: string;
  close(): Promise<void>;
}

export function builtSidebar(): string {
  const file = path.join(ROOT, 'dist/Sidebar.html');
  if (!fs.existsSync(file)) throw new Error('dist/Sidebar.html is missing: run `npm run build` first.');
  return fs.readFileSync(file, 'utf8');
}

/**
 * Serves a sidebar page: by default dist/Sidebar.html as built; or the HTML the bundle handed to
 * SpreadsheetApp.getUi().showSidebar() (template evaluated by the emulator's HtmlService).
 */
export async function serveSidebar(html: () => string = builtSidebar): Promise<SidebarServer> {
  const server = http.createServer((req, res) => {
    if (req.url && new URL(req.url, 'http://127.0.0.1').pathname === '/sidebar') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html());
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sidebar`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One chromium and one sidebar server per test file, started before its tests and closed after them. */
export function useSidebarBrowser(): { browser(): Browser; served(): SidebarServer } {
  let browser: Browser | undefined;
  let served: SidebarServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    served = await serveSidebar();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} did not start: see the beforeAll error above.`);
    return value;
  };
  return { browser: () => started(browser, 'chromium'), served: () => started(served, 'the sidebar server') };
}

export interface OpenSidebar {
  page: Page;
  calls: ScriptRunCall[];
  blockedRequests: string[];
  dialogs: string[];
  pageErrors: string[];
}

export async function openSidebar(
  browser: Browser,
  served: SidebarServer,
  handler: ScriptRunHandler,
  options: { query?: string; locale?: string; initScripts?: string[] } = {},
): Promise<OpenSidebar> {
  const context = await browser.newContext({
    viewport: { width: 300, height: 900 },
    locale: options.locale ?? 'en-US',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const blockedRequests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(served.url.replace(/\/sidebar$/, '/'))) return route.continue();
    blockedRequests.push(url);
    return route.abort();
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  for (const content of options.initScripts ?? []) await page.addInitScript({ content });
  const calls = await installScriptRunBridge(page, handler);
  await page.goto(`${served.url}${options.query ?? ''}`);
  return { page, calls, blockedRequests, dialogs, pageErrors };
}

export async function screenshot(page: Page, name: string, extraPath?: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (extraPath) {
    fs.mkdirSync(path.dirname(extraPath), { recursive: true });
    fs.copyFileSync(file, extraPath);
  }
  return file;
}

/** Records every value the progress bars take, as the person watching the sidebar would see them. */
export const PROGRESS_RECORDER = `(() => {
  window.__progressSeen = [];
  const record = () => {
    document.querySelectorAll('[role=progressbar]').forEach((bar) => {
      const step = bar.closest('[data-step]');
      const entry = {
        step: step ? step.getAttribute('data-step') : '?',
        done: Number(bar.getAttribute('aria-valuenow')),
        total: Number(bar.getAttribute('aria-valuemax')),
        width: bar.firstElementChild ? bar.firstElementChild.style.width : '',
      };
      const last = window.__progressSeen.filter((e) => e.step === entry.step).pop();
      if (!last || last.done !== entry.done || last.total !== entry.total) window.__progressSeen.push(entry);
    });
  };
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
})();`;

export interface ProgressSeen {
  step: string;
  done: number;
  total: number;
  width: string;
}

/** Records every alert/confirm/prompt call (the real dialog still opens and fires Playwright's event). */
export const DIALOG_TRAP = `(() => {
  window.__dialogsOpened = [];
  for (const name of ['alert', 'confirm', 'prompt']) {
    const original = window[name].bind(window);
    window[name] = (message) => { window.__dialogsOpened.push(name + ':' + message); return original(message); };
  }
})();`;
