// How every long operation (a migration's steps, a verification, a rollback) runs inside one execution: its phases
// in order, each recording its end in the operation's checkpoint before the next begins, until the operation is
// done or a phase runs out of time. A phase that pauses has saved its cursor; the operation's next call goes on
// from the phase its checkpoint names.

/** 'done': the phase recorded its end (the next phase, or none); 'paused': out of time, its cursor saved. */
export type PhaseOutcome = 'done' | 'paused';

/**
 * Runs `run(phase)` for each phase `current()` names until it names none ('done') or a phase pauses ('paused').
 * A phase that returns 'done' without moving the checkpoint on would run for ever: that is a bug, and it throws.
 */
export function runPhases<P extends string>(
  current: () => P | null,
  run: (phase: P) => PhaseOutcome,
): PhaseOutcome {
  for (let phase = current(); phase !== null; phase = current()) {
    if (run(phase) === 'paused') return 'paused';
    if (current() === phase) throw new Error(`the phase "${phase}" did not record its end`);
  }
  return 'done';
}
