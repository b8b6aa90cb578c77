import { OutboxMessageEntity } from '@standpoint/notifications';
import { deliverOutbox, queueEmails, useTestApp } from '@standpoint/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';

describe('the development mailbox (no SMTP_URL)', () => {
  const app = useTestApp(AppModule, { WORKER_INTERVAL_MS: '3600000' });

  const deliverDue = () => deliverOutbox(app.t);

  it('stores each email as an .eml file under the data dir, lists it and shows it, escaped, with a clickable link', async () => {
    const brand = await app.fixtures.brand();
    const member = await app.fixtures.member(brand.id, ['APPROVER']);
    const [row] = await queueEmails(app.t, brand.id, [member.id], 'test.mailbox');
    const link = `${app.t.config.publicUrl}/decide/some-token`;
    await app.t.asSystem((ctx) =>
      ctx.em.update(
        OutboxMessageEntity,
        { id: row.id },
        {
          subject: 'Approve <script>alert(1)</script> «now»',
          htmlBody: `<p style="color:red">Please decide: <a href="${link}">open</a></p>`,
          body: `Please decide: ${link}`,
        },
      ),
    );

    expect(await deliverDue()).toBe(1);

    const folder = join(app.t.config.dataDir, 'mailbox');
    const file = join(folder, `${row.id}.eml`);
    expect(readFileSync(file, 'utf8')).toContain(`Message-ID: ${row.messageId}`);

    const list = await fetch(`${app.t.url}/dev/mailbox`);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-security-policy')).toContain("default-src 'none'");
    const listed = await list.text();
    expect(listed).toContain(member.email);
    expect(listed).toContain('Approve &lt;script&gt;alert(1)&lt;/script&gt; «now»');
    expect(listed).not.toContain('<script>');
    expect(listed).toContain(`href="/dev/mailbox/${row.id}"`);

    const shown = await (await fetch(`${app.t.url}/dev/mailbox/${row.id}`)).text();
    expect(shown).not.toContain('<script>');
    expect(shown).toContain(row.messageId.replace('<', '&lt;').replace('>', '&gt;'));
    // The HTML part in a sandboxed frame whose links open in the whole tab, and the text part.
    expect(shown).toMatch(/<iframe [^>]*sandbox="allow-top-navigation-by-user-activation[^"]*"/);
    expect(shown).toContain(
      `srcdoc="&lt;base target=&quot;_top&quot;&gt;&lt;p style=&quot;color:red&quot;&gt;Please decide: &lt;a href=&quot;${link}&quot;&gt;open&lt;/a&gt;&lt;/p&gt;"`,
    );
    expect(shown).toContain(`Please decide: <a href="${link}">${link}</a>`);

    // A resend (after a crash) replaces the file rather than adding one.
    await app.t.asSystem((ctx) =>
      ctx.em.update(OutboxMessageEntity, { id: row.id }, { status: 'PENDING' }),
    );
    expect(await deliverDue()).toBe(1);
    expect(readdirSync(folder)).toEqual([`${row.id}.eml`]);
  });

  it('answers 404 for a message it does not have, and for a name that is no message id', async () => {
    for (const id of ['msg_nothing', '..%2F..%2Fmailbox%2Fmsg_nothing', 'a.b']) {
      expect((await fetch(`${app.t.url}/dev/mailbox/${id}`)).status).toBe(404);
    }
  });
});

describe('the development mailbox in production', () => {
  const app = useTestApp(AppModule, {
    NODE_ENV: 'production',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    WORKER_INTERVAL_MS: '3600000',
  });

  it('does not exist', async () => {
    for (const path of ['/dev/mailbox', '/dev/mailbox/msg_1']) {
      expect((await fetch(`${app.t.url}${path}`)).status).toBe(404);
    }
  });
});
