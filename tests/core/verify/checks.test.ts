import { CHECK_NAMES } from '../../../src/core/contract';
import { migratedWorld, NEW_HEADERS } from '../../support/verify-fakes';
import { failedChecks, HEADERS, verify } from '../../support/verify-run';

describe('verification of a freshly migrated sheet', () => {
  it('passes all seven checks over every row', () => {
    const world = migratedWorld(HEADERS, 2500);
    const { report } = verify(world);
    expect(failedChecks(report)).toEqual([]);
    expect(report.success).toBe(true);
    expect(report.errors).toEqual([]);
    expect(Object.keys(report.checks)).toEqual([...CHECK_NAMES]);
    expect(report.checks.column_count).toMatchObject({ expected: 10, actual: 10, passed: true });
    expect(report.checks.new_headers).toMatchObject({
      expected: NEW_HEADERS,
      found: NEW_HEADERS,
      passed: true,
    });
    expect(report.checks.versions).toMatchObject({ rows_checked: 2500, invalid: 0, not_zero: 0 });
    expect(report.checks.occupation_empty).toMatchObject({ rows_checked: 2500, invalid: 0 });
    expect(report.checks.v21_data_intact).toMatchObject({
      rows_compared: 2500,
      blocks: 3,
      blocks_differing: 0,
    });
  });
});

describe('column_count', () => {
  it('fails when a column with data follows the new ones', () => {
    const world = migratedWorld(HEADERS, 30);
    world.sheet.edit(5, 11, 'stray');
    const { report } = verify(world);
    expect(report.checks.column_count).toMatchObject({ expected: 10, actual: 11, passed: false });
    expect(report.errors).toContain('column_count: expected 10 columns (v2.1 + new ones), found 11.');
  });
});

describe('new_headers', () => {
  it('fails when the new headers are out of order or renamed', () => {
    const world = migratedWorld(HEADERS, 30);
    world.sheet.edit(1, 8, 'Fecha_Ocupacion');
    world.sheet.edit(1, 9, 'Ocupado_Por');
    world.sheet.edit(1, 10, 'Version');
    const { report } = verify(world);
    const check = report.checks.new_headers;
    expect(check.passed).toBe(false);
    expect(check.found).toEqual(['Fecha_Ocupacion', 'Ocupado_Por', 'Version']);
    expect(check.problems).toEqual([
      'column 8 should be "Ocupado_Por" but holds "Fecha_Ocupacion"',
      'column 9 should be "Fecha_Ocupacion" but holds "Ocupado_Por"',
      'column 10 should be "version" but holds "Version"',
    ]);
  });

  it('fails when a new header appears twice', () => {
    const world = migratedWorld([...HEADERS.slice(0, 6), 'version'], 10);
    const { report } = verify(world);
    expect(report.checks.new_headers.passed).toBe(false);
    expect(report.checks.new_headers.problems).toContain('"version" appears 2 times, expected exactly once');
  });
});

describe('versions', () => {
  // the run writes only the fill: right after it, a higher counter is the app's raise during the run, listed
  it('fails blank or non-integer rows right after the migration and lists the raised ones', () => {
    const world = migratedWorld(HEADERS, 1200);
    world.sheet.edit(3, 10, 1);
    world.sheet.edit(1101, 10, '');
    world.sheet.edit(1102, 10, 'zero');
    const { report } = verify(world);
    expect(report.checks.versions).toMatchObject({
      passed: false,
      invalid: 2,
      invalid_rows: [
        { row: 1101, value: '' },
        { row: 1102, value: 'zero' },
      ],
      not_zero: 1,
      not_zero_rows: [{ row: 3, value: 1 }],
    });
    expect(report.errors).toContain(
      'versions: 2 data rows break the rule (0 on every data row, or higher where the app raised it during ' +
        'the run); first at row 1101.',
    );
  });

  it('passes right after the migration when the app raised some counters during the run', () => {
    const world = migratedWorld(HEADERS, 20);
    world.sheet.edit(3, 10, 1);
    world.sheet.edit(9, 10, 4);
    const { report } = verify(world);
    expect(report.checks.versions).toMatchObject({ passed: true, invalid: 0, not_zero: 2 });
    expect(report.errors).toEqual([]);
  });

  it('accepts later integers once the app is in use, but never negatives or fractions', () => {
    const world = migratedWorld(HEADERS, 20);
    world.sheet.edit(3, 10, 4);
    expect(verify(world, 'in_use').report.checks.versions.passed).toBe(true);
    world.sheet.edit(4, 10, -1);
    world.sheet.edit(5, 10, 1.5);
    const check = verify(world, 'in_use').report.checks.versions;
    expect(check).toMatchObject({ passed: false, invalid: 2, not_zero: 0 });
  });
});

describe('occupation_empty', () => {
  // the run writes neither column: right after it, a taken row is the app's doing during the run
  it('accepts a spool the app took during the run but fails a half-set row right after the migration', () => {
    const world = migratedWorld(HEADERS, 20);
    world.sheet.edit(7, 8, 'MR(93)');
    world.sheet.edit(7, 9, '21-01-2026 10:15:00');
    expect(verify(world).report.checks.occupation_empty).toMatchObject({ passed: true, occupied: 1 });
    world.sheet.edit(8, 8, 'MR(93)');
    expect(verify(world).report.checks.occupation_empty).toMatchObject({
      passed: false,
      invalid: 1,
      invalid_rows: [{ row: 8, value: '"MR(93)" / ""' }],
    });
  });

  it('accepts well-formed pairs in use and lists half-set or malformed ones', () => {
    const world = migratedWorld(HEADERS, 20);
    world.sheet.edit(2, 8, 'MR(93)');
    world.sheet.edit(2, 9, '21-01-2026 10:15:00');
    world.sheet.edit(3, 8, 'ABC(7)');
    world.sheet.edit(3, 9, new Date('2026-01-21T13:15:00Z'));
    expect(verify(world, 'in_use').report.checks.occupation_empty).toMatchObject({
      passed: true,
      occupied: 2,
    });

    world.sheet.edit(4, 8, 'Juan Pérez');
    world.sheet.edit(4, 9, '21-01-2026 10:15:00');
    world.sheet.edit(5, 8, 'MR(93)');
    world.sheet.edit(6, 9, '21-01-2026 10:15:00');
    world.sheet.edit(7, 8, 'MR(93)');
    world.sheet.edit(7, 9, '31-02-2026 10:15:00');
    const check = verify(world, 'in_use').report.checks.occupation_empty;
    expect(check.passed).toBe(false);
    expect((check.invalid_rows as { row: number }[]).map((r) => r.row)).toEqual([4, 5, 6, 7]);
  });

  it('fails with a clear message when an occupation column is missing', () => {
    const world = migratedWorld(HEADERS, 5);
    world.sheet.edit(1, 8, 'Occupied');
    const { report } = verify(world);
    expect(report.checks.occupation_empty.passed).toBe(false);
    expect(report.errors).toContain(
      'occupation_empty: column "Ocupado_Por" was not found in the header row, so its cells could not be checked.',
    );
  });
});
