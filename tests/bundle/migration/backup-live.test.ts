// The backup check on a live sheet, on the built bundle: the app writes around the copy (before the plan's read,
// just before makeCopy, just after it) and the run ends done with a backup that is the sheet as it was when
// copied; a copy that is not (a damaged one, or a cell edited both just before and just after the copy) is caught,
// trashed and replaced; three in a row stop the run with advice; a crash anywhere in the retry resumes to the same
// end.
import type { RunResult } from '../../../emulator';
import { SHEET, driveToEnd, fixture, type Fixture, type Status } from '../../support/migration-bundle';
import { expectSameCells } from '../../support/same-cells';

const ROWS = 60;
const APP = 'app@zeues.example';
/** A v2.1 cell the app writes (row 10, column B) and its range. */
const ROW = 10;
const CELL = `${SHEET}!B${ROW}`;

function world(): Fixture {
  const f = fixture({ rows: ROWS });
  f.ss.addEditor(APP);
  return f;
}

function copies(f: Fixture): { id: string; name: string; trashed: boolean }[] {
  return f.world.drive
    .files()
    .filter((file) => file.mimeType === 'application/vnd.google-apps.spreadsheet' && file.id !== f.ss.id);
}

function cellOf(f: Fixture, id: string): unknown {
  return f.world.spreadsheet(id).sheet(SHEET).values()[ROW - 1][1];
}

/** Hooks before every call up to `calls`, each told the call number. */
function everyCall(calls: number, hook: (call: number) => void): Record<number, () => void> {
  return Object.fromEntries(Array.from({ length: calls }, (_, i) => [i + 1, () => hook(i + 1)]));
}

/** The round trip that makes the copy in a clean first execution: the first call after which a copy exists. */
function copyCall(): number {
  const f = world();
  let found = 0;
  f.world.run('startMigration', [], {
    ...f.as,
    beforeCall: everyCall(200, (call) => {
      if (found === 0 && copies(f).length > 0) found = call - 1;
    }),
  });
  return found;
}

const COPY = copyCall();

function started(run: RunResult): Status {
  if (!run.ok) throw new Error(run.error.message);
  return run.value as Status;
}

describe('app writes around the backup copy', () => {
  it('finds the copy call', () => {
    expect(COPY).toBeGreaterThan(10);
  });

  // before the plan's read, and before each of the calls just before the copy (the sheet read, the intent)
  it.each([1, COPY - 3, COPY - 2, COPY - 1, COPY])(
    'a write before call %i (the copy or earlier) is in the backup, and the run ends done',
    (call) => {
      const f = world();
      const status = started(
        f.world.run('startMigration', [], {
          ...f.as,
          beforeCall: {
            [call]: () => f.world.as(APP).setValues(f.ss.id, CELL, [['written before the copy']]),
          },
        }),
      );
      expect(status.state).toBe('done');
      expect(copies(f)).toHaveLength(1);
      expect(cellOf(f, status.backup!.file_id)).toBe('written before the copy');
      expect(cellOf(f, f.ss.id)).toBe('written before the copy');
      expect((f.world.call('verifyMigration', [], f.as) as { success: boolean }).success).toBe(true);
    },
  );

  it.each([COPY + 1, COPY + 2, COPY + 3])(
    'a write before call %i (after the copy) is not in the backup, stays in the sheet, and the run ends done',
    (call) => {
      const f = world();
      const before = cellOf(f, f.ss.id);
      const status = started(
        f.world.run('startMigration', [], {
          ...f.as,
          beforeCall: {
            [call]: () => f.world.as(APP).setValues(f.ss.id, CELL, [['written after the copy']]),
          },
        }),
      );
      expect(status.state).toBe('done');
      expect(copies(f)).toHaveLength(1);
      expect(cellOf(f, status.backup!.file_id)).toBe(before);
      expect(cellOf(f, f.ss.id)).toBe('written after the copy');
    },
  );

  it('a cell written just before the copy and again just after: that copy is replaced, the next one holds both', () => {
    const f = world();
    const app = f.world.as(APP);
    const status = started(
      f.world.run('startMigration', [], {
        ...f.as,
        beforeCall: {
          [COPY]: () => app.setValues(f.ss.id, CELL, [['first write']]),
          [COPY + 1]: () => app.setValues(f.ss.id, CELL, [['second write']]),
        },
      }),
    );
    expect(status.state).toBe('done');
    const made = copies(f);
    expect(made.map((copy) => copy.trashed)).toEqual([true, false]);
    expect(status.backup!.file_id).toBe(made[1].id);
    expect(cellOf(f, made[1].id)).toBe('second write');
    expect((f.world.call('verifyMigration', [], f.as) as { success: boolean }).success).toBe(true);
  });
});

