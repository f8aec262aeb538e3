// The only door to the server: google.script.run, wrapped in promises.
// https://developers.google.com/apps-script/guides/html/reference/run
import type { PanelServer } from './contract';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [fn: string]: unknown;
}

interface ClientHost {
  google?: { script?: { run?: ScriptRunner } };
}

/** `notInPanel`: the page was opened outside the add-on, so there is no google.script.run. */
export class ServerError extends Error {
  constructor(
    message: string,
    readonly notInPanel = false,
  ) {
    super(message);
  }
}

function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

function call(fn: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const run = (globalThis as ClientHost).google?.script?.run;
    if (!run) {
      reject(new ServerError('google.script.run is not available.', true));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value))
      .withFailureHandler((error) => reject(new ServerError(messageOf(error))));
    const target = runner[fn];
    if (typeof target !== 'function') {
      reject(new ServerError(`The server has no function ${fn}.`));
      return;
    }
    (target as (...a: unknown[]) => void).apply(runner, args);
  });
}

type Result<Name extends keyof PanelServer> = ReturnType<PanelServer[Name]>;

export function scriptRunServer(): PanelServer {
  return {
    getMigrationStatus: () => call('getMigrationStatus', []) as Result<'getMigrationStatus'>,
    getSchemaInfo: () => call('getSchemaInfo', []) as Result<'getSchemaInfo'>,
    previewMigration: () => call('previewMigration', []) as Result<'previewMigration'>,
    startMigration: (options) => call('startMigration', [options]) as Result<'startMigration'>,
    continueMigration: (options) => call('continueMigration', [options]) as Result<'continueMigration'>,
    pauseMigration: () => call('pauseMigration', []) as Result<'pauseMigration'>,
    resumeMigration: (options) => call('resumeMigration', [options]) as Result<'resumeMigration'>,
    verifyMigration: () => call('verifyMigration', []) as Result<'verifyMigration'>,
    checkRollbackEligibility: () =>
      call('checkRollbackEligibility', []) as Result<'checkRollbackEligibility'>,
    rollbackMigration: (options) => call('rollbackMigration', [options]) as Result<'rollbackMigration'>,
    getMigrationHistory: () => call('getMigrationHistory', []) as Result<'getMigrationHistory'>,
    getMigrationConfig: () => call('getMigrationConfig', []) as Result<'getMigrationConfig'>,
    setMigrationConfig: (partial) => call('setMigrationConfig', [partial]) as Result<'setMigrationConfig'>,
  };
}
