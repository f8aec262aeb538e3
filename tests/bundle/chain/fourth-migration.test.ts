// Adding the next migration is one spec file and one entry in the registry's list: this test writes a made-up
// v4.1 spec into a copy of src/, adds it to the copy's registry, builds that copy with build.mjs exactly as
// `npm run build` does, and runs it end to end in the emulator (the validator runs when the registry loads).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { World } from '../../../emulator';
import { zeuesWorkbook } from '../../../rehearse/sample-workbook';
import type { Status } from '../../support/migration-bundle';
import { withUniones } from '../../support/chain-bundle';

const root = path.resolve(__dirname, '../../..');
const work = path.join(root, 'artifacts', `fourth-migration-${process.pid}`);

const V4_1_SPEC = `import type { Migration } from './types';

/** A made-up next migration: Operaciones gains a plant priority (constant) and a planner's note (empty). */
export const V4_1: Migration = {
  id: 'v4.1',
  from: '4.0',
  description: 'Operaciones gains Prioridad_Planta (normal on every spool) and Nota_Planificador.',
  header_row: 1,
  sheets: [
    {
      sheet: 'Operaciones',
      key: { header: 'TAG_SPOOL', aliases: ['TAG'] },
      add_columns: [
        { header: 'Prioridad_Planta', fill: { kind: 'constant', value: 'normal' } },
        { header: 'Nota_Planificador', fill: { kind: 'empty' } },
      ],
    },
  ],
  steps: [
    { name: 'create_backup', does: 'backup' },
    { name: 'add_columns', does: 'add_columns' },
    { name: 'verify_schema', does: 'verify_schema' },
    { name: 'fill_columns', does: 'fill_columns' },
    { name: 'verify', does: 'verify' },
  ],
  checks: [
    { name: 'column_count', does: 'column_count' },
    { name: 'new_headers', does: 'new_headers' },
    { name: 'new_values', does: 'values' },
    { name: 'data_intact', does: 'data_intact' },
    { name: 'column_mapping', does: 'column_mapping' },
    { name: 'report', does: 'report' },
  ],
};
`;

/** The copy's registry with v4.1 imported and appended to the list; fails loudly if the list's shape moved. */
function registryWithFourth(source: string): string {
  const listEnd = /(\s*V4_0,[^\n]*\n)(\];)/;
  if (!listEnd.test(source)) throw new Error('registry.ts: the CHAIN list no longer ends with V4_0');
  return source
    .replace(/(import \{ V4_0 \} from '\.\/v4_0';\n)/, `$1import { V4_1 } from './v4_1';\n`)
    .replace(listEnd, `$1  V4_1, // 4.0 -> 4.1\n$2`);
}

function buildWithFourth(): string {
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'src'), path.join(work, 'src'), { recursive: true });
  const migrations = path.join(work, 'src', 'core', 'migrations');
  fs.writeFileSync(path.join(migrations, 'v4_1.ts'), V4_1_SPEC);
  const registry = path.join(migrations, 'registry.ts');
  fs.writeFileSync(registry, registryWithFourth(fs.readFileSync(registry, 'utf8')));
  const dist = path.join(work, 'dist');
  execFileSync(process.execPath, ['build.mjs', '--entry', path.join(work, 'src', 'main.ts'), '--out', dist], {
    cwd: root,
    stdio: 'pipe',
  });
  return dist;
}

describe('a fourth migration added as one spec file and one registry entry', () => {
  const distDir = buildWithFourth();
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const world = new World({ distDir });
  const ss = world.createSpreadsheet(withUniones(zeuesWorkbook({ rows: 30 }), (spool) => spool % 4));
  const as = { activeSpreadsheet: ss.id };
  const info = world.call('getSchemaInfo', [], as) as { latest: string; pending: { migration: string }[] };
  const status = world.call('startMigration', [{ target: 'v4.1' }], as) as Status & { migration: string };

  it('is known to the built bundle as the chain’s newest migration', () => {
    expect(info.latest).toBe('v4.1');
    expect(info.pending.map((entry) => entry.migration)).toEqual(['v3.0', 'v3.1', 'v4.0', 'v4.1']);
  });

  it('runs after v4.0 through the same engine, with its backup, steps and schema_version', () => {
    expect(status).toMatchObject({ migration: 'v4.1', state: 'done' });
    expect(status.steps.map((step) => step.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(status.backup?.name).toMatch(/^ZEUES \(v4\.1 backup /);
    expect(ss.metadata('schema_version')).toBe('4.1');
    const values = ss.sheet('Operaciones').values();
    const header = values[0];
    expect(header.slice(-2)).toEqual(['Prioridad_Planta', 'Nota_Planificador']);
    const at = header.indexOf('Prioridad_Planta');
    expect(values.slice(1).every((row) => row[at] === 'normal' && row[at + 1] === '')).toBe(true);
  });

  it('verifies with its own checks and rolls back to v4.0', () => {
    const report = world.call('verifyMigration', [], as) as {
      success: boolean;
      checks: Record<string, { passed: boolean }>;
    };
    expect(Object.keys(report.checks)).toEqual([
      'column_count',
      'new_headers',
      'new_values',
      'data_intact',
      'column_mapping',
      'report',
    ]);
    expect(report.success).toBe(true);
    const rollback = world.call('rollbackMigration', [{ mode: 'columns', confirm: true }], as);
    expect(rollback).toMatchObject({
      migration: 'v4.1',
      success: true,
      removed_columns: ['Prioridad_Planta', 'Nota_Planificador'],
    });
    expect(ss.metadata('schema_version')).toBe('4.0');
    expect(ss.sheet('Operaciones').row(1)).not.toContain('Prioridad_Planta');
  });
});
