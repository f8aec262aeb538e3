import type { RollbackReport, VerificationReport } from '../../src/ui/contract';
import { callWhilePending, rollbackProgress, verificationProgress } from '../../src/ui/pending-loop';

const pendingRollback = (done: number, total = 100): RollbackReport => ({
  migration: 'v3.0',
  mode: 'full',
  success: false,
  pending: true,
  progress: { stage: 'restore', done, total },
  restored_columns: 0,
  removed_columns: [],
  verification: { passed: false, pending: true },
  errors: ['not finished'],
});

const finishedRollback = {
  ...pendingRollback(0),
  pending: undefined,
  progress: undefined,
  success: true,
  errors: [],
} as unknown as RollbackReport;

const pendingVerification = (done: number): VerificationReport => ({
  timestamp: '2026-12-04T10:00:00.000Z',
  dry_run: false,
  checks: {
    column_count: { passed: false, pending: true, expected: 66, actual: 0 },
    report: { passed: false, pending: true, progress: { done, total: 20_000 } },
  },
  success: false,
  errors: ['Verification is not finished'],
});

describe('what a pending answer says', () => {
  it('reads a rollback’s stage and figures, and nothing from a finished one', () => {
    expect(rollbackProgress(pendingRollback(40))).toEqual({ stage: 'restore', done: 40, total: 100 });
    expect(rollbackProgress(finishedRollback)).toBeNull();
    expect(rollbackProgress(null)).toBeNull();
  });

  it('reads a verification’s rows from the check that carries them, and nothing once no check is pending', () => {
    expect(verificationProgress(pendingVerification(5000))).toEqual({ done: 5000, total: 20_000 });
    const done = {
      ...pendingVerification(0),
      checks: { column_count: { passed: true, expected: 66, actual: 66 } },
    };
    expect(verificationProgress(done)).toBeNull();
  });

  it('takes figures it cannot read as zero rather than showing them', () => {
    const odd = { ...pendingRollback(0), progress: { stage: 'restore', done: -3, total: 'x' } };
    expect(rollbackProgress(odd as unknown as RollbackReport)).toEqual({
      stage: 'restore',
      done: 0,
      total: 0,
    });
  });
});

describe('callWhilePending', () => {
  const scripted = <T>(answers: T[]) => {
    let index = 0;
    const seen: T[] = [];
    return {
      seen,
      calls: () => index,
      loop: {
        call: async () => {
          if (index >= answers.length) throw new Error('called once too often');
          return answers[index++];
        },
        progressOf: rollbackProgress as (answer: T) => ReturnType<typeof rollbackProgress>,
        onAnswer: (answer: T) => seen.push(answer),
      },
    };
  };

  it('calls again while the answer is pending, shows each answer, and returns the finished one', async () => {
    const answers = [pendingRollback(10), pendingRollback(60), finishedRollback];
    const s = scripted(answers);
    await expect(callWhilePending(s.loop)).resolves.toBe(finishedRollback);
    expect(s.calls()).toBe(3);
    expect(s.seen).toEqual(answers);
  });

  it('gives up with the pending answer after three calls in a row that got no further', async () => {
    const stuck = [pendingRollback(10), pendingRollback(20), ...Array(3).fill(pendingRollback(20))];
    const s = scripted(stuck);
    const last = await callWhilePending(s.loop);
    expect(rollbackProgress(last)).toEqual({ stage: 'restore', done: 20, total: 100 });
    expect(s.calls()).toBe(5);
  });

  it('stops at a failed call with its error', async () => {
    const loop = {
      call: async () => {
        throw new Error('Another run is in progress');
      },
      progressOf: rollbackProgress,
      onAnswer: () => undefined,
    };
    await expect(callWhilePending(loop)).rejects.toThrow('Another run is in progress');
  });
});
