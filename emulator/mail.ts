import { ServiceError, messages } from './errors';
import type { Execution } from './execution';
import { service } from './service';
import type { MailRecord, WorldState } from './state';

// MailApp: https://developers.google.com/apps-script/reference/mail/mail-app
// Quota: 100 email recipients a day for consumer accounts, 1,500 for Google Workspace; "Quotas are per user and
// reset 24 hours after the first request" (https://developers.google.com/apps-script/guides/services/quotas).
// Per message: at most 50 recipients and a 200 KB body (same page, "Current limitations").

const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_BODY_BYTES = 200 * 1024;

/** The recipients left in the current 24-hour window (which starts with the first send). */
export function remainingQuota(world: WorldState, nowMs: number): number {
  const q = world.mailQuota;
  if (q.windowStart !== null && nowMs >= q.windowStart + DAY_MS) {
    q.windowStart = null;
    q.used = 0;
  }
  return Math.max(0, world.mailRecipientsPerDay - q.used);
}

function addresses(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  return String(v)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const EMAIL = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;

/** A message as the script gave it: what is recorded, before the sender and the time are added. */
type Message = Omit<MailRecord, 'from' | 'at'>;

function options(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

function messageOf(args: unknown[]): Message {
  let o: Record<string, unknown>;
  if (args.length === 1) o = options(args[0]);
  else if (args.length === 4 && typeof args[3] === 'string')
    // sendEmail(to, replyTo, subject, body)
    o = { to: args[0], replyTo: args[1], subject: args[2], body: args[3] };
  else o = { ...options(args[3]), to: args[0], subject: args[1], body: args[2] };
  const attachments = Array.isArray(o.attachments) ? o.attachments : [];
  return {
    to: addresses(o.to),
    cc: addresses(o.cc),
    bcc: addresses(o.bcc),
    subject: o.subject === undefined ? '' : String(o.subject),
    body: o.body === undefined ? '' : String(o.body),
    ...(o.htmlBody === undefined ? {} : { htmlBody: String(o.htmlBody) }),
    ...(o.name === undefined ? {} : { name: String(o.name) }),
    ...(o.replyTo === undefined ? {} : { replyTo: String(o.replyTo) }),
    noReply: o.noReply === true,
    attachments: attachments.map((a, i) => {
      const named = a as { getName?: () => unknown } | null;
      return typeof named?.getName === 'function' ? String(named.getName()) : `attachment ${i + 1}`;
    }),
  };
}

export function mailApp(exec: Execution): object {
  const { world } = exec;
  return service(exec, 'MailApp', {
    getRemainingDailyQuota() {
      exec.charge(exec.costs.mailQuotaMs);
      return remainingQuota(world, exec.nowMs());
    },
    sendEmail(...args: unknown[]) {
      exec.commit();
      const m = messageOf(args);
      const recipients = [...m.to, ...m.cc, ...m.bcc];
      if (m.to.length === 0) throw new ServiceError(messages.mailNoRecipient);
      const bad = recipients.find((r) => !EMAIL.test(r));
      if (bad) throw new ServiceError(messages.mailInvalidEmail(bad));
      if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE)
        throw new ServiceError(messages.mailRecipientsLimit);
      if (Buffer.byteLength(m.htmlBody ?? m.body, 'utf8') > MAX_BODY_BYTES)
        throw new ServiceError(messages.mailBodyLimit);
      exec.charge(exec.costs.mailSendMs);
      const now = exec.nowMs();
      if (recipients.length > remainingQuota(world, now)) throw new ServiceError(messages.mailQuota);
      if (world.mailQuota.windowStart === null) world.mailQuota.windowStart = now;
      world.mailQuota.used += recipients.length;
      const record: MailRecord = {
        from: world.user.email,
        ...m,
        at: new Date(now).toISOString(),
      };
      world.mail.push(record);
    },
  });
}
