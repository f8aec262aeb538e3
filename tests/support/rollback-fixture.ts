// Migrated worlds for the rollback's unit tests, made the way the migration leaves them: a backup copy of the
// spreadsheet, the v3.0 columns inserted after the last v2.1 column (version 0 on every data row), the
// baseline, schema_version 3.0, and the run in the history (or, for a run that stopped midway, in its
// `migration.*` checkpoints).
import type { Baseline } from '../../src/core/baseline';
import type { CellValue } from '../../src/core/ports';
import type { RollbackReport, RollbackVerification } from '../../src/core/contract';
import { FakeSheet, FakeSpreadsheet, FakeWorld } from './rollback-fakes';

export const V21 = ['id', 'TAG_SPOOL', 'NV', 'Fecha_Armado', 'Precio Fabricación', 'Precio Total'];
export const ADDED = ['Ocupado_Por', 'Fecha_Ocupacion', 'version'];
export const DAY = 24 * 60 * 60 * 1000;

export interface Migrated {
  world: FakeWorld;
  ss: FakeSpreadsheet;
  sheet: FakeSheet;
  backup: FakeSpreadsheet;
  baseline: Baseline;
  /** The sheet as it was before the migration (a copy). */
  original: FakeSheet;
}

export function migratedWorld(
  options: { rows?: number; completed?: boolean; preexisting?: string[] } = {},
): Migrated {
  const rows = options.rows ?? 8;
  const preexisting = options.preexisting ?? [];
  const world = new FakeWorld();
  const ss = world.createSpreadsheet('ZEUES', 'folder-1');
  const headers = [...V21, ...preexisting];
  const target = new FakeSheet('Operaciones', rows + 4, headers.length + 2);
  const values: CellValue[][] = [headers];
  const formulas: string[][] = [headers.map(() => '')];
  for (let i = 1; i <= rows; i += 1) {
    const line: CellValue[] = [
      i,
      `MK-${1000 + i}-CW-011`,
      `NV${500 + i}`,
      i % 2 ? '21-01-2026' : '',
      100 * i,
      100 * i,
    ];
    for (const header of preexisting) line.push(header === 'version' ? 0 : '');
    values.push(line);
    formulas.push(line.map((_, c) => (c === 5 ? `=E${i + 1}` : '')));
  }
  target.set(1, 1, values, formulas);
  ss.sheets.push(target, new FakeSheet('Trabajadores', 5, 3));
  const original = target.copy();

  const backupId = world.nextId('ss');
  const backup = new FakeSpreadsheet(backupId, 'ZEUES - v3.0 backup - 2026-11-24T12:00:00Z');
  backup.sheets = ss.sheets.map((s) => s.copy());
  world.spreadsheets.set(backupId, backup);
  world.addFile(backupId, backup.name, 'folder-1', 'application/vnd.google-apps.spreadsheet');

  const added = ADDED.filter((header) => !preexisting.includes(header));
  const after = headers.length;
  for (const grid of [target.values, target.formulas] as unknown[][][]) {
    for (const line of grid) line.splice(after, 0, ...new Array(added.length).fill(''));
  }
  target.maxColumns += added.length;
  target.set(1, after + 1, [added]);
  const versionAt = added.indexOf('version');
  if (versionAt >= 0)
    target.set(
      2,
      after + 1 + versionAt,
      Array.from({ length: rows }, () => [0]),
    );
  ss.metadata.schema_version = '3.0';

  const baseline: Baseline = {
    migration: 'v3.0',
    run_id: 'run-20261124-1',
    spreadsheet_id: ss.id,
    sheet_name: 'Operaciones',
    data_rows: rows,
    v21_columns: V21.length,
    v21_headers: V21,
    max_rows: original.maxRows,
    max_columns: original.maxColumns,
    columns_added: added,
    backup: {
      file_id: backupId,
      name: backup.name,
      url: `https://docs.google.com/spreadsheets/d/${backupId}/edit`,
      folder_id: 'folder-1',
      created_at: new Date(world.now).toISOString(),
    },
    block_digests: [],
  };
  const completedAt = new Date(world.now + 60_000).toISOString();
  if (options.completed === false) {
    world.properties['migration.baseline'] = JSON.stringify(baseline);
    world.properties['migration.run'] = JSON.stringify({
      run_id: baseline.run_id,
      state: 'failed',
      updated_at: completedAt,
    });
    world.properties['migration.plan'] = JSON.stringify({ rows });
    world.triggers.push({ id: 'trigger-resume', handler: 'resumeMigrationTrigger' });
  } else {
    world.properties['history.1'] = JSON.stringify({
      kind: 'migration',
      run_id: baseline.run_id,
      started_at: new Date(world.now).toISOString(),
      completed_at: completedAt,
      state: 'done',
      baseline,
    });
  }
  world.now += 2 * 60_000;
  return { world, ss, sheet: target, backup, baseline, original };
}

/** What the app does after the migration: occupies spools and bumps versions. */
export function appWrites(sheet: FakeSheet): void {
  const headers = sheet.values[0];
  const at = (header: string) => headers.indexOf(header) + 1;
  sheet.set(3, at('Ocupado_Por'), [['MR(93)']]);
  sheet.set(3, at('Fecha_Ocupacion'), [['24-11-2026 09:15:00']]);
  sheet.set(3, at('version'), [[2]]);
  sheet.set(6, at('version'), [[1]]);
}

/** The snapshot with times and run-dependent stamps masked: a resumed run happens later than a clean one. */
export function masked(snapshot: unknown): string {
  return JSON.stringify(snapshot).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z/g, '<time>');
}

/**
 * Values with formula cells blanked: a formula written through the API has no value until Sheets recalculates
 * it, which neither the fakes nor the emulator do, so a formula cell is compared by its formula.
 */
export function valuesBesideFormulas(sheet: { values: CellValue[][]; formulas: string[][] }): CellValue[][] {
  return sheet.values.map((line, r) => line.map((value, c) => (sheet.formulas[r][c] ? '' : value)));
}

/** A finished rollback's checks; a pending report (the rollback paused) fails the test here. */
export function checksOf(report: RollbackReport): RollbackVerification['checks'] {
  if (!('checks' in report.verification))
    throw new Error(`the rollback is not finished: ${report.errors.join(' ')}`);
  return report.verification.checks;
}
