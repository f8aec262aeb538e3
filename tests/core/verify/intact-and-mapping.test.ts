import { migratedWorld } from '../../support/verify-fakes';
import { failedChecks, HEADERS, verify } from '../../support/verify-run';

describe('v21_data_intact', () => {
  it('lists a cell edited after the backup by row, header, backup value and current value', () => {
    const world = migratedWorld(HEADERS, 2500);
    world.sheet.edit(1502, 3, 'R1502C3-edited');
    world.sheet.edit(2400, 7, 999, '=A2400*3');
    const { report } = verify(world);
    const check = report.checks.v21_data_intact;
    expect(check.passed).toBe(false);
    expect(check.total_differences).toBe(2);
    expect(check.blocks_differing).toBe(2);
    expect(check.differences).toEqual([
      { row: 1502, key: 'R1502C3-edited', header: 'TAG_SPOOL', backup: 'R1502C3', current: 'R1502C3-edited' },
      { row: 2400, key: 'R2400C3', header: 'Precio Total', backup: '=A2400*2', current: '=A2400*3' },
    ]);
    expect(report.errors).toContain(
      'v21_data_intact: 2 v2.1 cells differ from the backup; first at row 1502, "TAG_SPOOL": ' +
        'backup "R1502C3", now "R1502C3-edited".',
    );
    expect(failedChecks(report)).toEqual(['v21_data_intact']);
  });

  it('reads the backup only for blocks whose digest differs', () => {
    const world = migratedWorld(HEADERS, 2500);
    world.sheet.edit(1502, 3, 'changed');
    verify(world);
    expect(world.calls['Operaciones.readValues']).toBe(1);
    expect(world.calls['Operaciones.readFormulas']).toBe(1);
    // one read of values and one of formulas in the backup, for the one block that differs
    expect(world.calls['backup.readValues']).toBe(1);
    expect(world.calls['backup.readFormulas']).toBe(1);
    expect(world.calls['spreadsheets.open']).toBe(1);
  });

  it('never reads the backup when every block digest matches', () => {
    const world = migratedWorld(HEADERS, 2500);
    verify(world);
    expect(world.calls['backup.readValues']).toBeUndefined();
  });

  it('lists the first 100 differences and counts them all', () => {
    const world = migratedWorld(HEADERS, 300);
    for (let row = 2; row <= 251; row += 1) world.sheet.edit(row, 2, 'NV-edited');
    const check = verify(world).report.checks.v21_data_intact;
    expect(check.total_differences).toBe(250);
    expect(check.differences).toHaveLength(100);
  });

  it('fails saying so when the backup is gone', () => {
    const world = migratedWorld(HEADERS, 40);
    world.loseBackup();
    const { report } = verify(world);
    expect(report.checks.v21_data_intact.passed).toBe(false);
    expect(report.checks.v21_data_intact.backup_error).toMatch(
      /^The backup "ZEUES v3.0 backup 2026-11-24T12-00-00Z" \(backup-1\) can no longer be opened/,
    );
    expect(report.errors.join(' ')).toMatch(/can no longer be opened/);
  });

  it('asks Drive whether the backup is trashed when the adapter can tell, without opening it', () => {
    const world = migratedWorld(HEADERS, 40);
    world.drive.fileState = (id: string) => (world.drive.files.get(id)?.trashed ? 'trashed' : 'present');
    expect(verify(world).report.checks.v21_data_intact.passed).toBe(true);
    expect(world.calls['spreadsheets.open']).toBeUndefined();
    world.drive.trash('backup-1');
    const check = verify(world).report.checks.v21_data_intact;
    expect(check.passed).toBe(false);
    expect(check.backup_error).toMatch(/is in the Drive trash, so the v2.1 data cannot be compared with it/);
  });

  it('fails when data rows are missing or, right after the migration, added', () => {
    const removed = migratedWorld(HEADERS, 40);
    removed.sheet.values.splice(30);
    removed.sheet.formulas.splice(30);
    expect(verify(removed).report.checks.v21_data_intact).toMatchObject({ passed: false, rows_missing: 11 });

    const added = migratedWorld(HEADERS, 40);
    added.sheet.values.push([41, 'NV', 'NEW', '', '', '', 82, '', '', 0]);
    added.sheet.formulas.push(['', '', '', '', '', '', '', '', '', '']);
    expect(verify(added).report.checks.v21_data_intact).toMatchObject({ passed: false, rows_added: 1 });
    expect(verify(added, 'in_use').report.checks.v21_data_intact).toMatchObject({
      passed: true,
      rows_added: 1,
    });
  });

  it('in use, counts changes in rows the app wrote (version > 0) instead of failing', () => {
    const world = migratedWorld(HEADERS, 40);
    world.sheet.edit(5, 4, 'Patio 2');
    world.sheet.edit(5, 10, 1);
    const inUse = verify(world, 'in_use').report.checks.v21_data_intact;
    expect(inUse).toMatchObject({ passed: true, changed_by_app: 1, total_differences: 0 });
    world.sheet.edit(6, 4, 'Patio 3');
    expect(verify(world, 'in_use').report.checks.v21_data_intact).toMatchObject({
      passed: false,
      differences: [{ row: 6, key: 'R6C3', header: 'Ubicación', backup: 'R6C4', current: 'Patio 3' }],
    });
  });
});

describe('column_mapping and drifted headers', () => {
  it('resolves the key column through its alias when the sheet says TAG', () => {
    const drifted = ['id', 'NV', 'TAG', 'Ubicacion', 'REV', 'tipo_armado', 'Precio Total'];
    const { report } = verify(migratedWorld(drifted, 50));
    expect(report.success).toBe(true);
    expect(report.checks.column_mapping).toMatchObject({
      passed: true,
      expected: 10,
      actual: 10,
      key_column: { header: 'TAG_SPOOL', column: 3, found_as: 'TAG', via_alias: true },
    });
  });

  it('still maps a header whose accents or case changed after the migration, but reports the edited cell', () => {
    const world = migratedWorld(HEADERS, 50);
    world.sheet.edit(1, 4, 'UBICACION');
    const { report } = verify(world);
    expect(report.checks.column_mapping.passed).toBe(true);
    expect(report.checks.v21_data_intact.differences).toEqual([
      { row: 1, header: 'Ubicación', backup: 'Ubicación', current: 'UBICACION' },
    ]);
  });

  it('fails naming a renamed header it can no longer find', () => {
    const world = migratedWorld(HEADERS, 50);
    world.sheet.edit(1, 2, 'Nota de venta');
    const { report } = verify(world);
    expect(report.checks.column_mapping).toMatchObject({ passed: false, unresolved: ['NV'] });
    expect(report.errors).toContain('column_mapping: not found: "NV".');
  });

  it('fails when a header moved to another column', () => {
    const world = migratedWorld(HEADERS, 5);
    world.sheet.edit(1, 1, 'NV');
    world.sheet.edit(1, 2, 'id');
    const check = verify(world).report.checks.column_mapping;
    expect(check.passed).toBe(false);
    expect(check.misplaced).toEqual([
      { header: 'id', expected: 1, actual: [2] },
      { header: 'NV', expected: 2, actual: [1] },
    ]);
  });

  it('uses the cached map for the same header row', () => {
    const world = migratedWorld(HEADERS, 5);
    verify(world);
    const puts = world.cache.calls.put;
    verify(world);
    expect(world.cache.calls.put).toBe(puts);
  });
});
