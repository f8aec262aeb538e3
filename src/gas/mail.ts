import type { MailPort } from '../core/ports';

/**
 * MailApp to the effective user: in a time-driven trigger that is the account that made the trigger, the owner
 * who started the run (https://developers.google.com/apps-script/reference/base/session#geteffectiveuser).
 * getActiveUser() may be blank in add-on contexts. Sending needs the script.send_mail scope.
 */
export function gasMail(senderName: string): MailPort {
  return {
    ownerAddress: () => Session.getEffectiveUser().getEmail(),
    send: ({ to, subject, body }) => MailApp.sendEmail({ to, subject, body, name: senderName }),
  };
}
