import { once } from 'node:events';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait-for';

export interface ReceivedEmail {
  messageId: string;
  to: string[];
  subject: string;
  /** The message as it came over the wire, quoted-printable soft line breaks removed. */
  text: string;
}

/** A refusal the peer answers with, as an SMTP reply code and text. */
export interface Refusal {
  code: number;
  message: string;
}

/**
 * A real SMTP server for tests (smtp-server): it records every message it accepts, and refuses
 * or slows down messages as the test says.
 */
export class SmtpPeer {
  readonly received: ReceivedEmail[] = [];
  /** Consulted for every message; answer a Refusal to refuse it. */
  refuse: () => Refusal | null = () => null;
  /** Wait this long before answering each message, to keep the sender busy. */
  delayMs = 0;
  /** Consulted for every message; answer true to never answer it (a server that stalls). */
  stall: (email: ReceivedEmail) => boolean = () => false;
  /** The stalled messages, each with its connection and whether the sender has closed it since. */
  readonly stalled: { email: ReceivedEmail; sessionId: string; closed: boolean }[] = [];
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      // smtp-server's own certificate has expired: plain SMTP on loopback.
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      size: 10 * 1024 * 1024,
      onClose: (session) => {
        for (const stalled of this.stalled)
          if (stalled.sessionId === session.id) stalled.closed = true;
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const answer = () => {
            const refusal = this.refuse();
            if (refusal) {
              callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
              return;
            }
            const text = Buffer.concat(chunks)
              .toString('utf8')
              .replace(/=\r?\n/g, '');
            const email = {
              messageId: /^Message-ID:\s*(\S+)/im.exec(text)?.[1] ?? '',
              subject: /^Subject:[ \t]*(.*)$/im.exec(text)?.[1] ?? '',
              to: session.envelope.rcptTo.map((r) => r.address),
              text,
            };
            if (this.stall(email)) {
              this.stalled.push({ email, sessionId: session.id, closed: false });
              return;
            }
            this.received.push(email);
            callback();
          };
          if (this.delayMs > 0) setTimeout(answer, this.delayMs);
          else answer();
        });
      },
    });
  }

  static async start(): Promise<SmtpPeer> {
    const peer = new SmtpPeer();
    // A sender killed mid-conversation resets its connection: expected here, not a failure.
    peer.server.on('error', () => undefined);
    peer.server.listen(0, '127.0.0.1');
    await once(peer.server.server, 'listening');
    return peer;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** The messages received with each Message-ID. */
  byMessageId(): Map<string, ReceivedEmail[]> {
    const groups = new Map<string, ReceivedEmail[]>();
    for (const email of this.received)
      groups.set(email.messageId, [...(groups.get(email.messageId) ?? []), email]);
    return groups;
  }

  /** Polls until `done` holds (the sender works in another process or on a timer). */
  waitUntil(done: () => boolean, timeoutMs = 60_000): Promise<void> {
    return waitFor(`the SMTP peer (it has ${this.received.length} messages)`, done, { timeoutMs });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
