// The edit freeze (setting edit_freeze) on the built bundle: the sheets a run changes are protected, the owner as
// their only editor, from just before the backup until the verification ends, so the app's writes meanwhile are
// refused (Protection: https://developers.google.com/apps-script/reference/spreadsheet/protection); the protection
// is gone when the run is done, when it fails, after a crash (the next call finishes or removes it), on a start
// over and on a rollback. The plan says what it protects and for about how long.
import { SHEET, driveToEnd, fixture, type Fixture, type Status } from '../../support/migration-bundle';

// more rows than the run has calls: the app writes one row of its own before each
const ROWS = 100;
const APP = 'app@zeues.example';

function world(freeze = true): Fixture {
  const f = fixture({ rows: ROWS });
  f.ss.addEditor(APP);
  if (freeze) f.world.call('setMigrationConfig', [{ edit_freeze: true }], f.as);
  return f;
}

function everyCall(calls: number, hook: (call: number) => void): Record<number, () => void> {
  return Object.fromEntries(Array.from({ length: calls }, (_, i) => [i + 1, () => hook(i + 1)]));
}

/**
 * The calls of a clean frozen run: the one that made the protection, the first one after the baseline was
 * stored (the backup done), and how many there are.
 */
function protectCall(): { protect: number; baseline: number; calls: number } {
  const f = world();
  let protect = 0;
  let baseline = 0;
  const run = f.world.run('startMigration', [], {
    ...f.as,
    beforeCall: everyCall(200, (call) => {
      if (protect === 0 && f.ss.protections().length > 0) protect = call - 1;
      if (baseline === 0 && 'migration.baseline' in f.world.documentProperties(f.ss.id)) baseline = call;
    }),
  });
  return { protect, baseline, calls: run.stats.roundTrips };
}

const CLEAN = protectCall();

describe('a run with the edit freeze on', () => {
  const f = world();
  const app = f.world.as(APP);
  const run = f.world.run('startMigration', [], {
    ...f.as,
    // the app writes a cell of its own before every call of the run
    beforeCall: everyCall(CLEAN.calls, (call) =>
      app.setValues(f.ss.id, `${SHEET}!B${2 + call}`, [[`app ${call}`]]),
    ),
  });
  const status = (run.ok ? run.value : null) as Status | null;
  const writes = run.interleaved ?? [];

  it('ends done: its verification passed while the sheet was protected', () => {
    expect(status?.state).toBe('done');
    expect(status?.steps.map((step) => step.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it("refuses the app's writes while the sheet is protected, with the platform's message, and keeps the others", () => {
    const refused = writes.filter((write) => write.error !== undefined);
    expect(refused.length).toBeGreaterThan(10);
    expect(refused[0].error).toMatch(/protected cell or object/);
    // from just after the protection (its editors set) to its removal, in one stretch
    const calls = refused.map((write) => write.beforeCall as number);
    expect(calls[0]).toBeGreaterThan(CLEAN.protect);
    expect(calls[calls.length - 1] - calls[0] + 1).toBe(calls.length);
    const kept = writes.filter((write) => write.error === undefined);
    expect(kept.length).toBeGreaterThan(0);
    for (const write of kept) {
      const row = Number(write.range.replace(/^B/, ''));
      expect(f.ss.sheet(SHEET).values()[row - 1][1]).toBe(`app ${write.beforeCall as number}`);
    }
  });

  it('leaves no protection behind, in the sheet or in its backup', () => {
    expect(f.ss.protections()).toEqual([]);
    expect(f.world.spreadsheet(status!.backup!.file_id).protections()).toEqual([]);
  });
});

describe('the edit freeze after a crash', () => {
  it.each(Array.from({ length: 8 }, (_, i) => CLEAN.protect + i))(
    'dying at call %i, around the protection, ends done with no protection left',
    (call) => {
      const f = world();
      const dead = f.world.run('startMigration', [], { ...f.as, failAt: { call } });
      expect(dead.ok).toBe(false);
      expect(driveToEnd(f).state).toBe('done');
      expect(f.ss.protections()).toEqual([]);
    },
  );

  it('a crash right after the protection leaves it until the next call, which removes it at the end', () => {
    const f = world();
    f.world.run('startMigration', [], { ...f.as, failAt: { call: CLEAN.protect + 1 } });
    expect(f.ss.protections()).toHaveLength(1);
    expect(driveToEnd(f).state).toBe('done');
    expect(f.ss.protections()).toEqual([]);
  });
});

describe('the edit freeze is removed whatever ends the run', () => {
  it('a run that fails (every backup copy damaged) leaves no protection', () => {
    const f = world();
    f.world.damageCopies((copy) => copy.sheet(SHEET).setValues(30, 3, [['damaged']]));
    const status = f.world.call('startMigration', [], f.as) as Status;
    expect(status.state).toBe('failed');
    expect(f.ss.protections()).toEqual([]);
  });

  it('a start over removes the abandoned run’s protection', () => {
    const f = world();
    f.world.run('startMigration', [], { ...f.as, failAt: { call: CLEAN.protect + 10 } });
    expect(f.ss.protections()).toHaveLength(1);
    const status = f.world.call('startMigration', [{ force: true }], f.as) as Status;
    expect(status.state).toBe('done');
    expect(f.ss.protections()).toEqual([]);
  });

  it('a rollback of a run cut off midway removes its protection', () => {
    const f = world();
    f.world.run('startMigration', [], { ...f.as, failAt: { call: CLEAN.baseline + 1 } });
    expect(f.ss.protections()).toHaveLength(1);
    const report = f.world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], f.as) as {
      success: boolean;
    };
    expect(report.success).toBe(true);
    expect(f.ss.protections()).toEqual([]);
  });
});

describe('the plan and the setting', () => {
  it('the plan names the protected sheets and about how long', () => {
    const f = world();
    const plan = f.world.call('previewMigration', [], f.as) as {
      edit_freeze?: { sheets: string[]; minutes: number; message: string };
      warnings: string[];
    };
    expect(plan.edit_freeze).toMatchObject({ sheets: [SHEET], minutes: 1 });
    expect(plan.warnings).toContain(plan.edit_freeze?.message);
    expect(plan.edit_freeze?.message).toMatch(/Operaciones will be protected.*about 1 minute/);
    expect(f.ss.protections()).toEqual([]);
  });

  it("says so in the owner's language", () => {
    const f = fixture({ rows: ROWS }, { user: { email: 'owner@example.com', locale: 'es' } });
    f.world.call('setMigrationConfig', [{ edit_freeze: true }], f.as);
    const plan = f.world.call('previewMigration', [], f.as) as { edit_freeze?: { message: string } };
    expect(plan.edit_freeze?.message).toMatch(/^Congelar ediciones: Operaciones quedará protegida/);
  });

  it('is off by default: no protection, no plan entry', () => {
    const f = world(false);
    expect((f.world.call('getMigrationConfig', [], f.as) as { edit_freeze: boolean }).edit_freeze).toBe(
      false,
    );
    expect(f.world.call('previewMigration', [], f.as)).not.toHaveProperty('edit_freeze');
  });

  it('refuses a value that is not true or false, naming the setting', () => {
    const f = world(false);
    expect(() => f.world.call('setMigrationConfig', [{ edit_freeze: 'yes' }], f.as)).toThrow(
      /Setting "edit_freeze" must be true or false/,
    );
  });
});
