// The chain's runs on the built bundle: {target} runs each pending migration as its own run (backup, history
// entry, schema_version), pausing between them and resuming by trigger; rolling back goes back one at a time.
import { zeuesWorkbook } from '../../../rehearse/sample-workbook';
import { type Status } from '../../support/migration-bundle';
import { expectedFigures, sheetsOf, withUniones, worldOf } from '../../support/chain-bundle';

type History = { kind: string; migration: string; state: string; backup?: { file_id: string } }[];

describe('startMigration({target}) from v2.1', () => {
  const f = worldOf(zeuesWorkbook({ rows: 40 }));
  const original = sheetsOf(f);
  const status = f.world.call('startMigration', [{ target: 'v3.1' }], f.as) as Status & { migration: string };

  it('runs v3.0 then v3.1 in one go, each its own run with its own backup and history entry', () => {
    expect(status).toMatchObject({ migration: 'v3.1', state: 'done' });
    const runs = (f.world.call('getMigrationHistory', [], f.as) as History).filter(
      (e) => e.kind === 'migration',
    );
    expect(runs.map((entry) => [entry.migration, entry.state])).toEqual([
      ['v3.1', 'done'],
      ['v3.0', 'done'],
    ]);
    expect(new Set(runs.map((entry) => entry.backup?.file_id)).size).toBe(2);
    expect(f.ss.metadata('schema_version')).toBe('3.1');
    expect(f.world.call('getSchemaInfo', [], f.as)).toMatchObject({
      current: '3.1',
      applied: [{ migration: 'v3.0' }, { migration: 'v3.1' }],
      pending: [{ migration: 'v4.0' }],
    });
    expect(f.world.triggers()).toEqual([]);
    // the chain's record is gone with the run's checkpoints
    const keys = Object.keys(f.world.snapshot().properties ?? {});
    expect(JSON.stringify(keys)).not.toMatch(/migration\.chain/);
  });

  it('rolls back the newest applied migration, then the one before it, back to the original sheets', () => {
    expect(f.world.call('checkRollbackEligibility', [], f.as)).toMatchObject({
      migration: 'v3.1',
      eligible: true,
    });
    expect(f.world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], f.as)).toMatchObject({
      migration: 'v3.1',
      removed_columns: ['Estado_Detalle'],
    });
    expect(f.ss.metadata('schema_version')).toBe('3.0');
    expect(f.world.call('checkRollbackEligibility', [], f.as)).toMatchObject({
      migration: 'v3.0',
      eligible: true,
    });
    expect(f.world.call('rollbackMigration', [{ mode: 'full', confirm: true }], f.as)).toMatchObject({
      migration: 'v3.0',
      success: true,
    });
    expect(sheetsOf(f)).toEqual(original);
    expect(f.ss.metadata('schema_version')).toBe('2.1');
    expect(f.world.call('checkRollbackEligibility', [], f.as)).toMatchObject({ eligible: false });
  });
});

describe('a chain longer than one execution', () => {
  it('pauses inside and between runs and finishes from the resume trigger alone', () => {
    const f = worldOf(zeuesWorkbook({ rows: 6000 }));
    f.world.call('setMigrationConfig', [{ time_budget_seconds: 30 }], f.as);
    const first = f.world.call('startMigration', [{ target: 'v3.1' }], f.as) as Status & {
      migration: string;
    };
    expect(first).toMatchObject({ migration: 'v3.0', state: 'paused' });
    const seen = new Set<string>();
    let last: Status & { migration: string } = first;
    for (let i = 0; i < 40 && !(last.state === 'done' && last.migration === 'v3.1'); i += 1) {
      expect(f.world.triggers()).toHaveLength(1);
      const runs = f.world.runDueTriggers();
      expect(runs).toHaveLength(1);
      expect(runs[0].ok).toBe(true);
      last = (runs[0].ok ? runs[0].value : null) as typeof last;
      seen.add(`${last.migration}:${last.state}`);
    }
    expect(last).toMatchObject({ migration: 'v3.1', state: 'done' });
    expect(seen.has('v3.0:done') || seen.has('v3.1:paused') || seen.has('v3.1:running')).toBe(true);
    expect(f.world.triggers()).toEqual([]);
    expect(f.ss.metadata('schema_version')).toBe('3.1');
    const runs = (f.world.call('getMigrationHistory', [], f.as) as History).filter(
      (e) => e.kind === 'migration',
    );
    expect(runs.map((entry) => `${entry.migration}:${entry.state}`)).toEqual(['v3.1:done', 'v3.0:done']);
  });
});

describe("startMigration({target: 'v4.0'}) from v2.1", () => {
  it('runs the three migrations in one go, the figures equal to an independent recomputation', () => {
    const model = withUniones(zeuesWorkbook({ rows: 40 }), (i) => (i * 3) % 21);
    const f = worldOf(model);
    const status = f.world.call('startMigration', [{ target: 'v4.0' }], f.as) as Status & {
      migration: string;
    };
    expect(status).toMatchObject({ migration: 'v4.0', state: 'done' });
    const runs = (f.world.call('getMigrationHistory', [], f.as) as History).filter(
      (e) => e.kind === 'migration',
    );
    expect(runs.map((entry) => entry.migration)).toEqual(['v4.0', 'v3.1', 'v3.0']);
    const values = f.ss.sheet('Operaciones').values();
    const at = values[0].indexOf('Total_Uniones');
    expect(values.slice(1).map((row) => row.slice(at, at + 5))).toEqual(expectedFigures(model));
    expect(f.ss.metadata('schema_version')).toBe('4.0');
    expect(f.world.call('startMigration', [], f.as)).toMatchObject({ migration: 'v4.0', state: 'done' });
  });
});
