// getSchemaInfo() on the built bundle: the chain as the spreadsheet sees it, read without writing anything.
import { World } from '../../emulator';
import { fixture, masked } from '../support/migration-bundle';

interface SchemaInfo {
  current: string;
  source: string;
  latest: string;
  applied: {
    migration: string;
    completed_at: string | null;
    backup: { file_id: string; name: string } | null;
  }[];
  pending: { migration: string; from: string; description: string }[];
  partial?: { migration: string; present: string[]; missing: string[] };
}

describe('getSchemaInfo() in the emulator', () => {
  it('a v2.1 sheet: current from the headers, the three migrations pending; nothing is written', () => {
    const f = fixture({ rows: 30 });
    const before = masked(f.world.snapshot());
    const info = f.world.call('getSchemaInfo', [], f.as) as SchemaInfo;
    expect(info).toEqual({
      current: '2.1',
      source: 'headers',
      latest: 'v4.0',
      applied: [],
      pending: [
        { migration: 'v3.0', from: '2.1', description: expect.stringContaining('Ocupado_Por') },
        { migration: 'v3.1', from: '3.0', description: expect.stringContaining('Estado_Detalle') },
        { migration: 'v4.0', from: '3.1', description: expect.stringContaining('Uniones') },
      ],
    });
    expect(masked(f.world.snapshot())).toBe(before);
  });

  it('after the v3.0 run: current from the metadata, v3.0 applied with its backup; after a rollback, 2.1 again', () => {
    const f = fixture({ rows: 30 });
    const status = f.world.call('startMigration', [], f.as) as { state: string; backup: { file_id: string } };
    expect(status.state).toBe('done');
    const info = f.world.call('getSchemaInfo', [], f.as) as SchemaInfo;
    expect(info).toMatchObject({ current: '3.0', source: 'metadata', latest: 'v4.0' });
    expect(info.applied).toEqual([
      {
        migration: 'v3.0',
        completed_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        backup: {
          file_id: status.backup.file_id,
          name: expect.stringContaining('v3.0 backup'),
          url: expect.any(String),
        },
      },
    ]);
    expect(info.pending.map((p) => p.migration)).toEqual(['v3.1', 'v4.0']);
    f.world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], f.as);
    expect(f.world.call('getSchemaInfo', [], f.as)).toMatchObject({ current: '2.1', applied: [] });
  });

  it('a partly migrated sheet is partial, naming what is missing; a v3.0 sheet without metadata is found by its headers', () => {
    const f = fixture({ rows: 10 });
    const sheet = f.ss.sheet('Operaciones');
    const width = sheet.row(1).length;
    sheet.insertColumnsAfter(width, 3);
    sheet.setValues(1, width + 1, [['Ocupado_Por']]);
    expect(f.world.call('getSchemaInfo', [], f.as)).toMatchObject({
      current: 'partial',
      source: 'headers',
      partial: { migration: 'v3.0', missing: ['Operaciones!Fecha_Ocupacion', 'Operaciones!version'] },
    });
    sheet.setValues(1, width + 2, [['Fecha_Ocupacion', 'version']]);
    expect(f.world.call('getSchemaInfo', [], f.as)).toMatchObject({
      current: '3.0',
      source: 'headers',
      applied: [{ migration: 'v3.0', completed_at: null, backup: null }],
    });
  });

  it('a sheet that is not ZEUES (TAG_SPOOL and two other columns) is unknown, with nothing pending', () => {
    const world = new World();
    const ss = world.createSpreadsheet({
      name: 'Other',
      sheets: [
        {
          name: 'Operaciones',
          values: [
            ['TAG_SPOOL', 'NV', 'OT'],
            ['A-1', 'NV1', 'OT1'],
          ],
        },
      ],
    });
    expect(world.call('getSchemaInfo', [], { activeSpreadsheet: ss.id })).toMatchObject({
      current: 'unknown',
      applied: [],
      pending: [],
    });
  });
});
