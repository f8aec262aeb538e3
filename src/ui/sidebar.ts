// The panel's entry: picks the language, fills the texts, wires the sections and loads the state.
import { App, messageOf } from './app';
import { byId } from './dom';
import { pickLanguage, translator } from './i18n';
import type { MessageKey } from './messages-en';
import { RollbackController } from './rollback-controller';
import { RunController } from './run-controller';
import { inProgress, pausedByOwner } from './run-loop';
import { scriptRunServer } from './server';
import { SettingsController } from './settings-controller';
import { latestReport, VerifyController } from './verify-controller';

function localeSources() {
  return {
    query: new URLSearchParams(window.location.search).get('hl'),
    dataLocale: document.documentElement.getAttribute('data-locale'),
    navigatorLanguage: navigator.language,
  };
}

/** The session's locale (es_CL -> es-CL) for Intl, when it is of the panel's language; else the language. */
function formattingLocale(language: string, sources: ReturnType<typeof localeSources>): string {
  for (const candidate of [sources.query, sources.dataLocale, sources.navigatorLanguage]) {
    if (candidate && candidate.toLowerCase().startsWith(language)) {
      try {
        return Intl.NumberFormat.supportedLocalesOf([candidate.replace('_', '-')])[0] ?? language;
      } catch {
        return language;
      }
    }
  }
  return language;
}

function boot(): void {
  const sources = localeSources();
  const language = pickLanguage(sources);
  const t = translator(language);
  document.documentElement.lang = language;
  document.title = t('app_title');
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    node.textContent = t(node.dataset.i18n as MessageKey);
  });

  const app = new App(scriptRunServer(), { t, locale: formattingLocale(language, sources) });
  const run = new RunController(app);
  const verify = new VerifyController(app);
  const rollback = new RollbackController(app);
  const settings = new SettingsController(app);

  /** Everything that follows from the status: the plan of what is next, the checks, whether undo is possible. */
  const loadDependents = async () => {
    const phase = app.view.phase;
    const next = app.state.schemaInfo?.pending?.length ?? 0;
    const tasks: Promise<unknown>[] = [];
    if (phase !== 'done' || next > 0) tasks.push(app.loadPlan());
    else app.update({ plan: null });
    if (phase === 'done' || phase === 'failed') tasks.push(app.loadEligibility());
    await Promise.all(tasks);
  };
  const refresh = async () => {
    const [, history] = await Promise.all([app.loadStatus(), app.loadHistory(), app.loadSchemaInfo()]);
    app.update({ verification: latestReport(history) });
    await loadDependents();
  };
  run.onRunEnd = () => void refresh().catch(() => undefined);
  rollback.onRolledBack = refresh;
  verify.onVerified = () => app.loadHistory();

  const load = async () => {
    document.body.dataset.state = 'loading';
    byId('global-error').hidden = true;
    try {
      const [status, history] = await Promise.all([
        app.loadStatus(),
        app.loadHistory(),
        app.loadSchemaInfo(),
        settings.load(),
      ]);
      app.update({ verification: latestReport(history) });
      if (inProgress(status) && !pausedByOwner(status)) {
        document.body.dataset.state = 'ready';
        await run.resume();
        return;
      }
      await loadDependents();
      document.body.dataset.state = 'ready';
      const underWay = app.state.eligibility?.rollback_in_progress;
      if (underWay) await rollback.carryOn(underWay.mode === 'full' ? 'full' : 'columns');
    } catch (e) {
      byId('global-error-text').textContent = t('error_message', { message: messageOf(e, app.ctx) });
      byId('global-error').hidden = false;
      document.body.dataset.state = 'error';
    }
  };
  byId('retry-button').addEventListener('click', () => void load());
  byId('refresh-button').addEventListener('click', () => {
    if (!app.state.driving) void load();
  });
  app.render();
  void load();
}

boot();
