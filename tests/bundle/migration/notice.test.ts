// The owner's mail, on the built bundle: a run the resume trigger carries to its end (the panel closed) mails
// the effective user once, with the result, the backup and what to do next, in their language; a failure the
// same; a run the panel drives, or with notify_by_email off, mails nobody; a trigger fired again mails no more.
import { SHEET, fixture, type Fixture, type Status } from '../../support/migration-bundle';

const SAMPLE = { rows: 6000 };

function pausedRun(worldOptions = {}): Fixture {
  const f = fixture(SAMPLE, { costs: { readPerCellUs: 30 }, ...worldOptions });
  f.world.call('setMigrationConfig', [{ time_budget_seconds: 60 }], f.as);
  const first = f.world.call('startMigration', [{}], f.as) as Status;
  if (first.state !== 'paused') throw new Error(`the first slice should pause, it is ${first.state}`);
  return f;
}

/** Fires the resume trigger hour after hour until the run ends; the last status. */
function byTrigger(f: Fixture): Status {
  for (let i = 0; i < 10; i += 1) {
    f.world.clock.advance(61 * 60 * 1000);
    const fired = f.world.runDueTriggers();
    const last = fired[fired.length - 1];
    if (!last) break;
    const status = (last.ok ? last.value : null) as Status | null;
    if (!status || status.state === 'done' || status.state === 'failed') return status as Status;
  }
  return f.world.call('getMigrationStatus', [], f.as) as Status;
}

function history(f: Fixture): Array<Record<string, unknown>> {
  return f.world.call('getMigrationHistory', [], f.as) as Array<Record<string, unknown>>;
}

describe('a run the resume trigger finishes', () => {
  const f = pausedRun();
  const end = byTrigger(f);
  const mails = [...f.world.mail];
  f.world.clock.advance(2 * 60 * 60 * 1000);
  const again = f.world.runDueTriggers();

  it('mails its owner once: the result, the spreadsheet, the backup and what to do next', () => {
    expect(end.state).toBe('done');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.to).toEqual(['owner@example.com']);
    expect(mail.subject).toMatch(/^Sheet Schema Migrator: migration v3\.0 of ".+" finished$/);
    expect(mail.body).toContain(`https://docs.google.com/spreadsheets/d/${f.ss.id}/edit`);
    expect(mail.body).toContain(end.backup!.url);
    expect(mail.body).toMatch(/What to do next: .*Extensions > Sheet Schema Migrator > Verify migration/);
    expect(mail.body).not.toMatch(/\{\w+\}/);
  });

  it('records the notice with the outcome, and a trigger fired again mails no more', () => {
    const entry = history(f).find((e) => e.kind === 'migration' && e.state === 'done');
    expect(entry?.notice).toEqual({ to: 'owner@example.com', at: expect.any(String) });
    expect(again.every((r) => r.ok)).toBe(true);
    expect(f.world.mail).toHaveLength(1);
  });
});

test('a run the panel drives to its end mails nobody', () => {
  const f = pausedRun();
  let status = f.world.call('continueMigration', [{ live: true }], f.as) as Status;
  for (let i = 0; i < 10 && status.state === 'paused'; i += 1) {
    status = f.world.call('continueMigration', [{ live: true }], f.as) as Status;
  }
  expect(status.state).toBe('done');
  expect(f.world.mail).toEqual([]);
});

test('with notify_by_email off, a run the trigger finishes mails nobody', () => {
  const f = pausedRun();
  expect(f.world.call('setMigrationConfig', [{ notify_by_email: false }], f.as)).toMatchObject({
    notify_by_email: false,
  });
  expect(byTrigger(f).state).toBe('done');
  expect(f.world.mail).toEqual([]);
});

test('a run that fails in the trigger mails its owner once, in Spanish for a Spanish owner, with the cause', () => {
  const f = pausedRun({ user: { locale: 'es' } });
  // someone deletes a column of the sheet after the backup was made: the run fails
  f.ss.sheet(SHEET).deleteColumns(5, 1);
  const end = byTrigger(f);
  expect(end.state).toBe('failed');
  expect(f.world.mail).toHaveLength(1);
  const [mail] = f.world.mail;
  expect(mail.subject).toMatch(/^Sheet Schema Migrator: migración v3\.0 de ".+" fallida$/);
  expect(mail.body).toMatch(/Qué falló: [a-z_0-9]+: \S/);
  expect(mail.body).toContain(end.error!.message);
  expect(mail.body).toContain('Qué hacer ahora:');
  expect(mail.body).toContain(end.backup!.url);
  const entry = history(f).find((e) => e.kind === 'migration' && e.state === 'failed');
  expect(entry?.notice).toEqual({ to: 'owner@example.com', at: expect.any(String) });
});
