// dist/ loaded by gas-local (https://www.npmjs.com/package/gas-local), a loader independent of our emulator that
// does what Apps Script does with a pushed project: every .js file run in one V8 context, no module system. Every
// function the contract names, the trigger's handler and every menu item's handler must then be a global
// function, and onOpen must build the menu from nothing but SpreadsheetApp.getUi() and the user's locale (it runs
// in AuthMode.NONE).
import path from 'node:path';
import * as gas from 'gas-local';
import type { ServerFunctions } from '../../src/core/contract';
import { translator } from '../../src/core/messages';
import { MENU_ENTRIES } from '../../src/entry/menu';

const DIST = path.resolve(__dirname, '../../dist');

const SERVER_FUNCTIONS: (keyof ServerFunctions)[] = [
  'getMigrationStatus',
  'previewMigration',
  'startMigration',
  'continueMigration',
  'pauseMigration',
  'resumeMigration',
  'verifyMigration',
  'checkRollbackEligibility',
  'rollbackMigration',
  'getMigrationHistory',
  'getSchemaInfo',
  'getMigrationConfig',
  'setMigrationConfig',
];

interface MenuCall {
  op: string;
  args: unknown[];
}

/** Only what onOpen may touch in AuthMode.NONE: the UI, and the user's locale. */
function globalsFor(locale: string, calls: MenuCall[]): Record<string, unknown> {
  const menu = {
    addItem: (...args: unknown[]) => (calls.push({ op: 'addItem', args }), menu),
    addSeparator: () => (calls.push({ op: 'addSeparator', args: [] }), menu),
    addToUi: () => calls.push({ op: 'addToUi', args: [] }),
  };
  return {
    ...gas.globalMockDefault,
    SpreadsheetApp: {
      getUi: () => ({ createAddonMenu: () => (calls.push({ op: 'create', args: [] }), menu) }),
    },
    Session: { getActiveUserLocale: () => locale },
  };
}

describe('dist/ as gas-local loads it', () => {
  const calls: MenuCall[] = [];
  const context = gas.require(DIST, globalsFor('es', calls));

  it('has every entry point of the contract as a global function', () => {
    const handlers = MENU_ENTRIES.flatMap((entry) => (entry ? [entry.functionName] : []));
    for (const name of ['onOpen', 'onInstall', 'resumeMigrationTrigger', ...SERVER_FUNCTIONS, ...handlers]) {
      expect([name, typeof context[name]]).toEqual([name, 'function']);
    }
  });

  it("builds the add-on menu in the user's language, each item naming a global function", () => {
    (context.onOpen as (e: unknown) => void)({ authMode: 'NONE' });
    expect(calls[0].op).toBe('create');
    expect(calls[calls.length - 1].op).toBe('addToUi');
    const items = calls.filter((call) => call.op === 'addItem').map((call) => call.args as [string, string]);
    expect(items.map(([, handler]) => handler)).toEqual(
      MENU_ENTRIES.flatMap((entry) => (entry ? [entry.functionName] : [])),
    );
    const es = translator('es');
    expect(items.map(([caption]) => caption)).toEqual(
      MENU_ENTRIES.flatMap((entry) => (entry ? [es(entry.caption)] : [])),
    );
    for (const [, handler] of items) expect(typeof context[handler]).toBe('function');
    expect(calls.filter((call) => call.op === 'addSeparator')).toHaveLength(
      MENU_ENTRIES.filter((entry) => entry === null).length,
    );
  });
});
