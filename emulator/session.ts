import { createHash } from 'node:crypto';
import type { Execution } from './execution';
import { register } from './handles';
import { service } from './service';

// Session: https://developers.google.com/apps-script/reference/base/session

/** A User (https://developers.google.com/apps-script/reference/base/user), resolvable when passed back in. */
export function userHandle(exec: Execution, email: string): object {
  return register(service(exec, 'User', { getEmail: () => email }), 'User', email);
}

export function sessionService(exec: Execution): object {
  const { user } = exec.world;
  return service(exec, 'Session', {
    getActiveUser() {
      exec.charge(exec.costs.sessionMs);
      return userHandle(exec, user.email);
    },
    getEffectiveUser() {
      exec.charge(exec.costs.sessionMs);
      return userHandle(exec, user.email);
    },
    getActiveUserLocale: () => user.locale,
    getScriptTimeZone: () => exec.world.scriptTimeZone,
    getTemporaryActiveUserKey: () => createHash('sha256').update(user.email).digest('base64').slice(0, 28),
  });
}
