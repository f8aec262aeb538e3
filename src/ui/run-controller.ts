// The primary action (migrate, resume, pause, check the sheet), Start over, and the loop that drives
// continueMigration() slice by slice while reading the status in between so the bar moves during a slice.
import type { Status } from './contract';
import { App, messageOf } from './app';
import { byId } from './dom';
import { driveRun, type LoopEnd } from './run-loop';

/** How often the status is read while a slice is in flight. `?poll=` (milliseconds) exists for the tests. */
function pollMs(): number {
  const fromQuery = Number(new URLSearchParams(window.location.search).get('poll'));
  return Number.isFinite(fromQuery) && fromQuery >= 50 ? fromQuery : 3000;
}

export class RunController {
  /** Called when a run ends (done, failed, paused here), so other sections can refresh. */
  onRunEnd: (end: LoopEnd) => void = () => undefined;

  constructor(private readonly app: App) {
    byId('primary-button').addEventListener('click', () => void this.primary());
    byId<HTMLSelectElement>('target-select').addEventListener('change', (event) =>
      this.app.update({ chosenTarget: (event.target as HTMLSelectElement).value || null }),
    );
    byId('restart-button').addEventListener('click', () => {
      if (this.app.view.restart)
        void this.loop(() => this.app.server.startMigration({ force: true, live: true }));
    });
  }

  private async primary(): Promise<void> {
    const { view, server } = this.app;
    const primary = view.primary;
    if (!primary || !primary.enabled) return;
    switch (primary.action) {
      case 'pause':
        // the slice in flight stops at its next block; the loop ends when it returns
        this.app.update({ pauseRequested: true });
        try {
          await server.pauseMigration();
        } catch (error) {
          this.app.update({ note: { kind: 'error', message: messageOf(error, this.app.ctx) } });
        }
        return;
      case 'check':
        await this.app.loadPlan();
        return;
      case 'resume':
        await this.loop(() => server.resumeMigration({ live: true }));
        return;
      case 'start': {
        // A start goes to the next migration by itself; a later pick is the chain's {target}.
        const next = this.app.state.schemaInfo?.pending?.[0]?.migration ?? null;
        const options =
          view.target && view.target !== next ? { target: view.target, live: true } : { live: true };
        await this.loop(() => server.startMigration(options));
        return;
      }
      case 'next':
        await this.loop(() =>
          server.startMigration(view.target ? { target: view.target, live: true } : { live: true }),
        );
        return;
    }
  }

  /** Picks up a run that was in progress when the panel opened. */
  resume(): Promise<void> {
    return this.loop(() => this.app.server.continueMigration({ live: true }));
  }

  private async loop(first: () => Promise<Status>): Promise<void> {
    const { app } = this;
    app.throughput.reset();
    app.update({ driving: true, pauseRequested: false, note: null, rollbackReport: null });
    const onStatus = (status: Status) => {
      const note = typeof status.message === 'string' && status.message !== '' ? status.message : null;
      app.update({ status, note: note ? { kind: 'server', message: note } : null });
    };
    const end = await driveRun(app.server, first, {
      onStatus,
      stopRequested: () => app.state.pauseRequested,
      poll: {
        read: () => app.server.getMigrationStatus(),
        everyMs: pollMs(),
        onStatus: (status) => app.update({ status }),
      },
    });
    const note =
      end.reason === 'error'
        ? ({ kind: 'error', message: messageOf(end.error, app.ctx) } as const)
        : end.reason === 'stalled'
          ? ({ kind: 'stalled' } as const)
          : end.reason === 'stopped'
            ? ({ kind: 'stopped' } as const)
            : app.state.note;
    app.update({ driving: false, pauseRequested: false, note });
    this.onRunEnd(end);
  }
}
