// The sidebar's entry: picks the language, fills the texts, wires the sections and loads the state.
import { App, messageOf } from './app';
import { byId } from './dom';
import { pickLanguage, translator } from './i18n';
import type { MessageKey } from './messages-en';
import { RollbackController } from './rollback-controller';
import { RunController } from './run-controller';
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

  const refreshAfterChange = async () => {
    await Promise.all([app.loadStatus().catch(() => undefined), app.loadHistory()]);
    await app.loadPlan();
    if (app.status?.state === 'done' || app.status?.state === 'rolled_back') await rollback.check();
  };
  run.onRunEnd = () => void refreshAfterChange();
  rollback.onRolledBack = () => void refreshAfterChange();
  verify.onVerified = () => void app.loadHistory();
  byId('preview-button').addEventListener('click', () => void app.loadPlan());

  const load = async () => {
    document.body.dataset.state = 'loading';
    byId('global-error').hidden = true;
    try {
      const status = await app.loadStatus();
      const [history] = await Promise.all([app.loadHistory(), settings.load()]);
      verify.show(latestReport(history));
      if (app.runInProgress()) {
        document.body.dataset.state = 'ready';
        await run.resume();
        return;
      }
      await app.loadPlan();
      if (status.state === 'done') await rollback.check();
      document.body.dataset.state = 'ready';
    } catch (e) {
      byId('global-error-text').textContent = t('error_message', { message: messageOf(e) });
      byId('global-error').hidden = false;
      document.body.dataset.state = 'error';
    }
  };
  byId('retry-button').addEventListener('click', () => void load());
  byId('refresh-button').addEventListener('click', () => {
    if (!app.looping) void load();
  });
  run.render();
  void load();
}

boot();
