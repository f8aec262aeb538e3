// The owner's pause (pauseMigration) and the status a panel polls while a slice is in flight: the run's
// checkpoint, overlaid with the progress a live slice cached since (./live.ts) and the owner's pause request.
import { messagesFor } from '../messages';
import { readableTime } from '../messages/time';
import type { Status } from '../contract';
import type { Services } from '../ports';
import { PAUSE_KEY, type PauseRequest, encodePause, readLiveProgress, readPause } from './live';
import { currentStatus, plain } from './status';

function inProgress(status: Status): boolean {
  return status.state === 'running' || status.state === 'paused';
}

/** What the status says of a run the owner paused: it waits for them. */
export function ownerPausedMessage(services: Services, request: PauseRequest): string {
  const t = messagesFor(services.session);
  return t('paused_by_owner', {
    time: readableTime(request.requested_at),
    who: request.by || t('pause_someone'),
    menu: t('menu_path'),
  });
}

function withPause(services: Services, status: Status, request: PauseRequest): Status {
  const message =
    status.state === 'paused'
      ? ownerPausedMessage(services, request)
      : messagesFor(services.session)('pausing', { time: readableTime(request.requested_at) });
  return { ...status, pause_requested_at: request.requested_at, message };
}

/** The status from one read of the properties (and, while a run is in progress, one of the document cache). */
export function liveStatus(services: Services, all: Record<string, string>): Status {
  const status = currentStatus(
    all,
    new Date(services.clock.now()).toISOString(),
    messagesFor(services.session),
  );
  if (!inProgress(status) || status.run_id === null) return status;
  const live = readLiveProgress(services.cache, status.run_id);
  if (live && live.updated_at > status.updated_at) {
    // a slice is in flight: its progress is newer than the checkpoint it last wrote
    status.state = 'running';
    status.steps = live.steps;
    status.updated_at = live.updated_at;
  }
  const request = readPause(all[PAUSE_KEY]);
  return plain(request ? withPause(services, status, request) : status);
}

function who(services: Services): string {
  try {
    return services.session.userEmail();
  } catch (error) {
    return '';
  }
}

/**
 * Records the owner's pause: a slice in flight stops at its next block, and the run then stays paused (no
 * trigger or continueMigration() goes on) until the owner resumes it. Throws when nothing is in progress.
 */
export function requestPause(services: Services): Status {
  const all = services.properties.getAll();
  const status = currentStatus(
    all,
    new Date(services.clock.now()).toISOString(),
    messagesFor(services.session),
  );
  if (!inProgress(status)) throw new Error(messagesFor(services.session)('pause_nothing_running'));
  let request = readPause(all[PAUSE_KEY]);
  if (!request) {
    request = { requested_at: new Date(services.clock.now()).toISOString(), by: who(services) };
    services.properties.setMany({ [PAUSE_KEY]: encodePause(request) });
  }
  // A free lock means no slice is in flight: the run is paused now. A held one: it stops at its next block.
  const idle = services.lock.tryLock(0);
  if (idle) services.lock.release();
  return plain(withPause(services, { ...status, state: idle ? 'paused' : 'running' }, request));
}
