// Bridges google.script.run in a Playwright page to a handler on the Node side, asynchronously like the real
// thing: arguments and results travel as JSON, handlers run in a later task, failures reach the failure
// handler as an Error. https://developers.google.com/apps-script/guides/html/reference/run
import type { Page } from 'playwright-core';

export type ScriptRunResult =
  { ok: true; value: unknown } | { ok: false; error: { name?: string; message: string } };
export type ScriptRunHandler = (fn: string, args: unknown[]) => ScriptRunResult | Promise<ScriptRunResult>;

export interface ScriptRunCall {
  fn: string;
  args: unknown[];
  result: ScriptRunResult;
}

/** The in-page half: defines google.script.run and forwards every call to window.__scriptRunBridge. */
const PAGE_SHIM = `(() => {
  function runner(success, failure, userObject) {
    const base = {
      withSuccessHandler: (fn) => runner(fn, failure, userObject),
      withFailureHandler: (fn) => runner(success, fn, userObject),
      withUserObject: (obj) => runner(success, failure, obj),
    };
    return new Proxy(base, {
      get(target, name) {
        if (name in target) return target[name];
        if (typeof name !== 'string' || name === 'then') return undefined;
        return (...args) => {
          const payload = JSON.stringify(args === undefined ? [] : args);
          window.__scriptRunBridge(name, payload).then((json) => {
            const result = JSON.parse(json);
            setTimeout(() => {
              if (result.ok) { if (success) success(result.value, userObject); }
              else if (failure) {
                const error = new Error(result.error.message);
                error.name = result.error.name || 'ScriptError';
                failure(error, userObject);
              }
            }, 0);
          });
        };
      },
    });
  }
  window.google = window.google || {};
  window.google.script = window.google.script || {};
  window.google.script.run = runner(null, null, undefined);
})();`;

/** Installs the bridge before any page script runs; returns the log of calls made so far (grows live). */
export async function installScriptRunBridge(
  page: Page,
  handler: ScriptRunHandler,
): Promise<ScriptRunCall[]> {
  const calls: ScriptRunCall[] = [];
  await page.exposeFunction('__scriptRunBridge', async (fn: string, payload: string) => {
    const args = JSON.parse(payload) as unknown[];
    let result: ScriptRunResult;
    try {
      result = await handler(fn, args);
    } catch (error) {
      result = {
        ok: false,
        error: { name: 'Error', message: error instanceof Error ? error.message : String(error) },
      };
    }
    calls.push({ fn, args, result });
    return JSON.stringify(result);
  });
  await page.addInitScript({ content: PAGE_SHIM });
  return calls;
}

/** Minimal view of the emulator's World that the bridge needs. */
export interface RunsBundle {
  run(
    fn: string,
    args: unknown[],
    options: { activeSpreadsheet: string },
  ): { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };
}

/** A handler that runs each call in the emulator against the built bundle, as the sidebar's user. */
export function emulatorHandler(world: RunsBundle, spreadsheetId: string): ScriptRunHandler {
  return (fn, args) => {
    const r = world.run(fn, args, { activeSpreadsheet: spreadsheetId });
    return r.ok
      ? { ok: true, value: r.value }
      : { ok: false, error: { name: r.error.name, message: r.error.message } };
  };
}
