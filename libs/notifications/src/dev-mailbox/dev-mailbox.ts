import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { readEml } from './eml-reader';
import { emailOf } from '../email/email-message';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { OutboxTransport } from '../outbox/outbox-transport';

export interface MailboxEntry {
  id: string;
  date: Date;
  to: string;
  subject: string;
}

export interface MailboxMessage extends MailboxEntry {
  messageId: string;
  from: string;
  html: string | null;
  text: string | null;
}

/** Names of stored messages: outbox row ids, nothing that could reach outside the folder. */
const MESSAGE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Where emails go without SMTP_URL: each one an `.eml` file under `<DATA_DIR>/mailbox`, named after
 * its outbox row so that a resend replaces it. Read back by the /dev/mailbox pages.
 */
@Injectable()
export class DevMailbox implements OutboxTransport {
  readonly channel = 'EMAIL';
  readonly folder: string;
  private readonly composer: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.folder = join(config.dataDir, 'mailbox');
    this.composer = createTransport({ streamTransport: true, buffer: true });
  }

  async deliver(message: OutboxMessageEntity): Promise<void> {
    const composed = await this.composer.sendMail(emailOf(message, this.config.mailFrom));
    await mkdir(this.folder, { recursive: true });
    // Written aside and renamed, so a reader never sees half a message.
    const temporary = join(this.folder, `.${message.id}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, composed.message as Buffer);
      await rename(temporary, this.pathOf(message.id));
    } finally {
      await rm(temporary, { force: true });
    }
  }

  /** The stored messages, newest first. */
  async list(): Promise<MailboxEntry[]> {
    const files = await readdir(this.folder).catch(() => []);
    const ids = files.filter((f) => f.endsWith('.eml')).map((f) => f.slice(0, -'.eml'.length));
    const read = await Promise.all(ids.map((id) => this.read(id)));
    return read
      .filter((m): m is MailboxMessage => m !== null)
      .map(({ id, date, to, subject }) => ({ id, date, to, subject }))
      .sort((a, b) => b.date.getTime() - a.date.getTime() || b.id.localeCompare(a.id));
  }

  /** One stored message, or null when there is none by that name. */
  async read(id: string): Promise<MailboxMessage | null> {
    if (!MESSAGE_ID.test(id)) return null;
    const path = this.pathOf(id);
    const [source, stats] = await Promise.all([
      readFile(path, 'utf8').catch(() => null),
      stat(path).catch(() => null),
    ]);
    if (source === null || stats === null) return null;
    const eml = readEml(source);
    const date = new Date(eml.headers.get('date') ?? '');
    return {
      id,
      date: Number.isNaN(date.getTime()) ? stats.mtime : date,
      to: eml.headers.get('to') ?? '',
      from: eml.headers.get('from') ?? '',
      subject: eml.headers.get('subject') ?? '',
      messageId: eml.headers.get('message-id') ?? '',
      html: eml.html,
      text: eml.text,
    };
  }

  private pathOf(id: string): string {
    return join(this.folder, `${id}.eml`);
  }
}
