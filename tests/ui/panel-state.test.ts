import type { Eligibility, Plan, SchemaInfo, Status, VerificationReport } from '../../src/ui/contract';
import { translator } from '../../src/ui/i18n';
import { derivePanel, type PanelInput } from '../../src/ui/panel-state';

const ctx = { t: translator('en'), locale: 'en-US' };
const T0 = '2026-11-24T12:00:00.000Z';

function status(state: Status['state'], extra: Partial<Status> = {}): Status {
  const done = state === 'done';
  return {
    migration: 'v3.0',
    run_id: state === 'not_started' ? null : 'r1',
    state,
    dry_run: false,
    steps: [
      { name: 'create_backup', status: done ? 'done' : 'pending', started_at: '2026-11-24T12:00:01.000Z' },
      { name: 'add_v3_columns', status: done ? 'done' : 'pending' },
      { name: 'verify_schema', status: done ? 'done' : 'pending' },
      { name: 'initialize_versions', status: done ? 'done' : 'pending' },
      { name: 'test_smoke', status: done ? 'done' : 'pending' },
    ],
    updated_at: '2026-11-24T12:05:00.000Z',
    ...extra,
  };
}

function plan(blocking: string[] = [], migration = 'v3.0'): Plan {
  return {
    migration,
    sheet: { name: 'Operaciones', rows: 20000, columns: 66, used_columns: 66, header_row: 1 },
    schema_detected: '2.1',
    columns_to_add: [],
    rows_to_initialize: 20000,
    backup: { name: 'b', folder_id: 'root' },
    cells_after: 24275,
    cell_limit: 10000000,
    blocking,
    warnings: [],
  };
}

const report: VerificationReport = {
  timestamp: '2026-11-24T12:04:00.000Z',
  dry_run: false,
  checks: { column_count: { passed: true, expected: 69, actual: 69 }, report: { passed: true } },
  success: true,
  errors: [],
};

const backup = {
  file_id: 'ss-2',
  name: 'ZEUES (v3.0 backup)',
  url: 'https://docs.google.com/x',
  created_at: T0,
};

function input(change: Partial<PanelInput>): PanelInput {
  return {
    status: null,
    plan: null,
    schemaInfo: null,
    eligibility: null,
    verification: null,
    rollbackReport: null,
    history: [],
    driving: false,
    pauseRequested: false,
    rate: null,
    budgetSeconds: 300,
    note: null,
    overrideChecked: false,
    busy: false,
    chosenTarget: null,
    ...change,
  };
}

