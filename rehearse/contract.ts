// The contract's shapes (../src/core/contract) as the rehearsal reads them from the built bundle: it prints every
// check that arrives, known or not, so checks are looked up by name.
import type * as Contract from '../src/core/contract';

export { CHECK_NAMES } from '../src/core/contract';
export type { Check, Plan, SheetChangePlan, Status, StepRecord, StepStatus } from '../src/core/contract';

export type VerificationReport = Contract.VerificationReportAsRead;

export type RollbackReport = Omit<Contract.RollbackReport, 'verification'> & { verification: Contract.Check };
