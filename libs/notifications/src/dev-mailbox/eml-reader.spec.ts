import { createTransport } from 'nodemailer';
import { readEml } from './eml-reader';

/** Composes a message exactly as the development mailbox stores it. */
async function compose(mail: { subject: string; text: string; html?: string }): Promise<string> {
  const composer = createTransport({ streamTransport: true, buffer: true });
  const info = await composer.sendMail({
    from: 'Standpoint <standpoint@localhost>',
    to: 'ann@example.com',
    messageId: '<msg_1@localhost>',
    ...mail,
  });
  return (info.message as Buffer).toString('utf8');
}

describe('readEml', () => {
  it('reads the headers, the text part and the HTML part nodemailer wrote, whatever their encoding', async () => {
    const text = `Grüße — ${'a long line that quoted-printable has to wrap '.repeat(5)}\nsecond line`;
    const html = `<p>Entscheidung: <a href="http://localhost/decide/abc">öffnen</a></p>`;
    const eml = await compose({ subject: 'Freigabe erbeten: «Pride» 🏳️‍🌈', text, html });

    const read = readEml(eml);

    expect(read.headers.get('subject')).toBe('Freigabe erbeten: «Pride» 🏳️‍🌈');
    expect(read.headers.get('to')).toBe('ann@example.com');
    expect(read.headers.get('message-id')).toBe('<msg_1@localhost>');
    expect(read.text).toBe(text);
    expect(read.html).toBe(html);
  });

  it('reads a text-only message', async () => {
    const read = readEml(await compose({ subject: 'plain', text: 'just text' }));

    expect(read).toMatchObject({ text: 'just text', html: null });
  });
});
