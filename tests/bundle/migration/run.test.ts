// The whole migration on the built bundle: a 2,500-row ZEUES sheet goes from v2.1 to v3.0 in one execution.
import { ADDED, SHEET, fixture, type Status } from '../../support/migration-bundle';
import { expectSameCells } from '../../support/same-cells';

describe('startMigration on a 2,500-row v2.1 sheet', () => {
  const f = fixture({ rows: 2500 });
  const before = f.ss.sheet(SHEET);
  const values = before.values();
  const formulas = before.formulas();
  const maxColumns = before.maxColumns;
  const run = f.world.run('startMigration', [], f.as);
  const status = (run.ok ? run.value : run.error) as Status;

  it('ends done with every step done', () => {
    expect(run.ok).toBe(true);
    expect(status.state).toBe('done');
    expect(status.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it('inserts the three v3 columns after the last v2.1 column, with version 0 on every row', () => {
    const after = f.ss.sheet(SHEET).values();
    expect(after[0]).toEqual([...values[0], ...ADDED]);
    expect(f.ss.sheet(SHEET).maxColumns).toBe(maxColumns + 3);
    for (let r = 1; r < after.length; r += 1) {
      expect(after[r].slice(values[0].length)).toEqual(['', '', 0]);
    }
  });

  it('keeps every v2.1 cell and formula', () => {
    const after = f.ss.sheet(SHEET);
    const width = values[0].length;
    expectSameCells(
      after.values().map((row) => row.slice(0, width)),
      values,
    );
    expectSameCells(
      after.formulas().map((row) => row.slice(0, width)),
      formulas,
    );
  });

  it('makes one backup next to the spreadsheet, holding the v2.1 sheet', () => {
    const copies = f.world.drive.files().filter((file) => /v3\.0 backup.*UTC\)$/.test(file.name));
    expect(copies).toHaveLength(1);
    expect(copies[0].name).toMatch(/^ZEUES \(v3\.0 backup \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2} UTC\)$/);
    expect(status.backup?.name).toBe(copies[0].name);
    expectSameCells(f.world.spreadsheet(copies[0].id).sheet(SHEET).values(), values);
  });

  it('sets schema_version 3.0, clears the checkpoints, keeps the history and leaves no trigger', () => {
    expect(f.ss.metadata('schema_version')).toBe('3.0');
    const properties = f.world.documentProperties(f.ss.id);
    expect(Object.keys(properties).filter((key) => key.startsWith('migration.'))).toEqual([]);
    const history = f.world.call('getMigrationHistory', [], f.as) as Record<string, unknown>[];
    const entry = history.find((h) => h.kind === 'migration');
    expect(entry).toMatchObject({ state: 'done', run_id: status.run_id, columns_added: ADDED });
    expect((entry?.baseline as { block_digests: string[] }).block_digests).toHaveLength(3);
    expect(f.world.triggers()).toEqual([]);
  });

  it('stays within 47 round trips and 20 s of modelled time', () => {
    expect(run.stats.roundTrips).toBeLessThanOrEqual(47);
    expect(run.stats.virtualMs).toBeLessThan(20000);
  });

  it('reports done again, changing nothing, when started again with v3.0 as its target', () => {
    const snapshot = JSON.stringify(f.world.snapshot());
    const again = f.world.call('startMigration', [{ target: 'v3.0' }], f.as) as Status;
    expect(again.state).toBe('done');
    expect(again.run_id).toBe(status.run_id);
    expect(JSON.stringify(f.world.snapshot())).toBe(snapshot);
  });

  it('reports the done status to getMigrationStatus', () => {
    expect(f.world.call('getMigrationStatus', [], f.as)).toMatchObject({
      state: 'done',
      run_id: status.run_id,
    });
  });
});
