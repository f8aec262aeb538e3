// getSchemaInfo(): the chain as this spreadsheet sees it. Reads only.
import { SCHEMA_VERSION_KEY } from '../state/keys';
import { headerText } from '../column-map';
import type { HistoryEntry, SchemaInfo } from '../contract';
import { readHistory } from '../history';
import { readConfig } from '../state/config';
import type { Services, SpreadsheetPort } from '../ports';
import { targetSpreadsheet } from './plan-facts';
import { isCompletedRollbackOf } from '../state/run-record';
import { latestMigration } from '../migrations/registry';
import { type HeaderReader, type SchemaReading, readSchema } from '../migrations/schema';
import { describedIn } from '../migrations/description';
import type { Migration } from '../migrations/types';
import { languageFor } from '../messages';

/** Reads each sheet's header row once (2 round trips a sheet), on first use. */
export function headerReader(spreadsheet: SpreadsheetPort, headerRow: number): HeaderReader {
  const read = new Map<string, string[] | null>();
  return (name) => {
    if (read.has(name)) return read.get(name) ?? null;
    const sheet = spreadsheet.sheet(name);
    let headers: string[] | null = null;
    if (sheet) {
      const lastColumn = sheet.extent ? sheet.extent().lastColumn : sheet.dimensions().lastColumn;
      headers = lastColumn > 0 ? sheet.readValues(headerRow, 1, 1, lastColumn)[0].map(headerText) : [];
    }
    read.set(name, headers);
    return headers;
  };
}

export function readSpreadsheetSchema(spreadsheet: SpreadsheetPort, targetSheet: string): SchemaReading {
  return readSchema(
    spreadsheet.metadata(SCHEMA_VERSION_KEY),
    headerReader(spreadsheet, latestMigration().header_row),
    targetSheet,
  );
}

/** The run that applied `migration` and was not rolled back since, newest first in the history. */
export function applyingRun(history: HistoryEntry[], migration: string): HistoryEntry | null {
  for (const entry of history) {
    if (entry.kind !== 'migration' || entry.migration !== migration || entry.state !== 'done') continue;
    const rolledBack = history.some((other) => isCompletedRollbackOf(other, entry.run_id));
    return rolledBack ? null : entry;
  }
  return null;
}

/** `describe`: a pending migration's description in the owner's language (asked only when one is pending). */
export function schemaInfo(
  spreadsheet: SpreadsheetPort,
  all: Record<string, string>,
  describe: (migration: Migration) => string = (migration) => migration.description,
): SchemaInfo {
  const config = readConfig(all);
  const reading = readSpreadsheetSchema(spreadsheet, config.target_sheet);
  const history = readHistory(all);
  return {
    current: reading.current,
    source: reading.source,
    latest: latestMigration().id,
    applied: reading.applied.map((spec) => {
      const run = applyingRun(history, spec.id);
      const backup = run?.backup as { file_id?: string; name?: string; url?: string } | undefined;
      return {
        migration: spec.id,
        completed_at: run?.completed_at ?? null,
        backup:
          backup && backup.file_id
            ? { file_id: backup.file_id, name: backup.name ?? '', url: backup.url ?? '' }
            : null,
      };
    }),
    pending: reading.pending.map((spec) => ({
      migration: spec.id,
      from: spec.from,
      description: describe(spec),
    })),
    ...(reading.partial ? { partial: reading.partial } : {}),
  };
}

/** getSchemaInfo() on injected services: reads the properties once, the metadata, and header rows if needed. */
export function currentSchemaInfo(services: Services): SchemaInfo {
  return schemaInfo(targetSpreadsheet(services), services.properties.getAll(), (migration) =>
    describedIn(migration, languageFor(services.session)),
  );
}
