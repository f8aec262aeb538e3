// The server's shapes as the sidebar reads them: the contract's own types (../core/contract), loosened only
// where the sidebar looks a field up by name, so that a field the server adds or leaves out renders as '—'.
import type * as Contract from '../core/contract';

export { CHECK_NAMES, RUN_STATES, STEP_NAMES, STEP_STATUSES } from '../core/contract';
export type {
  Check,
  LogLevel,
  MigrationConfig as Config,
  Plan,
  Progress,
  RollbackEligibility as Eligibility,
  RollbackMode,
  RollbackOptions,
  RollbackReport,
  RunState,
  Status,
  StepRecord as Step,
} from '../core/contract';

export type VerificationReport = Contract.VerificationReportAsRead;

/** Read field by field: any of them may be missing. */
export type HistoryEntry = Partial<Contract.HistoryEntry>;

/** The server functions the sidebar calls through google.script.run, by name, with their argument and result. */
export type ServerApi = {
  [Name in keyof Contract.ServerFunctions]: (
    ...args: Parameters<Contract.ServerFunctions[Name]>
  ) => Promise<ReturnType<Contract.ServerFunctions[Name]>>;
};

/** getSchemaInfo() (CONTRACT.md, "The migration chain"), read field by field: an older server has none. */
export interface SchemaInfo {
  current: string;
  source?: 'metadata' | 'headers';
  latest?: string;
  applied?: {
    migration: string;
    completed_at?: string;
    backup?: { file_id: string; name: string; url: string } | null;
  }[];
  pending: { migration: string; from?: string; description?: string }[];
}

/** What the panel calls: the server functions, getSchemaInfo (which an older server lacks) and the `target` option. */
export type PanelServer = Omit<ServerApi, 'getSchemaInfo' | 'startMigration'> & {
  getSchemaInfo(): Promise<SchemaInfo>;
  startMigration(options?: { force?: boolean; target?: string }): Promise<Contract.Status>;
};
