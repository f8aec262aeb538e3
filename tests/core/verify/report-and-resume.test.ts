import { LAST_VERIFICATION_KEY } from '../../../src/core/state/keys';
import { advanceVerification, startVerification } from '../../../src/core/verify';
import { encodeCursor } from '../../../src/core/verify/cursor';
import { readHistory } from '../../../src/core/history';
import { V3_MIGRATION } from '../../support/specs';
import { migratedWorld, totalCalls } from '../../support/verify-fakes';
import { HEADERS, verify } from '../../support/verify-run';

describe('report', () => {
  it('is saved as JSON next to the backup and summarised for the sidebar and history', () => {
    const world = migratedWorld(HEADERS, 100);
    const { report } = verify(world);
    const check = report.checks.report;
    expect(check).toMatchObject({ passed: true, folder_id: 'folder-1' });
    expect(check.problem).toBeUndefined();
    const file = world.drive.files.get(check.file_id as string);
    expect(file?.folderId).toBe('folder-1');
    expect(file?.name).toBe(
      'ZEUES v3.0 backup 2026-11-24T12-00-00Z - verification 2026-11-24T12-00-00.000Z.json',
    );
    const saved = JSON.parse(file?.text as string);
    expect(Object.keys(saved)).toEqual(['timestamp', 'dry_run', 'checks', 'success', 'errors']);
    expect(saved).toMatchObject({
      timestamp: '2026-11-24T12:00:00.000Z',
      dry_run: false,
      success: true,
      errors: [],
    });
    expect(saved.checks.v21_data_intact).toEqual(report.checks.v21_data_intact);

    const last = world.properties.data[LAST_VERIFICATION_KEY];
    expect(last.length).toBeLessThan(9 * 1024);
    expect(JSON.parse(last)).toMatchObject({ success: true, checks: { report: { passed: true } } });
    const [entry] = readHistory(world.properties.data);
    expect(entry).toMatchObject({
      kind: 'verification',
      run_id: 'run-1',
      state: 'passed',
      mode: 'post_migration',
    });
  });

  it('keeps its summary under 9 KB however many differences there are', () => {
    const world = migratedWorld(HEADERS, 300);
    for (let row = 2; row <= 301; row += 1) world.sheet.edit(row, 3, `${'x'.repeat(300)}${row}`);
    const { report } = verify(world);
    expect(report.checks.v21_data_intact.total_differences).toBe(300);
    expect(world.properties.data[LAST_VERIFICATION_KEY].length).toBeLessThan(9 * 1024);
    expect(JSON.parse(world.properties.data[LAST_VERIFICATION_KEY]).checks.v21_data_intact).toMatchObject({
      passed: false,
      total_differences: 300,
    });
  });

  it('fails when the report cannot be saved, saying where and what to do', () => {
    const world = migratedWorld(HEADERS, 10);
    world.drive.readOnlyFolders.add('folder-1');
    const { report } = verify(world);
    expect(report.success).toBe(false);
    expect(report.checks.report.passed).toBe(false);
    expect(report.errors).toEqual([
      'report: the report could not be saved in Drive folder folder-1: Access denied: DriveApp. ' +
        'Check that you can add files to the backup folder, then verify again.',
    ]);
  });

  it('fails when the saved report does not read back as written', () => {
    const world = migratedWorld(HEADERS, 10);
    world.drive.corruptReads = true;
    const { report } = verify(world);
    expect(report.checks.report).toMatchObject({
      passed: false,
      problem: expect.stringMatching(/did not read back as written/),
    });
  });

  it('writes one file when a slice is repeated after a crash', () => {
    const world = migratedWorld(HEADERS, 10);
    const cursor = startVerification(world.baseline, world.clock.iso());
    const deadline = world.clock.now() + 300_000;
    advanceVerification(world.services, V3_MIGRATION, world.baseline, cursor, deadline);
    const again = advanceVerification(world.services, V3_MIGRATION, world.baseline, cursor, deadline);
    expect(again.report?.success).toBe(true);
    expect([...world.drive.files.values()].filter((f) => f.name.includes('verification'))).toHaveLength(1);
    expect(readHistory(world.properties.data).filter((e) => e.kind === 'verification')).toHaveLength(1);
  });
});

describe('reading in blocks and resuming', () => {
  it('verifies 2,500 rows with a handful of calls, none per row', () => {
    const world = migratedWorld(HEADERS, 2500);
    verify(world);
    console.log(
      `verification of 2,500 rows (in-memory fakes): ${totalCalls(world.calls)} calls`,
      world.calls,
    );
    expect(world.calls['Operaciones.readValues']).toBe(1);
    expect(world.calls['Operaciones.readFormulas']).toBe(1);
    expect(totalCalls(world.calls)).toBeLessThanOrEqual(15);
  });

  it('resumes across slices with a small cursor and ends with the same report as one long slice', () => {
    const oneGo = migratedWorld(HEADERS, 40_000);
    oneGo.sheet.edit(30_002, 2, 'edited');
    const whole = verify(oneGo).report;
    // the first 1,000 rows alone, before any read is measured (src/core/read-pace.ts), then the rest in one read
    expect(oneGo.calls['Operaciones.readValues']).toBe(2);

    const sliced = migratedWorld(HEADERS, 40_000);
    sliced.sheet.edit(30_002, 2, 'edited');
    const { report, cursors } = verify(sliced, 'post_migration', 1_500, 50_000);
    expect(cursors.length).toBeGreaterThan(2);
    for (const cursor of cursors) expect(JSON.stringify(cursor).length).toBeLessThan(9 * 1024);
    const withoutFile = (r: typeof report) => ({
      ...r,
      checks: { ...r.checks, report: { passed: r.checks.report.passed } },
    });
    expect(withoutFile(report)).toEqual(withoutFile(whole));
    expect(report.checks.v21_data_intact.differences).toEqual([
      { row: 30_002, key: 'R30002C3', header: 'NV', backup: 'R30002C2', current: 'edited' },
    ]);
    // whole blocks per read, sized to each 1.5-second slice's time (see ReadPlanner): never a read per row
    const reads = sliced.calls['Operaciones.readValues'];
    console.log(
      `verification of 40,000 rows in ${cursors.length + 1} slices: ${reads} value reads`,
      sliced.calls,
    );
    expect(reads).toBeGreaterThanOrEqual(Math.ceil(40_000 / 5000));
    expect(reads).toBeLessThanOrEqual(Math.ceil(40_000 / 2000));
  });

  it('shortens the examples a stored cursor carries so it fits one property, keeping counts exact', () => {
    const world = migratedWorld(HEADERS, 3000);
    for (let row = 2; row <= 1001; row += 1) world.sheet.edit(row, 3, `${'y'.repeat(70)}${row}`);
    const { cursors, report } = verify(world, 'post_migration', 400, 10_000);
    expect(cursors.length).toBeGreaterThan(0);
    for (const cursor of cursors) expect(encodeCursor(cursor).length).toBeLessThanOrEqual(8500);
    expect(report.checks.v21_data_intact.total_differences).toBe(1000);
  });
});
