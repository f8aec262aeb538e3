import type { Execution } from './execution';
import { register, resolve } from './handles';
import { enumOf, service } from './service';
import type { AlertAnswer, AlertRecord, MenuRecord } from './state';

// Class Ui: https://developers.google.com/apps-script/reference/base/ui
// Menus are recorded in world.ui.menus, sidebars and dialogs in world.ui.sidebars/dialogs, and alerts are
// answered by world.ui.respond.

export const Button = enumOf(['OK', 'CANCEL', 'YES', 'NO', 'CLOSE'] as const);
export const ButtonSet = enumOf(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);

const ALLOWED: Record<string, AlertAnswer[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export function defaultResponse(alert: AlertRecord): AlertAnswer {
  return alert.buttons.startsWith('YES') ? 'YES' : 'OK';
}

export interface HtmlPage {
  title: string;
  content: string;
  width?: number;
  height?: number;
}

function menuHandle(exec: Execution, name: string, addon: boolean): object {
  const items: MenuRecord['items'] = [];
  const impl = {
    addItem(caption: unknown, functionName: unknown) {
      items.push({ caption: String(caption), functionName: String(functionName) });
      return proxy;
    },
    addSeparator() {
      return proxy;
    },
    addSubMenu(menu: unknown) {
      const sub = resolve<{ name: string; items: MenuRecord['items'] }>(menu, 'Menu');
      if (sub)
        for (const i of sub.items)
          items.push({ caption: `${sub.name} > ${i.caption}`, functionName: i.functionName });
      return proxy;
    },
    addToUi() {
      exec.charge(exec.costs.uiMs);
      const menus = exec.world.ui.menus;
      const record = { name, addon, items: items.map((i) => ({ ...i })) };
      const at = menus.findIndex((m) => m.name === name && m.addon === addon);
      if (at >= 0) menus[at] = record;
      else menus.push(record);
    },
  };
  const proxy: object = register(service(exec, 'Menu', impl), 'Menu', { name, items });
  return proxy;
}

function answer(exec: Execution, alert: AlertRecord): { button: AlertAnswer; text: string } {
  exec.world.ui.alerts.push(alert);
  const raw = exec.world.ui.respond(alert);
  const r =
    typeof raw === 'string' ? { button: raw, text: '' } : { button: raw.button, text: raw.text ?? '' };
  if (!ALLOWED[alert.buttons].includes(r.button)) {
    throw new Error(`world.ui.respond answered ${r.button} to a dialog with buttons ${alert.buttons}`);
  }
  return r;
}

function dialogArgs(args: unknown[], fallback: string): AlertRecord {
  const isSet = (v: unknown) => typeof v === 'string' && v in ALLOWED;
  if (args.length >= 3)
    return { kind: 'alert', title: String(args[0]), prompt: String(args[1]), buttons: String(args[2]) };
  if (args.length === 2 && isSet(args[1]))
    return { kind: 'alert', title: null, prompt: String(args[0]), buttons: String(args[1]) };
  if (args.length === 2)
    return { kind: 'alert', title: String(args[0]), prompt: String(args[1]), buttons: fallback };
  return { kind: 'alert', title: null, prompt: String(args[0]), buttons: fallback };
}

export function uiHandle(exec: Execution): object {
  const page = (html: unknown): HtmlPage => {
    const p = resolve<HtmlPage>(html, 'HtmlOutput');
    if (!p) throw exec.error('Invalid argument: userInterface');
    return p;
  };
  const impl = {
    Button,
    ButtonSet,
    createMenu: (name: unknown) => menuHandle(exec, String(name), false),
    createAddonMenu: () => menuHandle(exec, 'Add-on', true),
    alert(...args: unknown[]) {
      return answer(exec, dialogArgs(args, 'OK')).button;
    },
    prompt(...args: unknown[]) {
      const alert = { ...dialogArgs(args, 'OK'), kind: 'prompt' as const };
      const r = answer(exec, alert);
      return service(exec, 'PromptResponse', {
        getResponseText: () => r.text,
        getSelectedButton: () => r.button,
      });
    },
    showSidebar(html: unknown) {
      exec.charge(exec.costs.uiMs);
      const p = page(html);
      exec.world.ui.sidebars.push({ title: p.title, html: p.content });
    },
    showModalDialog(html: unknown, title: unknown) {
      exec.charge(exec.costs.uiMs);
      exec.world.ui.dialogs.push({ title: String(title), html: page(html).content, modal: true });
    },
    showModelessDialog(html: unknown, title: unknown) {
      exec.charge(exec.costs.uiMs);
      exec.world.ui.dialogs.push({ title: String(title), html: page(html).content, modal: false });
    },
  };
  return service(exec, 'Ui', impl);
}
