// The migration's public operations on injected services: the entry points wire Apps Script to these.
import type { HistoryEntry, MigrationConfig, Plan, StartOptions, Status } from '../contract';
import { readHistory } from '../history';
import type { Services } from '../ports';
import type { MigrationSpec } from '../spec/migration-spec';
import { readConfig, saveConfig } from './config';
import { planFromFacts, readPlanFacts, targetSpreadsheet } from './plan';
import { runSlice } from './run';
import { currentStatus, plain } from './status';

/** Checks startMigration's argument: nothing, or {force: boolean}. */
export function validateStartOptions(options: unknown): StartOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new Error('startMigration takes nothing or an object such as {force: true}.');
  }
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'force') {
      throw new Error(
        `Unknown option "${key}" for startMigration: the only option is force (true to start over).`,
      );
    }
    if (typeof value !== 'boolean') {
      throw new Error(
        `Option "force" of startMigration must be true or false, got ${JSON.stringify(value)}.`,
      );
    }
  }
  return { force: (options as StartOptions).force === true };
}

/** The dry run: reads only (no cell, file, property, cache entry or trigger is written). */
export function previewMigration(services: Services, spec: MigrationSpec): Plan {
  const config = readConfig(services.properties.getAll());
  const spreadsheet = targetSpreadsheet(services);
  const facts = readPlanFacts(services, spreadsheet, spec, config);
  return plain(planFromFacts(facts, spec, config, services.clock.now()).plan);
}

export function startMigration(services: Services, spec: MigrationSpec, options?: unknown): Status {
  const { force } = validateStartOptions(options);
  return runSlice(services, spec, { kind: 'start', force: force === true });
}

export function continueMigration(services: Services, spec: MigrationSpec): Status {
  return runSlice(services, spec, { kind: 'continue' });
}

export function resumeFromTrigger(
  services: Services,
  spec: MigrationSpec,
  triggerUid: string | null,
): Status {
  return runSlice(services, spec, { kind: 'trigger', triggerUid });
}

export function migrationStatus(services: Services, spec: MigrationSpec): Status {
  return currentStatus(spec, services.properties.getAll(), new Date(services.clock.now()).toISOString());
}

export function migrationConfig(services: Services): MigrationConfig {
  return plain(readConfig(services.properties.getAll()));
}

export function updateMigrationConfig(services: Services, partial: unknown): MigrationConfig {
  const current = readConfig(services.properties.getAll());
  return plain(
    saveConfig(services.properties, current, partial, (folderId) => services.drive.assertFolder(folderId)),
  );
}

export function migrationHistory(services: Services): HistoryEntry[] {
  return plain(readHistory(services.properties.getAll()));
}
