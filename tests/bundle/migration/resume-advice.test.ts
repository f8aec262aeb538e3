// A failed step's advice is true: "fix the headers and resume" — the resumed run checks again and finishes.
import { ADDED, SHEET, fixture, type Status } from '../../support/migration-bundle';

interface RunCheckpoint {
  steps: { name: string; status: string }[];
}

it('a new header edited after the columns were inserted: fixed, the resumed run finishes with one set of columns', () => {
  let checked = false;
  for (let n = 1; n < 80 && !checked; n += 1) {
    const f = fixture();
    const dead = f.world.run('startMigration', [], { ...f.as, failAt: { call: n } });
    const raw = f.world.documentProperties(f.ss.id)['migration.run'];
    if (dead.ok || !raw) continue;
    const steps = (JSON.parse(raw) as RunCheckpoint).steps;
    const status = (name: string) => steps.find((step) => step.name === name)?.status;
    // The columns are in the sheet (their step may still read 'running'), the schema not yet verified.
    const inserted = f.ss.sheet(SHEET).row(1).slice(-3).join() === ADDED.join();
    if (!inserted || status('verify_schema') === 'done') continue;
    checked = true;
    const sheet = f.ss.sheet(SHEET);
    const column = sheet.row(1).indexOf('version') + 1;
    sheet.setValues(1, column, [['versión']]);
    const failed = f.world.call('continueMigration', [], f.as) as Status & { error?: { next?: string } };
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ step: 'verify_schema' });
    expect(failed.error?.message).toMatch(
      /column BQ is "versión", expected "version"\. Fix the headers and resume/,
    );
    expect(failed.error?.next).toMatch(/Fix the cause and resume/);
    sheet.setValues(1, column, [['version']]);
    expect(f.world.call('continueMigration', [], f.as)).toMatchObject({ state: 'done' });
    expect(sheet.row(1).slice(-3)).toEqual(ADDED);
    expect(f.world.call('verifyMigration', [], f.as)).toMatchObject({ success: true });
  }
  expect(checked).toBe(true);
});
