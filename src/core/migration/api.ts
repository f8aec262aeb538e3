// The migration's public operations on injected services: the entry points wire Apps Script to these.
import { messagesFor, translator, type Translate } from '../messages';
import type { ContinueOptions, HistoryEntry, MigrationConfig, Plan, StartOptions, Status } from '../contract';
import { readHistory } from '../history';
import type { Services } from '../ports';
import { readConfig, saveConfig, validateConfigPatch } from '../state/config';
import { assertSettingsMayChange } from './config-guard';
import { busyMessage, withDocumentLock } from '../slice/lock';
import { previewChain } from './preview';
import { runSlice } from './run';
import { plain } from './status';
import { liveStatus } from './pause';
import { targetMigration } from './chain';

/** Checks startMigration's argument: nothing, or {force?: boolean, target?: 'v4.0'}. */
export function validateStartOptions(options: unknown, t: Translate = translator('en')): StartOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw new Error(t('start_options_shape'));
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'force' && key !== 'target' && key !== 'live') {
      throw new Error(t('start_option_unknown', { key }));
    }
    if ((key === 'force' || key === 'live') && typeof value !== 'boolean') {
      throw new Error(
        t('option_boolean', { key, name: 'startMigration', got: String(JSON.stringify(value)) }),
      );
    }
    if (key === 'target' && typeof value !== 'string') {
      throw new Error(t('option_target', { name: 'startMigration', got: String(JSON.stringify(value)) }));
    }
  }
  const { force, target, live } = options as StartOptions;
  return { force: force === true, ...(target !== undefined ? { target } : {}), ...(live ? { live } : {}) };
}

/** Checks continueMigration's and resumeMigration's argument: nothing, or {live: boolean}. */
export function validateContinueOptions(
  options: unknown,
  name: string,
  t: Translate = translator('en'),
): ContinueOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(t('continue_options_shape', { name }));
  }
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'live') throw new Error(t('continue_option_unknown', { key, name }));
    if (typeof value !== 'boolean') {
      throw new Error(t('option_boolean', { key: 'live', name, got: String(JSON.stringify(value)) }));
    }
  }
  return (options as ContinueOptions).live ? { live: true } : {};
}

/** The dry run: reads only (no cell, file, property, cache entry or trigger is written). */
export function previewMigration(services: Services, options?: unknown): Plan {
  return previewChain(services, options);
}

export function startMigration(services: Services, options?: unknown): Status {
  const t = messagesFor(services.session);
  const { force, target, live } = validateStartOptions(options, t);
  return runSlice(services, {
    kind: 'start',
    force: force === true,
    target: targetMigration(target, t),
    live: live === true,
  });
}

export function continueMigration(services: Services, options?: unknown): Status {
  const { live } = validateContinueOptions(options, 'continueMigration', messagesFor(services.session));
  return runSlice(services, { kind: 'continue', live: live === true });
}

/** The owner's explicit resume: continues the run in progress from its checkpoint, paused by them or not. */
export function resumeMigration(services: Services, options?: unknown): Status {
  const { live } = validateContinueOptions(options, 'resumeMigration', messagesFor(services.session));
  return runSlice(services, { kind: 'start', force: false, target: null, live: live === true, resume: true });
}

export function resumeFromTrigger(services: Services, triggerUid: string | null): Status {
  return runSlice(services, { kind: 'trigger', triggerUid });
}

export function migrationStatus(services: Services): Status {
  return liveStatus(services, services.properties.getAll());
}

export function migrationConfig(services: Services): MigrationConfig {
  return plain(readConfig(services.properties.getAll()));
}

/** Settings are written under the document lock, and those a run depends on not while one is in progress. */
export function updateMigrationConfig(services: Services, partial: unknown): MigrationConfig {
  const t = messagesFor(services.session);
  const patch = validateConfigPatch(partial, t);
  return withDocumentLock(
    services.lock,
    () => {
      const all = services.properties.getAll();
      const current = readConfig(all);
      assertSettingsMayChange(all, current, patch, t);
      return plain(
        saveConfig(
          services.properties,
          current,
          patch,
          (folderId) => services.drive.assertFolder(folderId),
          t,
        ),
      );
    },
    () => {
      throw new Error(busyMessage(t, 'settings'));
    },
  );
}

export function migrationHistory(services: Services): HistoryEntry[] {
  return plain(readHistory(services.properties.getAll()));
}
