// The only door to the server: google.script.run, wrapped in promises.
// https://developers.google.com/apps-script/guides/html/reference/run
import type { ServerApi } from './contract';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [fn: string]: unknown;
}

interface ClientHost {
  google?: { script?: { run?: ScriptRunner } };
}

export class ServerError extends Error {}

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
      reject(new ServerError('google.script.run is not available: open this page from the add-on menu.'));
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

export function scriptRunServer(): ServerApi {
  return {
    getMigrationStatus: () => call('getMigrationStatus', []) as ReturnType<ServerApi['getMigrationStatus']>,
    previewMigration: () => call('previewMigration', []) as ReturnType<ServerApi['previewMigration']>,
    startMigration: (options) => call('startMigration', [options]) as ReturnType<ServerApi['startMigration']>,
    continueMigration: () => call('continueMigration', []) as ReturnType<ServerApi['continueMigration']>,
    verifyMigration: () => call('verifyMigration', []) as ReturnType<ServerApi['verifyMigration']>,
    checkRollbackEligibility: () =>
      call('checkRollbackEligibility', []) as ReturnType<ServerApi['checkRollbackEligibility']>,
    rollbackMigration: (options) =>
      call('rollbackMigration', [options]) as ReturnType<ServerApi['rollbackMigration']>,
    getMigrationHistory: () =>
      call('getMigrationHistory', []) as ReturnType<ServerApi['getMigrationHistory']>,
    getSchemaInfo: () => call('getSchemaInfo', []) as ReturnType<ServerApi['getSchemaInfo']>,
    getMigrationConfig: () => call('getMigrationConfig', []) as ReturnType<ServerApi['getMigrationConfig']>,
    setMigrationConfig: (partial) =>
      call('setMigrationConfig', [partial]) as ReturnType<ServerApi['setMigrationConfig']>,
  };
}
