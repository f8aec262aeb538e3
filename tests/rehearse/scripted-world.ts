// A stand-in for the emulator that answers the entry points from a script, to test how the rehearsal command
// drives a run and reacts to each outcome (the real bundle in the real emulator is tested in end-to-end.test.ts).

import type { Plan, RollbackReport, Status, VerificationReport } from '../../rehearse/contract';
import type { CellValue, WorkbookModel } from '../../rehearse/workbook';
import type { EmulatedSheet, EmulatedSpreadsheet, RehearsalWorld } from '../../rehearse/world';

export interface Script {
  slices?: number;
  endState?: Status['state'];
  verificationPassed?: boolean;
  blocking?: string[];
  failOn?: { call: string; message: string };
}

const ADDED = ['Ocupado_Por', 'Fecha_Ocupacion', 'version'];

export class ScriptedWorld implements RehearsalWorld {
  calls: { name: string; args: unknown[] }[] = [];
  totals = { roundTrips: 0, virtualMs: 0 };
  private grid: CellValue[][] = [];
  private sheetName = '';
  private schema: string | null = null;
  private slice = 0;

  constructor(private readonly script: Script = {}) {}

  createSpreadsheet(spec: WorkbookModel): EmulatedSpreadsheet {
    if (this.script.failOn?.call === 'createSpreadsheet') throw new Error(this.script.failOn.message);
    this.sheetName = spec.sheets[0].name;
    this.grid = spec.sheets[0].values.map((row) => [...row]);
    const sheet = (): EmulatedSheet => ({
      values: () => this.grid.map((row) => [...row]),
      formulas: () => this.grid.map((row) => row.map(() => null)),
      maxRows: this.grid.length,
      maxColumns: this.grid[0].length,
      lastRow: this.grid.length,
      lastColumn: this.grid[0].length,
      frozenRows: 1,
      hidden: false,
    });
    return {
      id: 'ss-1',
      name: spec.name,
      sheet: (name: string) => {
        if (name !== this.sheetName) throw new Error(`no sheet "${name}"`);
        return sheet();
      },
      sheetNames: () => [this.sheetName],
      metadata: (key: string) => (key === 'schema_version' ? this.schema : null),
    };
  }

  call(name: string, args: unknown[]): unknown {
    this.calls.push({ name, args });
    this.totals.roundTrips += 3;
    this.totals.virtualMs += 1500;
    if (this.script.failOn?.call === name) throw new Error(this.script.failOn.message);
    switch (name) {
      case 'setMigrationConfig':
        this.sheetName = (args[0] as { target_sheet: string }).target_sheet;
        return {};
      case 'previewMigration':
        return this.plan();
      case 'startMigration':
      case 'continueMigration':
        return this.advance();
      case 'verifyMigration':
        return this.verification();
      case 'rollbackMigration':
        return this.rollback((args[0] as { mode: 'full' | 'columns' }).mode);
      case 'getMigrationStatus':
        return this.status(this.schema === '2.1' ? 'rolled_back' : 'done', 1);
      default:
        throw new Error(`unexpected call ${name}`);
    }
  }

  private plan(): Plan {
    const columns = this.grid[0].length;
    return {
      migration: 'v3.0',
      sheet: {
        name: this.sheetName,
        rows: this.grid.length - 1,
        columns,
        used_columns: columns,
        header_row: 1,
      },
      schema_detected: '2.1',
      columns_to_add: ADDED.map((header, i) => ({
        header,
        position: columns + 1 + i,
        fill: i === 2 ? 0 : '',
      })),
      rows_to_initialize: this.grid.length - 1,
      backup: { name: 'ZEUES v3.0 backup', folder_id: 'root' },
      cells_after: this.grid.length * (columns + 3),
      cell_limit: 10_000_000,
      blocking: this.script.blocking ?? [],
      warnings: [],
    };
  }

  private status(state: Status['state'], progress: number): Status {
    const total = this.grid.length - 1;
    const done = Math.round(progress * total);
    return {
      migration: 'v3.0',
      run_id: 'run-1',
      state,
      dry_run: false,
      steps: [
        { name: 'create_backup', status: 'done' },
        { name: 'add_v3_columns', status: 'done' },
        { name: 'verify_schema', status: 'done' },
        {
          name: 'initialize_versions',
          status: state === 'failed' ? 'failed' : done < total ? 'running' : 'done',
          progress: { done, total },
        },
        { name: 'test_smoke', status: done < total ? 'pending' : 'done' },
      ],
      error: state === 'failed' ? { step: 'initialize_versions', message: 'quota exceeded' } : undefined,
      updated_at: '2026-11-24T12:00:00.000Z',
    };
  }

  private advance(): Status {
    const slices = this.script.slices ?? 1;
    this.slice += 1;
    if (this.slice === 1) this.grid = this.grid.map((row, r) => [...row, ...(r === 0 ? ADDED : ['', '', 0])]);
    if (this.slice < slices) return this.status('paused', this.slice / slices);
    const state = this.script.endState ?? 'done';
    if (state === 'done') this.schema = '3.0';
    return this.status(state, state === 'done' ? 1 : 0.5);
  }

  private verification(): VerificationReport {
    const passed = this.script.verificationPassed ?? true;
    return {
      timestamp: '2026-11-24T12:00:00.000Z',
      dry_run: false,
      checks: {
        column_count: { expected: 69, actual: this.grid[0].length, passed: true },
        v21_data_intact: { passed, mismatches: passed ? 0 : 1 },
      },
      success: passed,
      errors: passed ? [] : ['row 2 differs from the backup'],
    };
  }

  private rollback(mode: 'full' | 'columns'): RollbackReport {
    this.grid = this.grid.map((row) => row.slice(0, row.length - 3));
    this.schema = '2.1';
    return {
      mode,
      success: true,
      restored_columns: 0,
      removed_columns: ADDED,
      verification: { passed: true },
      errors: [],
    };
  }
}
