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

/** getSchemaInfo() (CONTRACT.md, "The migration chain") as the panel reads it; an older server has none. */
export type SchemaInfo = Pick<Contract.SchemaInfo, 'current' | 'pending'> & Partial<Contract.SchemaInfo>;

/** What the panel calls: the server's functions, with getSchemaInfo read loosely. */
export type PanelServer = Omit<ServerApi, 'getSchemaInfo'> & { getSchemaInfo(): Promise<SchemaInfo> };
