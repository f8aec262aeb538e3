import fs from 'node:fs';
import path from 'node:path';
import {
  CHECK_NAMES,
  LOG_LEVELS,
  ROLLBACK_MODES,
  RUN_STATES,
  SCHEMAS_DETECTED,
  STEP_NAMES,
  STEP_STATUSES,
  type ServerFunctions,
} from '../../src/core/contract';
import * as main from '../../src/main';

// The names design/CONTRACT.md fixes, written out here on purpose: this is where the contract itself is pinned.
describe('the public contract', () => {
  it('lists the seven checks in the order of CONTRACT.md', () => {
    expect(CHECK_NAMES).toEqual([
      'column_count',
      'new_headers',
      'versions',
      'occupation_empty',
      'v21_data_intact',
      'column_mapping',
      'report',
    ]);
  });

  it('lists the five steps, the run states and the step statuses of Status', () => {
    expect(STEP_NAMES).toEqual([
      'create_backup',
      'add_v3_columns',
      'verify_schema',
      'initialize_versions',
      'test_smoke',
    ]);
    expect(RUN_STATES).toEqual(['not_started', 'running', 'paused', 'done', 'failed', 'rolled_back']);
    expect(STEP_STATUSES).toEqual(['pending', 'running', 'done', 'failed', 'skipped']);
  });

  it('lists the schemas a Plan detects, the rollback modes and the log levels', () => {
    expect(SCHEMAS_DETECTED).toEqual(['2.1', '3.0', '3.1', '4.0', 'partial', 'unknown']);
    expect(ROLLBACK_MODES).toEqual(['full', 'columns']);
    expect(LOG_LEVELS).toEqual(['debug', 'info', 'warn', 'error']);
  });

  it('imports nothing, so the sidebar bundle can include it without the core', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../src/core/contract.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export\s+[^;]*\sfrom)\s/m);
    expect(source).not.toMatch(/\brequire\(/);
  });

  it("has every function of CONTRACT.md's table as an entry point answering with the contract's shapes", () => {
    // a Record over the interface's keys: a function added to ServerFunctions and not listed here fails the typecheck
    const listed: Record<keyof ServerFunctions, true> = {
      getMigrationStatus: true,
      previewMigration: true,
      startMigration: true,
      continueMigration: true,
      pauseMigration: true,
      resumeMigration: true,
      verifyMigration: true,
      checkRollbackEligibility: true,
      rollbackMigration: true,
      getMigrationHistory: true,
      getSchemaInfo: true,
      getMigrationConfig: true,
      setMigrationConfig: true,
    };
    // the typecheck holds each entry point's argument and result to the contract's
    const entryPoints: ServerFunctions = main;
    for (const name of Object.keys(listed) as (keyof ServerFunctions)[]) {
      expect(typeof entryPoints[name]).toBe('function');
    }
  });
});