describe('derivePanel', () => {
  it('before a run: ready with one enabled action, or blocked with it disabled and the reason in the plan', () => {
    const ready = derivePanel(input({ status: status('not_started'), plan: plan() }), ctx);
    expect(ready).toMatchObject({
      phase: 'ready',
      headline: 'Ready to migrate to v3.0',
      backup: null,
      updated: null,
    });
    expect(ready.primary).toMatchObject({ action: 'start', label: 'Migrate to v3.0', enabled: true });
    expect(ready.checks.show).toBe(false);
    expect(ready.rollback).toMatchObject({
      message: 'Nothing to undo yet.',
      canRollBack: false,
      showForm: false,
    });

    const blocked = derivePanel(
      input({ status: status('not_started'), plan: plan(['Cells: 10000001 of 10000000']) }),
      ctx,
    );
    expect(blocked.phase).toBe('blocked');
    expect(blocked.primary).toMatchObject({ action: 'check', label: 'Check the sheet again', enabled: true });
    expect(blocked.plan).toMatchObject({ show: true, blocking: ['Cells: 10,000,001 of 10,000,000'] });
  });

  it('while the panel drives a run it says running, whatever state the last checkpoint recorded', () => {
    const paused = status('paused');
    paused.steps[0] = { ...paused.steps[0], status: 'running', progress: { done: 5000, total: 20000 } };
    const view = derivePanel(
      input({ status: paused, plan: plan(), driving: true, rate: 500, budgetSeconds: 30 }),
      ctx,
    );
    expect(view.phase).toBe('running');
    expect(view.headline).toBe('Migrating to v3.0');
    expect(view.detail).toBe('Step 1 of 5: Back up the spreadsheet');
    expect(view.current?.progress).toMatchObject({
      done: 5000,
      total: 20000,
      percent: 25,
      text: '5,000 of 20,000 rows',
    });
    expect(view.primary).toMatchObject({ action: 'pause', enabled: true });
    // 15,000 rows of backup + 20,000 of the final check at 500 rows/s: 70 s open; 3 slices, 2 hourly waits.
    expect(view.eta).toBe('About 2 min with this panel open; about 2 h if you close it.');
    expect(derivePanel(input({ status: paused, driving: true }), ctx).eta).toBe('Measuring the speed…');
    // Little left: the slice under way finishes it, panel open or not.
    const nearlyDone: Status = {
      ...paused,
      steps: paused.steps.map((s) => ({ ...s, status: 'done' })),
    };
    nearlyDone.steps[4] = { name: 'test_smoke', status: 'running', progress: { done: 19000, total: 20000 } };
    expect(derivePanel(input({ status: nearlyDone, driving: true, rate: 500 }), ctx).eta).toBe(
      'About 10 s left, with this panel open or closed.',
    );
    expect(JSON.stringify(view)).not.toMatch(/Paused/);
  });

  it('a run in progress that the panel does not drive is paused, with Resume', () => {
    const view = derivePanel(input({ status: status('paused'), plan: plan() }), ctx);
    expect(view).toMatchObject({ phase: 'paused', headline: 'Migration to v3.0 paused' });
    expect(view.primary).toMatchObject({ action: 'resume', label: 'Resume', enabled: true });
    expect(view.eta).toBeNull();
  });

  it('done: the new schema, the fresh checks, the backup; no plan of a migration already made', () => {
    const view = derivePanel(
      input({
        status: status('done', { backup }),
        plan: plan(['already has the v3.0 columns']),
        verification: report,
      }),
      ctx,
    );
    expect(view.phase).toBe('done');
    expect(view.headline).toBe('The sheet is at schema v3.0');
    expect(view.detail).toBe('Migration to v3.0 is complete. All 2 checks passed.');
    expect(view.plan.show).toBe(false);
    expect(view.primary).toBeNull();
    expect(view.checks).toMatchObject({ show: true, report, canRun: true });
    expect(view.backup).toEqual({ name: backup.name, url: backup.url });
    expect(view.updated).toBe(
      'Updated Nov 24, 2026, 12:05 PM'.replace(
        '12:05 PM',
        new Intl.DateTimeFormat('en-US', { timeStyle: 'short' }).format(new Date('2026-11-24T12:05:00.000Z')),
      ),
    );
  });

  it('done with getSchemaInfo: offers the next migration of the chain, enabled once its plan is read', () => {
    const info: SchemaInfo = {
      current: '3.0',
      pending: [{ migration: 'v3.1', from: '3.0', description: 'adds Estado_Detalle' }],
    };
    const stale = derivePanel(
      input({ status: status('done'), plan: plan([], 'v3.0'), schemaInfo: info }),
      ctx,
    );
    expect(stale.primary).toMatchObject({ action: 'next', label: 'Migrate to v3.1', enabled: false });
    expect(stale.plan.show).toBe(false);
    const view = derivePanel(
      input({ status: status('done'), plan: plan([], 'v3.1'), schemaInfo: info }),
      ctx,
    );
    expect(view.primary).toMatchObject({ action: 'next', enabled: true });
    expect(view.target).toBe('v3.1');
    expect(view.detail).toBe('Migration to v3.0 is complete. Next in the chain: v3.1.');
    expect(view.plan.show).toBe(true);
    const latest = derivePanel(
      input({ status: status('done'), schemaInfo: { current: '4.0', pending: [] } }),
      ctx,
    );
    expect(latest.headline).toBe('The sheet is at schema v4.0');
    expect(latest.detail).toBe('Migration to v3.0 is complete. This is the newest schema the add-on knows.');
  });

  it('the chain: current schema, what is applied with its backup, what is pending, and a target to pick', () => {
    const info: SchemaInfo = {
      current: '3.0',
      source: 'metadata',
      latest: 'v4.0',
      applied: [{ migration: 'v3.0', completed_at: T0, backup }],
      pending: [
        { migration: 'v3.1', from: '3.0', description: 'adds Estado_Detalle' },
        { migration: 'v4.0', from: '3.1', description: 'union figures' },
      ],
    };
    const done = input({ status: status('done'), plan: plan([], 'v3.1'), schemaInfo: info });
    const view = derivePanel(done, ctx);
    expect(view.chain).toMatchObject({
      show: true,
      current: 'v3.0',
      applied: [{ migration: 'v3.0', backup: { name: backup.name, url: backup.url } }],
      pending: [{ migration: 'v3.1' }, { migration: 'v4.0' }],
      targets: [
        { id: 'v3.1', label: 'v3.1 (the next one)' },
        { id: 'v4.0', label: 'v4.0 (2 migrations, one after another)' },
      ],
      target: 'v3.1',
    });
    expect(view.chain.applied[0].when).toMatch(/2026/);
    expect(view.primary).toMatchObject({ action: 'next', label: 'Migrate to v3.1', enabled: true });

    const picked = derivePanel({ ...done, chosenTarget: 'v4.0' }, ctx);
    expect(picked.target).toBe('v4.0');
    expect(picked.primary).toMatchObject({ action: 'next', label: 'Migrate to v4.0', enabled: true });
    // A pick that is no longer pending falls back to the next one.
    expect(derivePanel({ ...done, chosenTarget: 'v3.0' }, ctx).target).toBe('v3.1');
    // No choice while a run is under way; nothing to pick with one migration left.
    expect(derivePanel({ ...done, driving: true, chosenTarget: 'v4.0' }, ctx).chain.targets).toEqual([]);
    const last = { ...info, pending: info.pending.slice(1) };
    expect(derivePanel({ ...done, schemaInfo: last }, ctx).chain.targets).toEqual([]);
    expect(derivePanel(input({ status: status('done') }), ctx).chain.show).toBe(false);
  });

  it('after an undo: the undone state, no stale checks or eligibility, the backup that still exists', () => {
    const eligibility: Eligibility = {
      eligible: false,
      days_since_migration: 0.001,
      window_days: 7,
      backup: { ...backup, exists: true },
      reason: 'The migration run r1 was already rolled back (2026-11-24T12:00:18.468Z).',
    };
    const history = [
      { kind: 'rollback', state: 'done', success: true },
      { kind: 'migration', state: 'done', backup },
    ];
    const plan21 = plan();
    const view = derivePanel(
      input({ status: status('rolled_back'), plan: plan21, verification: report, eligibility, history }),
      ctx,
    );
    expect(view.headline).toBe('Undone: the sheet is back at schema v2.1');
    expect(view.checks).toMatchObject({ show: false, report: null, canRun: false });
    expect(view.rollback).toMatchObject({ message: 'Already undone.', canRollBack: false, showForm: false });
    expect(view.backup).toEqual({ name: backup.name, url: backup.url });
    expect(view.primary).toMatchObject({ action: 'start', enabled: true });
    // Without an eligibility, the history names the backup.
    expect(derivePanel(input({ status: status('rolled_back'), history }), ctx).backup?.name).toBe(
      backup.name,
    );
  });

  it('undo is possible only when eligible, or outside the window with the override ticked', () => {
    const outside: Eligibility = {
      eligible: false,
      days_since_migration: 8.25,
      window_days: 7,
      backup: { ...backup, exists: true },
      reason: 'The migration finished 2026-11-16T12:00:00.000Z, 8.3 days ago.',
    };
    const base = { status: status('done'), eligibility: outside };
    const closed = derivePanel(input(base), ctx).rollback;
    expect(closed).toMatchObject({ canRollBack: false, offerOverride: true, showForm: true, tone: 'warn' });
    expect(closed.message).not.toMatch(/2026-11-16T/);
    expect(derivePanel(input({ ...base, overrideChecked: true }), ctx).rollback.canRollBack).toBe(true);
    expect(derivePanel(input({ ...base, overrideChecked: true, busy: true }), ctx).rollback.canRollBack).toBe(
      false,
    );
    const eligible = derivePanel(
      input({
        status: status('done'),
        eligibility: { ...outside, eligible: true, days_since_migration: 1.04, reason: null },
      }),
      ctx,
    );
    expect(eligible.rollback).toMatchObject({
      canRollBack: true,
      offerOverride: false,
      message: 'It can be undone: 1 days since the migration, of 7 allowed.',
    });
  });

  it('an undo under way: says so in its mode, outside the window too, and can go on unless the panel is busy', () => {
    const underWay: Eligibility = {
      eligible: false,
      days_since_migration: 8.25,
      window_days: 7,
      backup: { ...backup, exists: true },
      reason: 'The migration finished 8.3 days ago.',
      rollback_in_progress: { mode: 'full', started_at: T0 },
    };
    const view = derivePanel(input({ status: status('done'), eligibility: underWay }), ctx).rollback;
    expect(view).toMatchObject({ canRollBack: true, offerOverride: false, showForm: true, tone: 'warn' });
    expect(view.message).toMatch(/^An undo of the whole sheet is under way/);
    const columns = { ...underWay, rollback_in_progress: { mode: 'columns' as const, started_at: T0 } };
    expect(
      derivePanel(input({ status: status('done'), eligibility: columns }), ctx).rollback.message,
    ).toMatch(/^An undo of the new columns is under way/);
    const busy = derivePanel(input({ status: status('done'), eligibility: underWay, busy: true }), ctx);
    expect(busy.rollback.canRollBack).toBe(false);
  });

  it('failed: the step and the message in owner words, Resume and Start over', () => {
    const failed = status('failed', {
      error: { step: 'test_smoke', message: '3 cells differ.', next: 'Fix them and resume.' },
    });
    const view = derivePanel(input({ status: failed }), ctx);
    expect(view).toMatchObject({ phase: 'failed', tone: 'bad', restart: true });
    expect(view.detail).toBe('At “Final check”: 3 cells differ. Fix them and resume.');
    expect(view.primary).toMatchObject({ action: 'resume' });
  });

  it('names the steps of a later migration of the chain in the owner’s words, and an unknown one readably', () => {
    const v31 = status('running', { migration: 'v3.1' });
    v31.steps = [
      { name: 'fill_columns' as never, status: 'running', progress: { done: 10, total: 20 } },
      { name: 'rebuild_indexes' as never, status: 'pending' },
    ];
    const view = derivePanel(input({ status: v31, driving: true }), ctx);
    expect(view.steps.map((s) => s.label)).toEqual(['Fill the new columns', 'Rebuild indexes']);
    expect(
      derivePanel(input({ status: v31, driving: true }), { t: translator('es'), locale: 'es' }).steps[0]
        .label,
    ).toBe('Rellenar las columnas nuevas');
  });

  it('checks older than the run are not shown as the run’s', () => {
    const old = { ...report, timestamp: '2026-11-20T12:00:00.000Z' };
    expect(derivePanel(input({ status: status('done'), verification: old }), ctx).checks.report).toBeNull();
  });
});
