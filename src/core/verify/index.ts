// The verification of a migration: seven checks over every data row, resumable across executions.
export {
  advanceVerification,
  REPORT_RESERVE_MS,
  type VerificationHints,
  type VerificationStep,
} from './advance';
export { encodeCursor, parseCursor, startVerification, type VerificationOptions } from './cursor';
export { reportCheck, reportFileName, summariseReport } from './report';
export type { VerificationCursor, VerificationMode } from './types';
