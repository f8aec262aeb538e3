// The services of one execution, built from the Apps Script adapters. Every entry point starts here.
import type { Services, SpreadsheetPort, SpreadsheetsPort } from '../core/ports';
import { gasDocumentCache } from '../gas/cache';
import { gasDrive } from '../gas/drive';
import { gasDocumentLock } from '../gas/lock';
import { gasDocumentStore } from '../gas/properties';
import { consoleLogger, gasSession, systemClock } from '../gas/session';
import { gasSpreadsheets } from '../gas/spreadsheet';
import { gasTriggers } from '../gas/triggers';

function build(spreadsheets: SpreadsheetsPort, spreadsheetId?: string): Services {
  return {
    clock: systemClock,
    logger: consoleLogger(),
    spreadsheets,
    drive: gasDrive(),
    properties: gasDocumentStore(),
    cache: gasDocumentCache(),
    lock: gasDocumentLock(),
    triggers: gasTriggers(spreadsheetId),
    session: gasSession(),
  };
}

/** An execution started from the open spreadsheet (menu, sidebar). `active()` may be null outside one. */
export function servicesForActiveSpreadsheet(): Services {
  const all = gasSpreadsheets();
  let active: SpreadsheetPort | null | undefined;
  return build({
    active: () => {
      if (active === undefined) active = all.active();
      return active;
    },
    open: (id) => all.open(id),
  });
}

/**
 * An execution with no active spreadsheet (a time-driven trigger): the spreadsheet is opened by its stored id,
 * on first use, and stands in for the active one.
 */
export function servicesForSpreadsheetId(id: string): Services {
  const all = gasSpreadsheets();
  let target: SpreadsheetPort | null = null;
  return build(
    {
      active: () => {
        if (target === null) target = all.open(id);
        return target;
      },
      open: (otherId) => (otherId === id ? (target ?? (target = all.open(id))) : all.open(otherId)),
    },
    id,
  );
}
