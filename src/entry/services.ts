// The services of one execution, built from the Apps Script adapters. Every entry point starts here.
import { messagesFor } from '../core/messages';
import type { KeyValueStore, Services, SessionPort, SpreadsheetPort, SpreadsheetsPort } from '../core/ports';
import { gasDocumentCache } from '../gas/cache';
import { gasDrive } from '../gas/drive';
import { gasMail } from '../gas/mail';
import { gasDocumentLock } from '../gas/lock';
import { gasDocumentStore, gasUserStore } from '../gas/properties';
import { consoleLogger, gasSession, systemClock } from '../gas/session';
import { gasSpreadsheets } from '../gas/spreadsheet';
import { gasTriggers } from '../gas/triggers';

/** Stores an entry point has opened (and read) already: the execution goes on with them. */
export interface OpenedStores {
  documentStore?: KeyValueStore;
  /** What `documentStore.getAll()` just returned: its first getAll() answers with it instead of reading again. */
  documentAll?: Record<string, string> | null;
  userStore?: KeyValueStore;
}

function answeredOnce(store: KeyValueStore, first: Record<string, string> | null | undefined): KeyValueStore {
  let pending = first ?? null;
  return {
    ...store,
    getAll: () => {
      const all = pending ?? store.getAll();
      pending = null;
      return all;
    },
  };
}

function build(session: SessionPort, spreadsheets: SpreadsheetsPort, opened: OpenedStores = {}): Services {
  return {
    clock: systemClock,
    logger: consoleLogger(),
    spreadsheets,
    drive: gasDrive(messagesFor(session)),
    properties: answeredOnce(opened.documentStore ?? gasDocumentStore(), opened.documentAll),
    cache: gasDocumentCache(),
    lock: gasDocumentLock(),
    triggers: gasTriggers(),
    userProperties: opened.userStore ?? gasUserStore(),
    session,
    mail: gasMail('Sheet Schema Migrator'),
  };
}

/** Opens each spreadsheet once per execution (a second openById would be a second round trip). */
function opener(session: SessionPort): (id: string) => SpreadsheetPort {
  const all = gasSpreadsheets(messagesFor(session));
  const opened = new Map<string, SpreadsheetPort>();
  return (id) => {
    let spreadsheet = opened.get(id);
    if (!spreadsheet) {
      spreadsheet = all.open(id);
      opened.set(id, spreadsheet);
    }
    return spreadsheet;
  };
}

/** An execution started from the open spreadsheet (menu, sidebar). `active()` may be null outside one. */
export function servicesForActiveSpreadsheet(): Services {
  const session = gasSession();
  const all = gasSpreadsheets(messagesFor(session));
  let active: SpreadsheetPort | null | undefined;
  return build(session, {
    active: () => {
      if (active === undefined) active = all.active();
      return active;
    },
    open: opener(session),
  });
}

/**
 * An execution with no active spreadsheet (a time-driven trigger): the spreadsheet is opened by its stored id,
 * on first use, and stands in for the active one.
 */
export function servicesForSpreadsheetId(id: string, opened: OpenedStores = {}): Services {
  const session = gasSession();
  const open = opener(session);
  return build(session, { active: () => open(id), open }, opened);
}
