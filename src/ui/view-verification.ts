// The verification report: one row per check, pass or fail, expected and actual, first differences.
import { CHECK_NAMES, type Check, type VerificationReport } from './contract';
import { el, replaceChildren, badge, type ViewContext } from './dom';
import { describeValue, differencesOf, editsOf, formatNumber, formatTime, isPresent } from './format';
import { checkLabel } from './labels';
import { verificationProgress } from './pending-loop';
import { pendingBar } from './view-run';

function checkNames(report: VerificationReport): string[] {
  const present = report.checks && typeof report.checks === 'object' ? Object.keys(report.checks) : [];
  const known = CHECK_NAMES.filter((name) => present.includes(name));
  return [...known, ...present.filter((name) => !(CHECK_NAMES as readonly string[]).includes(name))];
}

/** Numbers as the locale writes them; anything else as describeValue does. */
function valueText(value: unknown, locale: string): string {
  return typeof value === 'number' ? formatNumber(value, locale) : describeValue(value);
}

/**
 * A passed check's expectation in words ("0 on every data row") repeats its label; figures and lists are
 * worth showing either way.
 */
function shownExpectation(check: Check): unknown {
  return check.passed && typeof check.expected === 'string' ? undefined : check.expected;
}

function expectedActual(check: Check, ctx: ViewContext): HTMLElement | null {
  const actual = isPresent(check.actual) ? check.actual : check.found;
  const expected = shownExpectation(check);
  if (!isPresent(expected) && !isPresent(actual)) return null;
  const line = (label: string, value: unknown) =>
    isPresent(value)
      ? el(
          'div',
          {},
          el('span', { className: 'secondary', text: `${label}: ` }),
          valueText(value, ctx.locale),
        )
      : null;
  return el(
    'div',
    { className: 'check-values' },
    line(ctx.t('verify_expected'), expected),
    line(ctx.t('verify_actual'), actual),
  );
}

export function renderVerification(
  container: HTMLElement,
  report: VerificationReport | null,
  ctx: ViewContext,
): void {
  const { t, locale } = ctx;
  if (!report || !report.checks) {
    replaceChildren(
      container,
      el('p', { className: 'secondary', attrs: { id: 'verify-none' }, text: t('verify_none') }),
    );
    return;
  }
  const pending = verificationProgress(report);
  if (pending) {
    const figures = { done: formatNumber(pending.done, locale), total: formatNumber(pending.total, locale) };
    replaceChildren(
      container,
      el('p', { attrs: { id: 'verify-progress' }, text: t('verify_working') }),
      pendingBar(pending, t('verify_rows', figures), t('section_checks')),
    );
    return;
  }
  const names = checkNames(report);
  const failed = names.filter((name) => !report.checks[name]?.passed).length;
  const rows = names.map((name) => {
    const check = report.checks[name] ?? { passed: false };
    const differences = differencesOf(check, t);
    const edits = editsOf(check, t);
    const editCount = typeof check.total_edits === 'number' ? check.total_edits : edits.length;
    return el(
      'tr',
      { attrs: { 'data-check': name, 'data-passed': String(!!check.passed) } },
      el(
        'td',
        {},
        el('div', { className: 'check-name', text: checkLabel(t, name) }),
        expectedActual(check, ctx),
        differences.length
          ? el(
              'div',
              { className: 'differences' },
              el('div', { className: 'secondary', text: t('verify_differences') }),
              el('ol', {}, ...differences.map((d) => el('li', { text: d }))),
            )
          : null,
        edits.length
          ? el(
              'div',
              { className: 'edits' },
              el('div', {
                className: 'secondary',
                text: t('verify_edits', { count: formatNumber(editCount, ctx.locale) }),
              }),
              el('ol', {}, ...edits.map((d) => el('li', { text: d }))),
            )
          : null,
      ),
      el(
        'td',
        { className: 'check-result' },
        badge(check.passed ? t('verify_pass') : t('verify_fail'), check.passed ? 'ok' : 'bad'),
      ),
    );
  });
  const errors = Array.isArray(report.errors) ? report.errors : [];
  replaceChildren(
    container,
    el(
      'p',
      { className: failed === 0 ? 'ok-text' : 'error', attrs: { id: 'verify-summary' } },
      failed === 0
        ? t('verify_all_passed', { count: names.length })
        : t('verify_some_failed', { failed, count: names.length }),
    ),
    el('p', { className: 'secondary', text: t('verify_at', { time: formatTime(report.timestamp, locale) }) }),
    el(
      'table',
      { className: 'checks', attrs: { id: 'checks-table' } },
      el(
        'thead',
        {},
        el('tr', {}, el('th', { text: t('verify_check') }), el('th', { text: t('verify_result') })),
      ),
      el('tbody', {}, ...rows),
    ),
    errors.length
      ? el('ul', { className: 'notice-list error' }, ...errors.map((e) => el('li', { text: String(e) })))
      : null,
  );
}
