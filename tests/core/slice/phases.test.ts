import { runPhases, type PhaseOutcome } from '../../../src/core/slice/phases';

/** A checkpoint whose phase each phase moves on, as the operations' checkpoints do. */
function operation(order: string[], behaviour: Record<string, () => PhaseOutcome | 'stuck'>) {
  const state = { at: 0 as number };
  const ran: string[] = [];
  const current = () => (state.at < order.length ? order[state.at] : null);
  const run = (phase: string): PhaseOutcome => {
    ran.push(phase);
    const outcome = behaviour[phase] ? behaviour[phase]() : 'done';
    if (outcome === 'stuck') return 'done';
    if (outcome === 'done') state.at += 1;
    return outcome;
  };
  return { state, ran, go: () => runPhases(current, run) };
}

test('runs the phases in order until none is left', () => {
  const op = operation(['export', 'remove', 'verify'], {});
  expect(op.go()).toBe('done');
  expect(op.ran).toEqual(['export', 'remove', 'verify']);
});

test('stops at a phase that pauses, and the next call goes on from it', () => {
  let calls = 0;
  const op = operation(['export', 'restore', 'verify'], {
    restore: () => (++calls === 1 ? 'paused' : 'done'),
  });
  expect(op.go()).toBe('paused');
  expect(op.ran).toEqual(['export', 'restore']);
  expect(op.go()).toBe('done');
  expect(op.ran).toEqual(['export', 'restore', 'restore', 'verify']);
});

test('a phase that says done without recording its end is a bug, not an endless loop', () => {
  const op = operation(['export', 'remove'], { remove: () => 'stuck' });
  expect(() => op.go()).toThrow('the phase "remove" did not record its end');
  expect(op.ran).toEqual(['export', 'remove']);
});

test('nothing to run is done at once', () => {
  const op = operation([], {});
  expect(op.go()).toBe('done');
  expect(op.ran).toEqual([]);
});
