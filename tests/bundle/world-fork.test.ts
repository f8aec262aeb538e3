// The bundle tests share built worlds through forks (tests/support/world-fork.ts); a fork must be the world a
// fresh build gives, and independent of its original and of every other fork.
import { World } from '../../emulator';
import { zeuesWorkbook } from '../../rehearse/sample-workbook';
import { SHEET } from '../support/migration-bundle';
import { forkWorld } from '../support/world-fork';

function built(): { world: World; id: string } {
  const world = new World();
  const ss = world.createSpreadsheet(zeuesWorkbook({ rows: 40 }));
  return { world, id: ss.id };
}

const json = (world: World) => JSON.stringify(world.snapshot());

describe('a forked world', () => {
  it('holds what the original holds, totals included', () => {
    const { world, id } = built();
    world.call('startMigration', [], { activeSpreadsheet: id });
    const fork = forkWorld(world);
    expect(json(fork)).toBe(json(world));
    expect(fork.totals).toEqual(world.totals);
    expect(fork.clock.iso()).toBe(world.clock.iso());
    expect(fork.drive.files().map((f) => f.name)).toEqual(world.drive.files().map((f) => f.name));
  });

  it('runs the bundle exactly as a freshly built world does: same results, calls, ids and times', () => {
    const template = built();
    const fresh = built();
    const fork = forkWorld(template.world);
    const onFork = fork.run('startMigration', [], { activeSpreadsheet: template.id });
    const onFresh = fresh.world.run('startMigration', [], { activeSpreadsheet: fresh.id });
    expect(onFork.ok).toBe(true);
    expect(onFork.stats.calls).toEqual(onFresh.stats.calls);
    expect(JSON.stringify(onFork.ok ? onFork.value : null)).toBe(
      JSON.stringify(onFresh.ok ? onFresh.value : null),
    );
    expect(json(fork)).toBe(json(fresh.world));
  });

  it('changes nothing in its original or in another fork', () => {
    const { world, id } = built();
    const before = json(world);
    const first = forkWorld(world);
    const second = forkWorld(world);
    first.call('startMigration', [], { activeSpreadsheet: id });
    first
      .spreadsheet(id)
      .sheet(SHEET)
      .setValues(2, 1, [['changed in the first fork']]);
    first.setDocumentProperty(id, 'extra', 'x');
    first.ui.respond = () => 'NO';
    first.clock.advance(60_000);
    expect(json(world)).toBe(before);
    expect(json(second)).toBe(before);
    expect(world.totals.executions).toBe(0);
    expect(second.ui.respond).toBe(world.ui.respond);
    expect(world.spreadsheet(id).sheet(SHEET).values()[1][0]).not.toBe('changed in the first fork');
  });

  it('copies data members it was not told about, and keeps its own facades reading its own state', () => {
    const { world, id } = built();
    (world as unknown as Record<string, unknown>).extraMember = new Map([['k', ['v']]]);
    const fork = forkWorld(world) as unknown as Record<string, Map<string, string[]>>;
    expect(fork.extraMember).toEqual(new Map([['k', ['v']]]));
    expect(fork.extraMember).not.toBe((world as unknown as Record<string, unknown>).extraMember);
    const forked = fork as unknown as World;
    forked.call('startMigration', [], { activeSpreadsheet: id });
    expect(forked.drive.files().length).toBeGreaterThan(world.drive.files().length);
  });
});
