import type { VirtualClock } from './clock';
import type { CostTable } from './costs';
import type { CpuMode } from './execution';
import type { IdSource } from './ids';
import type { SpreadsheetData } from './model/spreadsheet-data';

// The persistent world every execution works on.

export interface DriveItem {
  id: string;
  name: string;
  kind: 'file' | 'folder';
  mimeType: string;
  parents: string[];
  trashed: boolean;
  createdAt: number;
  updatedAt: number;
  /** Text content of a non-Google file. */
  content?: string;
  description?: string;
  /** Folders only: false when the user may not add files to it. */
  writable: boolean;
}

export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';

export interface TriggerRecord {
  id: string;
  handler: string;
  type: 'CLOCK';
  /** Next due time (ms); null once a one-off trigger has fired (it stays listed until deleted). */
  nextRunAt: number | null;
  everyMs: number | null;
  /** The document an add-on created it from (its event source), if any. */
  spreadsheetId: string | null;
}

export interface CacheEntry {
  value: string;
  expiresAt: number;
}

export interface MenuRecord {
  name: string;
  addon: boolean;
  items: { caption: string; functionName: string }[];
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: string;
}

export type AlertAnswer = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type AlertResponse = AlertAnswer | { button: AlertAnswer; text?: string };

export interface UiRecord {
  menus: MenuRecord[];
  alerts: AlertRecord[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  toasts: { message: string; title: string }[];
  /** Answers alerts and prompts; the default presses the first button of the set (OK or YES). */
  respond: (alert: AlertRecord) => AlertResponse;
}

/** One email sent with MailApp. */
export interface MailRecord {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply: boolean;
  /** Attachment names. */
  attachments: string[];
  /** ISO time of sending on the virtual clock. */
  at: string;
}

export interface WorldState {
  clock: VirtualClock;
  costs: CostTable;
  /** How executions charge the script's own CPU unless a run says otherwise. */
  cpu: CpuMode;
  ids: IdSource;
  installation: 'addon' | 'bound';
  user: { email: string; locale: string };
  distDir: string;
  scriptTimeZone: string;
  spreadsheets: Map<string, SpreadsheetData>;
  drive: { items: Map<string, DriveItem>; rootId: string };
  properties: {
    script: Map<string, string>;
    user: Map<string, string>;
    documents: Map<string, Map<string, string>>;
  };
  caches: Map<string, Map<string, CacheEntry>>;
  triggers: TriggerRecord[];
  /** Lock keys ('document:<id>', 'script', 'user') another execution holds. */
  locksHeldElsewhere: Set<string>;
  ui: UiRecord;
  /** The manifest's oauthScopes, or null when it declares none (Apps Script then detects them). */
  manifestScopes: string[] | null;
  mail: MailRecord[];
  mailRecipientsPerDay: number;
  /** The 24-hour quota window: it starts with the first send. */
  mailQuota: { windowStart: number | null; used: number };
  /**
   * A fault injected into makeCopy (World.damageCopies): run on every spreadsheet copy right after it is made,
   * with its number (1 for the first copy since the fault was set). Not platform behaviour: a test's fault.
   */
  copyFault: { damage: (copy: SpreadsheetData, nth: number) => void; made: number } | null;
}