describe('a backup copy that is not the sheet', () => {
  it('a damaged copy is caught, trashed and replaced by a faithful one', () => {
    const f = world();
    const original = f.ss.sheet(SHEET).values();
    f.world.damageCopies((copy, nth) => {
      if (nth === 1) copy.sheet(SHEET).setValues(30, 3, [['damaged']]);
    });
    const status = started(f.world.run('startMigration', [], f.as));
    expect(status.state).toBe('done');
    const made = copies(f);
    expect(made.map((copy) => copy.trashed)).toEqual([true, false]);
    expect(status.backup!.file_id).toBe(made[1].id);
    expectSameCells(f.world.spreadsheet(made[1].id).sheet(SHEET).values(), original);
  });

  it('three damaged copies in a row stop the run, nothing changed, with advice; a resume then finishes', () => {
    const f = world();
    const original = f.ss.sheet(SHEET).values();
    f.world.damageCopies((copy) => copy.sheet(SHEET).setValues(30, 3, [['damaged']]));
    const status = started(f.world.run('startMigration', [], f.as));
    expect(status.state).toBe('failed');
    expect(status.error?.step).toBe('create_backup');
    expect(status.error?.message).toMatch(/changed too much while it was being backed up: 3 copies/);
    expect(status.error?.message).toMatch(/Resume \(Extensions > Sheet Schema Migrator > Resume migration\)/);
    expect(status.error?.message).toMatch(/edit freeze/);
    expect(copies(f).map((copy) => copy.trashed)).toEqual([true, true, true]);
    expectSameCells(f.ss.sheet(SHEET).values(), original);
    f.world.damageCopies(null);
    const resumed = driveToEnd(f);
    expect(resumed.state).toBe('done');
    expect(copies(f).map((copy) => copy.trashed)).toEqual([true, true, true, false]);
  });
});

describe('a crash anywhere in the replacement of a damaged copy', () => {
  const clean = world();
  clean.world.damageCopies((copy, nth) => {
    if (nth === 1) copy.sheet(SHEET).setValues(30, 3, [['damaged']]);
  });
  // the call that makes the second copy: the retry runs from the first copy's check to the second's
  let second = 0;
  const cleanRun = clean.world.run('startMigration', [], {
    ...clean.as,
    beforeCall: everyCall(200, (call) => {
      if (second === 0 && copies(clean).length > 1) second = call - 1;
    }),
  });
  const migrated = clean.ss.sheet(SHEET).values();
  const retryEnd = second + 6;

  it('the clean run ends done, its retry found', () => {
    expect(started(cleanRun).state).toBe('done');
    expect(second).toBeGreaterThan(COPY);
  });

  it.each(Array.from({ length: retryEnd - COPY }, (_, i) => COPY + 1 + i))(
    'dying at call %i resumes to one faithful backup, every other copy in the trash',
    (call) => {
      const f = world();
      const original = f.ss.sheet(SHEET).values();
      f.world.damageCopies((copy, nth) => {
        if (nth === 1) copy.sheet(SHEET).setValues(30, 3, [['damaged']]);
      });
      const dead = f.world.run('startMigration', [], { ...f.as, failAt: { call } });
      expect(dead.ok).toBe(false);
      const status = driveToEnd(f);
      expect(status.state).toBe('done');
      const kept = copies(f).filter((copy) => !copy.trashed);
      expect(kept.map((copy) => copy.id)).toEqual([status.backup!.file_id]);
      expectSameCells(f.world.spreadsheet(kept[0].id).sheet(SHEET).values(), original);
      expectSameCells(f.ss.sheet(SHEET).values(), migrated);
    },
  );
});
