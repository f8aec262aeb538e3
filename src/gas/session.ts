import type { Clock, Logger, SessionPort } from '../core/ports';

export function gasSession(): SessionPort {
  return {
    userEmail: () => Session.getActiveUser().getEmail(),
    locale: () => Session.getActiveUserLocale(),
  };
}

export const systemClock: Clock = { now: () => Date.now() };

export function consoleLogger(): Logger {
  return {
    debug: (message) => console.log(message),
    info: (message) => console.info(message),
    warn: (message) => console.warn(message),
    error: (message) => console.error(message),
  };
}
