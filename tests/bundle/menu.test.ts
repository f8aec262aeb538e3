// onOpen runs as a simple trigger, in AuthMode.NONE until the add-on is used in the document: it may build the
// menu but must not touch a service that needs authorization
// (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes).
import { World } from '../../emulator';
import { translator } from '../../src/core/messages';
import { menuItems } from '../../src/entry/menu';

const MENU_ITEMS = menuItems(translator('en'));

function worldWithSheet() {
  const world = new World();
  const ss = world.createSpreadsheet({
    name: 'ZEUES',
    sheets: [{ name: 'Operaciones', values: [['TAG_SPOOL'], ['MK-1']] }],
  });
  return { world, ss };
}

describe('the Migration menu from the built bundle', () => {
  it('is added by onOpen in AuthMode.NONE with one service call per menu step and no authorized service', () => {
    const { world, ss } = worldWithSheet();
    const before = JSON.stringify(world.snapshot());
    const result = world.open(ss.id);
    expect(result.ok).toBe(true);
    const items = MENU_ITEMS.filter((item) => item !== null);
    expect(world.ui.menus).toHaveLength(1);
    expect(world.ui.menus[0].items).toEqual(items);
    const services = Object.keys(result.stats.calls).map((call) => call.split('.')[0]);
    for (const service of ['PropertiesService', 'DriveApp', 'ScriptApp', 'CacheService', 'LockService']) {
      expect(services).not.toContain(service);
    }
    expect(JSON.stringify(world.snapshot())).toBe(before);
  });

  it('is added the same way by onInstall', () => {
    const { world, ss } = worldWithSheet();
    const result = world.run('onInstall', [{ authMode: 'NONE' }], {
      authMode: 'NONE',
      activeSpreadsheet: ss.id,
      via: 'menu',
    });
    expect(result.ok).toBe(true);
    expect(world.ui.menus[0].items.map((item) => item.functionName)).toEqual(
      MENU_ITEMS.filter((item) => item !== null).map((item) => item!.functionName),
    );
  });

  it('names only handlers that are global functions of the bundle', () => {
    const { world, ss } = worldWithSheet();
    world.open(ss.id);
    const missing = world.run('noSuchHandler', [], { activeSpreadsheet: ss.id, via: 'menu' });
    expect(missing).toMatchObject({
      ok: false,
      error: { message: 'Script function not found: noSuchHandler' },
    });
    for (const { functionName } of world.ui.menus[0].items) {
      // In AuthMode.NONE a real handler fails on authorization at worst, never as a missing function.
      const result = world.run(functionName, [], { authMode: 'NONE', activeSpreadsheet: ss.id, via: 'menu' });
      const message = result.ok ? '' : result.error.message;
      expect({ functionName, message }).not.toEqual({
        functionName,
        message: `Script function not found: ${functionName}`,
      });
    }
  });
});
