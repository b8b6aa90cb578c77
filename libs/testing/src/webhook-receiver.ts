import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { freePort } from './processes';

/** One request a WebhookReceiver was sent, its body as received. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The status of the answers from now on (204 at first; a 302 says where to go). */
  answer(status: number): void;
  close(): Promise<void>;
}

/** A publishing tool's (or a witness's) webhook receiver on a free local port: records every request. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let status = 204;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(status, status === 302 ? { Location: '/elsewhere' } : {}).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (code) => (status = code),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
