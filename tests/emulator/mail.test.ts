import { worldWith } from './support/bundle';

// MailApp (https://developers.google.com/apps-script/reference/mail/mail-app): sendEmail(recipient, subject,
// body[, options]), sendEmail(to, replyTo, subject, body), sendEmail(message), getRemainingDailyQuota() ("the
// number of recipients you can send emails to for the rest of the day"); every method needs the scope
// https://www.googleapis.com/auth/script.send_mail.
// Quota (https://developers.google.com/apps-script/guides/services/quotas): "Email recipients per day" 100 for
// consumer accounts, 1,500 for Google Workspace; "Quotas are per user and reset 24 hours after the first
// request". Past it: "Service invoked too many times for one day: email." (wording from
// dwyl/learn-to-send-email-via-google-script-html-no-server#376). Per message (same page, limitations): 50
// recipients, 200 KB of body; those messages, and the ones for no or invalid recipients, are assumed.
// Session.getEffectiveUser(): "the user under whose authority the script is running"
// (https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()).

const code = `
  function notify(to, subject, body) {
    MailApp.sendEmail(to, subject, body);
    return MailApp.getRemainingDailyQuota();
  }
  function notifyMe() {
    var me = Session.getEffectiveUser().getEmail();
    MailApp.sendEmail({ to: me, subject: 'Migration done', htmlBody: '<b>done</b>', body: 'done', name: 'Migration',
                        noReply: true, attachments: [Utilities.newBlob('x', 'text/plain', 'report.txt')] });
    return me;
  }
  function withOptions() {
    MailApp.sendEmail('a@example.com', 'S', 'B', { cc: 'b@example.com, c@example.com', bcc: 'd@example.com', replyTo: 'r@example.com' });
    MailApp.sendEmail('e@example.com', 'reply@example.com', 'S4', 'B4');
    return MailApp.getRemainingDailyQuota();
  }
  function tryNotify(to) {
    try { MailApp.sendEmail(to, 'S', 'B'); return 'sent'; } catch (e) { return e.message; }
  }
  function quota() { return MailApp.getRemainingDailyQuota(); }
  function bigBody(n) {
    try { MailApp.sendEmail('a@example.com', 'S', new Array(n + 1).join('x')); return 'sent'; } catch (e) { return e.message; }
  }
`;

test('sendEmail records the mail in the world; the effective user is the world user; recipients count', () => {
  const world = worldWith(code);
  expect(world.call('notifyMe')).toBe('owner@example.com');
  expect(world.mail).toEqual([
    {
      from: 'owner@example.com',
      to: ['owner@example.com'],
      cc: [],
      bcc: [],
      subject: 'Migration done',
      body: 'done',
      htmlBody: '<b>done</b>',
      name: 'Migration',
      noReply: true,
      attachments: ['report.txt'],
      at: expect.stringMatching(/^2026-11-24T12:00:00/),
    },
  ]);
  // cc and bcc recipients count against the quota: 1 + 4 + 1 = 6 used
  expect(world.call('withOptions')).toBe(94);
  expect(world.mail[1]).toMatchObject({
    to: ['a@example.com'],
    cc: ['b@example.com', 'c@example.com'],
    bcc: ['d@example.com'],
    replyTo: 'r@example.com',
  });
  expect(world.mail[2]).toMatchObject({ to: ['e@example.com'], replyTo: 'reply@example.com', subject: 'S4' });
});

test('past 100 recipients a day sendEmail fails and sends nothing; the quota resets 24 h after the first send', () => {
  const world = worldWith(code);
  for (let i = 0; i < 100; i++) world.call('notify', [`u${i}@example.com`, 'S', 'B']);
  expect(world.call('quota')).toBe(0);
  expect(world.call('tryNotify', ['late@example.com'])).toBe(
    'Service invoked too many times for one day: email.',
  );
  expect(world.mail).toHaveLength(100);
  world.clock.advance(24 * 60 * 60 * 1000);
  expect(world.call('quota')).toBe(100);
  expect(world.call('tryNotify', ['next-day@example.com'])).toBe('sent');
});

test('a Google Workspace world has 1,500 recipients a day', () => {
  const world = worldWith(code, { mailRecipientsPerDay: 1500 });
  expect(world.call('quota')).toBe(1500);
});

test('bad recipients and oversized messages are refused and send nothing', () => {
  const world = worldWith(code);
  expect(world.call('tryNotify', [''])).toBe('Failed to send email: no recipient');
  expect(world.call('tryNotify', ['not an address'])).toBe('Invalid email: not an address');
  const many = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`).join(',');
  expect(world.call('tryNotify', [many])).toBe('Limit Exceeded: Email Recipients Per Message.');
  expect(world.call('bigBody', [200 * 1024 + 1])).toBe('Limit Exceeded: Email Body Size.');
  expect(world.mail).toEqual([]);
  expect(world.call('quota')).toBe(100);
});

test('without script.send_mail among explicit oauthScopes, MailApp calls are refused with the scope named', () => {
  const manifest = JSON.stringify({
    timeZone: 'UTC',
    oauthScopes: ['https://www.googleapis.com/auth/spreadsheets'],
  });
  const world = worldWith(code, {}, { 'appsscript.json': manifest });
  const r = world.run('notify', ['a@example.com', 'S', 'B']);
  expect(r).toMatchObject({
    ok: false,
    error: {
      message:
        'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    },
  });
  expect(world.mail).toEqual([]);
  const granted = worldWith(
    code,
    {},
    {
      'appsscript.json': JSON.stringify({
        oauthScopes: ['https://www.googleapis.com/auth/script.send_mail'],
      }),
    },
  );
  expect(granted.call('notify', ['a@example.com', 'S', 'B'])).toBe(99);
});

test('MailApp needs full authorization: refused in AuthMode.LIMITED and NONE', () => {
  const world = worldWith(code);
  for (const authMode of ['LIMITED', 'NONE'] as const) {
    const r = world.run('quota', [], { authMode });
    expect(r).toMatchObject({
      ok: false,
      error: {
        message:
          'You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      },
    });
  }
});
