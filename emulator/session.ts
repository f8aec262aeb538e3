import { createHash } from 'node:crypto';
import type { Execution } from './execution';
import { service } from './service';

// Session: https://developers.google.com/apps-script/reference/base/session

export function sessionService(exec: Execution): object {
  const { user } = exec.world;
  const userHandle = () => service(exec, 'User', { getEmail: () => user.email });
  return service(exec, 'Session', {
    getActiveUser() {
      exec.charge(exec.costs.sessionMs);
      return userHandle();
    },
    getEffectiveUser() {
      exec.charge(exec.costs.sessionMs);
      return userHandle();
    },
    getActiveUserLocale: () => user.locale,
    getScriptTimeZone: () => exec.world.scriptTimeZone,
    getTemporaryActiveUserKey: () => createHash('sha256').update(user.email).digest('base64').slice(0, 28),
  });
}
