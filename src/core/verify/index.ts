// The verification of a migration: seven checks over every data row, resumable across executions.
export {
  advanceVerification,
  REPORT_RESERVE_MS,
  type VerificationHints,
  type VerificationStep,
} from './advance';
export { encodeCursor, parseCursor, startVerification, type VerificationOptions } from './cursor';
export { LAST_VERIFICATION_KEY, reportFileName, summariseReport } from './report';
export {
  CHECK_NAMES,
  type Check,
  type CheckName,
  type VerificationCursor,
  type VerificationMode,
  type VerificationReport,
} from './types';
