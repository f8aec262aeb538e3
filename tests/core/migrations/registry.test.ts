import { V2_1 } from '../../../src/core/migrations/base';
import {
  latestMigration,
  migrationById,
  migrations,
  pendingAfter,
  versions,
} from '../../../src/core/migrations/registry';
import type { Migration } from '../../../src/core/migrations/types';
import { validateChain } from '../../../src/core/migrations/validate';

const clone = (spec: Migration): Migration => JSON.parse(JSON.stringify(spec)) as Migration;
const [v30, v31, v40] = migrations().map(clone);

function problemWith(change: (chain: Migration[]) => void): string {
  const chain = [v30, v31, v40].map(clone);
  change(chain);
  try {
    validateChain(V2_1, chain);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('the migration chain', () => {
  it('is v3.0, v3.1, v4.0 in order, each from the schema the one before leaves', () => {
    expect(migrations().map((spec) => `${spec.from}->${spec.id}`)).toEqual([
      '2.1->v3.0',
      '3.0->v3.1',
      '3.1->v4.0',
    ]);
    expect(versions()).toEqual(['2.1', '3.0', '3.1', '4.0']);
    expect(latestMigration().id).toBe('v4.0');
    expect(migrationById('v3.1')?.from).toBe('3.0');
    expect(migrationById('v9.9')).toBeNull();
    expect(pendingAfter('3.0').map((spec) => spec.id)).toEqual(['v3.1', 'v4.0']);
    expect(pendingAfter('4.0')).toEqual([]);
  });

  it("keeps v3.0's five steps and seven checks, name for name", () => {
    expect(v30.steps.map((step) => step.name)).toEqual([
      'create_backup',
      'add_v3_columns',
      'verify_schema',
      'initialize_versions',
      'test_smoke',
    ]);
    expect(v30.checks.map((check) => check.name)).toEqual([
      'column_count',
      'new_headers',
      'versions',
      'occupation_empty',
      'v21_data_intact',
      'column_mapping',
      'report',
    ]);
  });

  it('v4.0 requires Uniones with its 17 headers, computes five Operaciones columns from it, adds N_UNION to Metadata', () => {
    const uniones = v40.sheets.find((change) => change.sheet === 'Uniones');
    expect(uniones?.ensure?.headers).toHaveLength(17);
    const operaciones = v40.sheets.find((change) => change.sheet === 'Operaciones');
    expect(operaciones?.add_columns?.map((column) => [column.header, column.fill.kind])).toEqual([
      ['Total_Uniones', 'computed'],
      ['Uniones_ARM_Completadas', 'computed'],
      ['Uniones_SOLD_Completadas', 'computed'],
      ['Pulgadas_ARM', 'computed'],
      ['Pulgadas_SOLD', 'computed'],
    ]);
    expect(
      v40.sheets.find((change) => change.sheet === 'Metadata')?.add_columns?.map((c) => c.header),
    ).toEqual(['N_UNION']);
  });
});

describe('the validator run when the registry loads', () => {
  it('accepts each spec of the chain, alone after the ones before it', () => {
    expect(() => validateChain(V2_1, [v30])).not.toThrow();
    expect(() => validateChain(V2_1, [v30, v31])).not.toThrow();
    expect(() => validateChain(V2_1, [v30, v31, v40])).not.toThrow();
  });

  it('refuses duplicate headers, naming the spec, the sheet and both spellings', () => {
    expect(
      problemWith(([, b]) => {
        b.sheets[0].add_columns?.push({ header: 'estado detalle', fill: { kind: 'empty' } });
      }),
    ).toMatch(
      /v3\.1: sheet "Operaciones" would have duplicate headers "Estado_Detalle" and "estado detalle"/,
    );
    // a header an earlier migration already added
    expect(
      problemWith(([, b]) => {
        b.sheets[0].add_columns = [{ header: 'version', fill: { kind: 'empty' } }];
      }),
    ).toMatch(/v3\.1: sheet "Operaciones" would have duplicate headers "version" and "version"/);
    expect(
      problemWith(([, , c]) => {
        c.sheets[1].ensure?.headers.push('Tag Spool');
      }),
    ).toMatch(/v4\.0: sheet "Uniones" requires duplicate headers "TAG_SPOOL" and "Tag Spool"/);
  });

  it('refuses an unknown sheet', () => {
    expect(
      problemWith(([, , c]) => {
        c.sheets[2].sheet = 'Eventos';
      }),
    ).toMatch(/v4\.0: sheet "Eventos" is unknown/);
  });

  it('refuses an empty description, in English or in another language', () => {
    expect(
      problemWith(([, b]) => {
        b.description = ' ';
      }),
    ).toMatch(/v3\.1: its description is empty: say in a line what it changes/);
    expect(
      problemWith(([, , c]) => {
        c.descriptions = { es: '' };
      }),
    ).toMatch(/v4\.0: its description in "es" is empty/);
  });

  it('refuses a computed fill naming a missing column or sheet', () => {
    expect(
      problemWith(([, , c]) => {
        const fill = c.sheets[0].add_columns?.[3].fill;
        if (fill?.kind === 'computed') fill.column = 'DN';
      }),
    ).toMatch(
      /v4\.0: column "Pulgadas_ARM" of sheet "Operaciones" is computed from column "DN", which sheet "Uniones" does not have/,
    );
    expect(
      problemWith(([, , c]) => {
        const fill = c.sheets[0].add_columns?.[0].fill;
        if (fill?.kind === 'computed') fill.from_sheet = 'Soldaduras';
      }),
    ).toMatch(/computed from sheet "Soldaduras", which is unknown/);
  });

  it('refuses broken steps, checks and links in the chain', () => {
    expect(
      problemWith(([a]) => {
        a.steps.reverse();
      }),
    ).toMatch(/v3\.0: its first step must make the backup; v3\.0: its last step must verify/);
    expect(
      problemWith(([, b]) => {
        b.checks = b.checks.filter((check) => check.does !== 'data_intact');
      }),
    ).toMatch(/v3\.1: it has no "data_intact" check/);
    expect(
      problemWith(([, , c]) => {
        c.checks = c.checks.filter((check) => check.does !== 'computed_values');
      }),
    ).toMatch(/v4\.0: it has columns a "computed_values" check must cover/);
    expect(
      problemWith(([, b]) => {
        b.from = '2.1';
      }),
    ).toMatch(/v3\.1: it starts from schema 2\.1, but the migration before it leaves 3\.0/);
  });
});
