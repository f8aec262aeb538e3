// The migration's public operations on injected services: the entry points wire Apps Script to these.
import { messagesFor } from '../messages';
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
export function validateStartOptions(options: unknown): StartOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new Error("startMigration takes nothing or an object such as {force: true} or {target: 'v4.0'}.");
  }
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'force' && key !== 'target' && key !== 'live') {
      throw new Error(
        `Unknown option "${key}" for startMigration: the options are force (true to start over), target ` +
          "(the migration to run up to, such as 'v4.0') and live (true to save progress as it goes).",
      );
    }
    if ((key === 'force' || key === 'live') && typeof value !== 'boolean') {
      throw new Error(
        `Option "${key}" of startMigration must be true or false, got ${JSON.stringify(value)}.`,
      );
    }
    if (key === 'target' && typeof value !== 'string') {
      throw new Error(
        `Option "target" of startMigration must be a migration id such as 'v4.0', got ${JSON.stringify(value)}.`,
      );
    }
  }
  const { force, target, live } = options as StartOptions;
  return { force: force === true, ...(target !== undefined ? { target } : {}), ...(live ? { live } : {}) };
}

/** Checks continueMigration's and resumeMigration's argument: nothing, or {live: boolean}. */
export function validateContinueOptions(options: unknown, name: string): ContinueOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${name} takes nothing or {live: true}.`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'live') {
      throw new Error(
        `Unknown option "${key}" for ${name}: the only option is live (true to save progress as it goes).`,
      );
    }
    if (typeof value !== 'boolean') {
      throw new Error(`Option "live" of ${name} must be true or false, got ${JSON.stringify(value)}.`);
    }
  }
  return (options as ContinueOptions).live ? { live: true } : {};
}

/** The dry run: reads only (no cell, file, property, cache entry or trigger is written). */
export function previewMigration(services: Services, options?: unknown): Plan {
  return previewChain(services, options);
}

export function startMigration(services: Services, options?: unknown): Status {
  const { force, target, live } = validateStartOptions(options);
  return runSlice(services, {
    kind: 'start',
    force: force === true,
    target: targetMigration(target),
    live: live === true,
  });
}

export function continueMigration(services: Services, options?: unknown): Status {
  const { live } = validateContinueOptions(options, 'continueMigration');
  return runSlice(services, { kind: 'continue', live: live === true });
}

/** The owner's explicit resume: continues the run in progress from its checkpoint, paused by them or not. */
export function resumeMigration(services: Services, options?: unknown): Status {
  const { live } = validateContinueOptions(options, 'resumeMigration');
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
  const patch = validateConfigPatch(partial);
  return withDocumentLock(
    services.lock,
    () => {
      const all = services.properties.getAll();
      const current = readConfig(all);
      assertSettingsMayChange(all, current, patch);
      return plain(
        saveConfig(services.properties, current, patch, (folderId) => services.drive.assertFolder(folderId)),
      );
    },
    () => {
      throw new Error(busyMessage(messagesFor(services.session), 'settings'));
    },
  );
}

export function migrationHistory(services: Services): HistoryEntry[] {
  return plain(readHistory(services.properties.getAll()));
}
