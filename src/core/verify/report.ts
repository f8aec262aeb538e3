import { messagesFor, type Translate } from '../messages';
import { LAST_VERIFICATION_KEY } from '../state/keys';
import type { Baseline } from '../baseline';
import { appendHistory } from '../history';
import { utf8Bytes } from '../state/property-size';
import type { KeyValueStore, Services } from '../ports';
import { assembleChecks, errorsOf } from './assemble';
import { otherSheetChecks } from './checks/other-sheets';
import type { OtherIntact } from './checks/other-intact';
import type { Check, VerificationReport } from '../contract';
import type { CheckKind } from '../migrations/types';
import type { MigrationSpec } from '../migrations/migration-spec';
import type { VerificationCursor } from './types';

/** Where the sidebar finds the latest verification; outside `migration.*`, which is cleared after a run. */
/** Room for the summary in one history entry (../state/property-size.ts), beside the entry's other fields. */
const MAX_SUMMARY_BYTES = 7000;
const REPORT_MIME_TYPE = 'application/json';

export function reportFileName(baseline: Baseline, startedAt: string): string {
  return `${baseline.backup.name} - verification ${startedAt.replace(/:/g, '-')}.json`;
}

function sameJson(text: string, expected: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(expected);
  } catch {
    return false;
  }
}

/** The check each kind is computed as (v3.0's names, which its spec keeps), before the spec names it. */
const COMPUTED_AS: Record<CheckKind, string> = {
  column_count: 'column_count',
  new_headers: 'new_headers',
  counter: 'versions',
  paired: 'occupation_empty',
  values: 'values',
  data_intact: 'v21_data_intact',
  column_mapping: 'column_mapping',
  sheet_structure: 'sheet_structure',
  computed_values: 'computed_values',
  report: 'report',
};

function withReportCheck(
  base: { timestamp: string; dry_run: boolean },
  checks: object,
  report: Check,
  spec: MigrationSpec,
  t: Translate,
): VerificationReport {
  const computed = { ...checks, report } as Record<string, Check>;
  // the spec's checks, in its order and under its names (v3.0: the original verifier's)
  const named: Record<string, Check> = {};
  const renames: [string, string][] = [];
  for (const check of spec.checks) {
    named[check.name] = computed[COMPUTED_AS[check.does]];
    renames.push([COMPUTED_AS[check.does], check.name]);
  }
  const kept = new Set(renames.map(([from]) => from));
  const errors = errorsOf(computed as Partial<VerificationReport['checks']>, t)
    .map((error) => {
      const [from, to] = renames.find(([name]) => error.startsWith(`${name}:`)) ?? ['', ''];
      if (!kept.has(from)) return null;
      return from === to ? error : `${to}${error.slice(from.length)}`;
    })
    .filter((error): error is string => error !== null);
  const success = Object.values(named).every((check) => check.passed);
  return {
    timestamp: base.timestamp,
    dry_run: base.dry_run,
    checks: named as VerificationReport['checks'],
    success,
    errors,
  };
}

/**
 * Saves the report as JSON next to the backup, in the original verifier's format (timestamp, dry_run, checks,
 * success, errors). The saved copy's `report` check says where it was saved; the returned copy adds the file id
 * and url. A re-run after a crash finds the file it already wrote (same name: the verification's start time) and
 * reads it back to tell whether it holds this report (else it writes this one). `beforeReport` says when no earlier
 * attempt can have written it: then the file is created without the search and not read back. Folder.createFile
 * "creates a file in the current folder with the given name, contents, and MIME type" and returns it, or throws
 * (https://developers.google.com/apps-script/reference/drive/folder#createFile(String,String,String)): the id and
 * url it returns are the proof that the report is in the backup's folder, where the sidebar and a person find it.
 */
function saveReport(
  services: Services,
  spec: MigrationSpec,
  baseline: Baseline,
  cursor: VerificationCursor,
  checks: object,
  beforeReport?: () => { mayExist: boolean },
) {
  const base = { timestamp: cursor.started_at, dry_run: cursor.dry_run };
  const t = messagesFor(services.session);
  const name = reportFileName(baseline, cursor.started_at);
  let folderId = baseline.backup.folder_id;
  // outside the try: the caller's own failure (recording its intent) is not the report's
  const mayExist = beforeReport ? beforeReport().mayExist : true;
  try {
    if (!folderId) folderId = services.drive.parentFolderId(baseline.backup.file_id) ?? '';
    if (!folderId) throw new Error(t('report_no_folder'));
    const saved = withReportCheck(
      base,
      checks,
      { passed: true, file_name: name, folder_id: folderId },
      spec,
      t,
    );
    const content = JSON.stringify(saved, null, 2);
    const drive = services.drive;
    let file: { id: string; url: string } | null = null;
    let readBack = '';
    if (!mayExist) {
      // no earlier attempt can have written it: no need to look for it by name, nor to read it back
      file = drive.createTextFile(folderId, name, content, REPORT_MIME_TYPE);
      return withReportCheck(
        base,
        checks,
        {
          passed: true,
          file_name: name,
          folder_id: folderId,
          file_id: file.id,
          url: file.url,
        },
        spec,
        t,
      );
    } else if (drive.findOrCreateTextFile) {
      const found = drive.findOrCreateTextFile(folderId, name, content, REPORT_MIME_TYPE);
      file = found;
      readBack = found.text;
    } else {
      file = drive.findFileInFolder(folderId, name);
      readBack = file ? drive.readText(file.id) : '';
    }
    // a file of that name holding another report (the sheet changed between attempts): write this one too
    if (!file || !sameJson(readBack, saved)) {
      file = drive.createTextFile(folderId, name, content, REPORT_MIME_TYPE);
      readBack = drive.readText(file.id);
    }
    const equal = sameJson(readBack, saved);
    return withReportCheck(
      base,
      checks,
      {
        passed: equal,
        file_name: name,
        folder_id: folderId,
        file_id: file.id,
        url: file.url,
        ...(equal ? {} : { problem: t('report_not_read_back', { name }) }),
      },
      spec,
      t,
    );
  } catch (error) {
    return withReportCheck(
      base,
      checks,
      {
        passed: false,
        file_name: name,
        folder_id: folderId,
        problem: t('report_not_saved', {
          folder: folderId || t('plan_folder_unknown'),
          error: (error as Error).message.replace(/\.$/, ''),
        }),
      },
      spec,
      t,
    );
  }
}

