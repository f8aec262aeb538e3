import type { MigrationSpec, NewColumn } from '../../../src/core/migrations/migration-spec';
import { V3_MIGRATION } from '../../support/specs';
import { checkedColumns, describeRule, isTimestamp, meetsRule } from '../../../src/core/verify/rules';
import { migratedWorld } from '../../support/verify-fakes';
import { HEADERS, verify } from '../../support/verify-run';

/** V3 with the listed columns' rule and pairing replaced: same headers, so the fake migrated sheet still fits. */
function withRules(changes: Record<string, Partial<NewColumn>>): MigrationSpec {
  return {
    ...V3_MIGRATION,
    newColumns: V3_MIGRATION.newColumns.map((column) => {
      const change = changes[column.header];
      return change ? { header: column.header, fill: column.fill, ...change } : column;
    }),
  };
}

describe('the column rules come from the spec', () => {
  it('reads the ZEUES rules from the v3.0 spec', () => {
    expect(checkedColumns(V3_MIGRATION)).toEqual({
      counter: { header: 'version', rule: 'counter', start: 0 },
      pair: [
        { header: 'Ocupado_Por', rule: { pattern: '^[A-Z]{1,3}\\(\\d+\\)$', example: 'MR(93)' } },
        { header: 'Fecha_Ocupacion', rule: { timestamp: 'DD-MM-YYYY HH:mm:ss' } },
      ],
      // v3.0 adds no column beyond its counter and its pair
      valued: [],
    });
  });

  it('refuses a spec pairing a column with one it does not add', () => {
    const spec = withRules({ Ocupado_Por: { pairedWith: 'Fecha' } });
    expect(() => checkedColumns(spec)).toThrow(
      'Migration spec v3.0: column "Ocupado_Por" is paired with "Fecha", which is not another column the ' +
        'migration adds. Fix the spec.',
    );
  });

  it('checks timestamps against the format the spec gives, with real dates and times', () => {
    const zeues = 'DD-MM-YYYY HH:mm:ss';
    expect(isTimestamp('21-01-2026 10:15:00', zeues)).toBe(true);
    expect(isTimestamp('29-02-2028 23:59:59', zeues)).toBe(true);
    expect(isTimestamp('29-02-2026 10:15:00', zeues)).toBe(false);
    expect(isTimestamp('21-01-2026 24:00:00', zeues)).toBe(false);
    expect(isTimestamp('2026-01-21 10:15', zeues)).toBe(false);
    expect(isTimestamp('2026-01-21 10:15', 'YYYY-MM-DD HH:mm')).toBe(true);
    expect(isTimestamp('2026-13-21 10:15', 'YYYY-MM-DD HH:mm')).toBe(false);
    expect(isTimestamp(new Date('2026-01-21T10:15:00Z'), zeues)).toBe(true);
    expect(isTimestamp(20260121, zeues)).toBe(false);
  });

  it('matches patterns as whole text and describes each rule for the report', () => {
    const worker = { pattern: '^[A-Z]{1,3}\\(\\d+\\)$', example: 'MR(93)' };
    expect(meetsRule('MR(93)', worker)).toBe(true);
    expect(meetsRule('Juan Pérez', worker)).toBe(false);
    expect(meetsRule(93, worker)).toBe(false);
    expect(meetsRule(3, 'counter')).toBe(true);
    expect(meetsRule(-1, 'counter')).toBe(false);
    expect(describeRule(worker)).toBe('like MR(93)');
    expect(describeRule({ timestamp: 'DD-MM-YYYY HH:mm:ss' })).toBe('as DD-MM-YYYY HH:mm:ss');
  });

  it('holds occupied rows to the pattern and format of the spec it is given', () => {
    const world = migratedWorld(HEADERS, 10);
    world.sheet.edit(2, 8, 'MR(93)');
    world.sheet.edit(2, 9, '21-01-2026 10:15:00');
    world.sheet.edit(3, 8, 'mr');
    world.sheet.edit(3, 9, '2026-01-21 10:15');
    const v3 = verify(world, 'in_use').report.checks.occupation_empty;
    expect(v3).toMatchObject({ passed: false, occupied: 1, invalid: 1, invalid_rows: [{ row: 3 }] });

    const lower = withRules({
      Ocupado_Por: { rule: { pattern: '^[a-z]+$', example: 'mr' }, pairedWith: 'Fecha_Ocupacion' },
      Fecha_Ocupacion: { rule: { timestamp: 'YYYY-MM-DD HH:mm' } },
    });
    const check = verify(world, 'in_use', 300_000, undefined, lower).report.checks.occupation_empty;
    expect(check).toMatchObject({
      passed: false,
      occupied: 1,
      invalid: 1,
      invalid_rows: [{ row: 2 }],
      expected: 'both empty, or Ocupado_Por like mr with Fecha_Ocupacion as YYYY-MM-DD HH:mm',
    });
  });

  it('takes the counter column and its starting value from the spec', () => {
    const world = migratedWorld(HEADERS, 5);
    expect(verify(world).report.checks.versions).toMatchObject({ passed: true, column: 10 });
    const fromOne = withRules({ version: { fill: 1, rule: 'counter' } });
    const check = verify(world, 'post_migration', 300_000, undefined, fromOne).report.checks.versions;
    expect(check).toMatchObject({
      passed: false,
      invalid: 5,
      expected: '1 on every data row, or higher where the app raised it during the run',
    });
  });

  it('reports a check as not applicable when the spec declares no such column', () => {
    const world = migratedWorld(HEADERS, 5);
    const bare = withRules({ Ocupado_Por: {}, Fecha_Ocupacion: {}, version: {} });
    const { report } = verify(world, 'post_migration', 300_000, undefined, bare);
    expect(report.checks.versions).toEqual({
      passed: true,
      not_applicable: 'the migration spec declares no counter column',
    });
    expect(report.checks.occupation_empty).toEqual({
      passed: true,
      not_applicable: 'the migration spec declares no paired columns',
    });
  });
});
