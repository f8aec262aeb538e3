// test_smoke: the sheet read back through the column map and verified in full (every row against the backup),
// resumable across executions. A failed check fails the step, with the report's errors as the message.
import { VERIFY_CURSOR_KEY } from '../state/keys';
import { startOverHow } from './types';
import { messagesFor } from '../messages';
import { stepOf } from './checkpoint';
import type { RunContext } from './context';
import { readBaseline } from './checkpoint';
import type { PhaseOutcome } from '../slice/phases';
import type { CachePort } from '../ports';
import { advanceVerification, encodeCursor, parseCursor, reportCheck, startVerification } from '../verify';
import { topUpAppendedRows } from './top-up';

function memoryCache(): CachePort {
  const entries = new Map<string, string>();
  return {
    get: (key) => entries.get(key) ?? null,
    put: (key, value) => {
      entries.set(key, value);
    },
    remove: (key) => {
      entries.delete(key);
    },
  };
}

export function testSmoke(ctx: RunContext): PhaseOutcome {
  const baseline = readBaseline(ctx.store.all());
  if (!baseline) {
    const t = messagesFor(ctx.services.session);
    throw new Error(t('smoke_no_baseline', { start_over: startOverHow(t) }));
  }
  // The report's time (and file name) is fixed when the baseline was recorded, so a verification repeated after
  // a crash finds the report file it already wrote instead of writing a second one.
  const startedAt = stepOf(ctx, 'backup').completed_at ?? ctx.checkpoint.started_at;
  const stored = parseCursor(ctx.store.get(VERIFY_CURSOR_KEY));
  // Rows appended since the fill get their new columns before the first read; those appended later are listed.
  const filledThrough = stored ? ctx.checkpoint.filled_through : topUpAppendedRows(ctx);
  const cursor = stored ?? startVerification(baseline, startedAt);
  // the run's writes, as the guard recorded them: the check proves they lie inside the new columns
  const checked = { ...baseline, written: ctx.checkpoint.written ?? {} };
  let held = false;
  let finished = false;
  try {
    // The column map is fresh in this run: the verification keeps it in memory rather than in the document cache.
    const services = { ...ctx.services, cache: memoryCache() };
    const plan = ctx.plan;
    // The plan read the whole sheet and the columns were inserted in this execution: its width is known, and the
    // top-up just read its last row.
    const extent =
      ctx.planValues && ctx.insertedThisExecution && !stored && filledThrough !== undefined
        ? { lastRow: filledThrough, lastColumn: plan.last_column + plan.to_add.length }
        : undefined;
    const result = advanceVerification(services, ctx.spec, checked, cursor, ctx.budget.deadlineMs, {
      backupChecked: ctx.backupChecked,
      filledThrough,
      reads: ctx.reads,
      extent,
      beforeReport: () => {
        const answer = ctx.beforeReport();
        // The report's history entry and summary go out with the run's final write.
        ctx.store.hold();
        held = true;
        return answer;
      },
    });
    const record = stepOf(ctx, 'verify');
    const total = result.cursor.layout?.data_rows ?? baseline.data_rows;
    record.progress = { done: Math.min(result.cursor.next_row, total), total };
    if (!result.report) {
      ctx.stage(VERIFY_CURSOR_KEY, encodeCursor(result.cursor));
      return 'paused';
    }
    const report = result.report;
    ctx.checkpoint.report = {
      success: report.success,
      timestamp: report.timestamp,
      errors: report.errors.slice(0, 3),
      file_id: (reportCheck(report).file_id as string | undefined) ?? null,
    };
    ctx.touch();
    if (!report.success) {
      throw new Error(
        messagesFor(ctx.services.session)('verification_failed_stop', {
          errors: report.errors.slice(0, 3).join(' '),
        }),
      );
    }
    finished = true;
    return 'done';
  } finally {
    // A finished verification's writes go out with the run's final write; otherwise now.
    if (held && !finished) ctx.store.release();
  }
}