function shortened(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 199)}…` : value;
  if (Array.isArray(value)) return value.slice(0, 5).map((item) => shortened(item, depth + 1));
  if (value && typeof value === 'object' && depth < 4) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = shortened(item, depth + 1);
    return out;
  }
  return value;
}

/** The report cut to fit one property and one history entry: first examples only, exact counts kept. */
export function summariseReport(report: VerificationReport): VerificationReport {
  const summary = shortened(report) as VerificationReport;
  if (utf8Bytes(JSON.stringify(summary)) <= MAX_SUMMARY_BYTES) return summary;
  const bare = { ...summary, checks: { ...summary.checks } };
  for (const name of Object.keys(bare.checks)) {
    const check = { ...(bare.checks as Record<string, Check>)[name] };
    for (const key of Object.keys(check)) if (Array.isArray(check[key])) delete check[key];
    (bare.checks as Record<string, Check>)[name] = check;
  }
  bare.errors = bare.errors.map((e) => e.slice(0, 300)).slice(0, 3);
  return bare;
}

/** Builds, saves and records the report of a finished scan: Drive file, `verification.last`, history entry. */
export function finishReport(
  services: Services,
  spec: MigrationSpec,
  baseline: Baseline,
  cursor: VerificationCursor,
  beforeReport?: () => { mayExist: boolean },
): VerificationReport {
  const checks = withOtherSheets(
    assembleChecks(cursor, baseline, spec, messagesFor(services.session)),
    otherSheetChecks(services, spec, baseline, cursor.mode),
  );
  const report = saveReport(services, spec, baseline, cursor, checks, beforeReport);
  const summary = summariseReport(report);
  const completedAt = new Date(services.clock.now()).toISOString();
  const store = services.properties;
  const last = { [LAST_VERIFICATION_KEY]: JSON.stringify(summary) };
  // the summary goes out in the same write as the history entry: one round trip
  const withSummary: KeyValueStore = {
    getAll: () => store.getAll(),
    get: (key) => store.get(key),
    setMany: (values) => store.setMany({ ...last, ...values }),
    delete: (key) => store.delete(key),
  };
  appendHistory(withSummary, store.getAll(), {
    kind: 'verification',
    run_id: baseline.run_id,
    started_at: cursor.started_at,
    completed_at: completedAt,
    state: report.success ? 'passed' : 'failed',
    mode: cursor.mode,
    file_id: (reportCheck(report).file_id as string | undefined) ?? null,
    report: summary,
  });
  services.logger.info(
    `Verification of ${baseline.sheet_name} (${cursor.mode}): ${report.success ? 'passed' : 'failed'}` +
      `${report.errors.length ? ` - ${report.errors.join(' ')}` : ''}`,
  );
  return report;
}

/** The checks of the other sheets beside the target sheet's; their added columns' values join `values`. */
function withOtherSheets(checks: Record<string, Check>, others: ReturnType<typeof otherSheetChecks>): object {
  const merged: Record<string, Check> = { ...checks };
  if (others.sheet_structure) merged.sheet_structure = others.sheet_structure;
  if (others.computed_values) merged.computed_values = others.computed_values;
  const intact = merged.v21_data_intact;
  if (others.other_intact && intact) merged.v21_data_intact = withOtherCells(intact, others.other_intact);
  if (others.other_values && merged.values) {
    const values = merged.values;
    const invalid = others.other_values.invalid;
    merged.values = {
      ...values,
      passed: values.passed && invalid.count === 0,
      rows_checked: Number(values.rows_checked ?? 0) + others.other_values.checked,
      invalid: Number(values.invalid ?? 0) + invalid.count,
      invalid_rows: [...((values.invalid_rows as unknown[]) ?? []), ...invalid.first].slice(0, 100),
    };
  }
  return merged;
}

/**
 * The other sheets' cells joined to the target sheet's intact check: with the run's writes proven inside its new
 * columns a difference is someone's edit (listed with the others); without that proof it fails the check.
 */
function withOtherCells(intact: Check, other: OtherIntact): Check {
  const proven = intact.writes_confined === true;
  const found = other.differences;
  const listed = (field: string) => [...((intact[field] as unknown[]) ?? []), ...found.first].slice(0, 100);
  return {
    ...intact,
    passed: intact.passed && other.problem === null && (proven || found.count === 0),
    other_sheets_rows_compared: other.rows_compared,
    ...(other.problem ? { other_sheets_problem: other.problem } : {}),
    ...(proven
      ? { total_edits: Number(intact.total_edits ?? 0) + found.count, edits: listed('edits') }
      : {
          total_differences: Number(intact.total_differences ?? 0) + found.count,
          differences: listed('differences'),
        }),
  };
}

/** The report's own check, whatever the spec names it. */
export function reportCheck(report: { checks: Record<string, Check> | VerificationReport['checks'] }): Check {
  const checks = Object.values(report.checks as Record<string, Check>);
  return checks[checks.length - 1];
}
