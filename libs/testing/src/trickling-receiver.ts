import { createServer, Server } from 'node:http';
import { freePort } from './processes';

/** One request a TricklingReceiver was sent, and when its connection opened and closed. */
export interface WebhookAttempt {
  path: string;
  deliveryId: string;
  openedAt: number;
  closedAt?: number;
}

/**
 * A hostile webhook receiver on a free local port. The first request of each delivery to
 * `/slow-head` gets a status line and a header that never end, to `/slow-body` a 200 whose body
 * never ends, one byte every `trickleMs` (so that no idle timeout ever fires); every other request,
 * a retry included, gets a 204.
 */
export class TricklingReceiver {
  readonly attempts: WebhookAttempt[] = [];
  private readonly trickled = new Set<string>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(trickleMs: number): Promise<TricklingReceiver> {
    const server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const receiver = new TricklingReceiver(server, `http://127.0.0.1:${port}`);
    server.on('request', (request, response) => {
      const attempt: WebhookAttempt = {
        path: request.url ?? '',
        deliveryId: String(request.headers['standpoint-delivery']),
        openedAt: Date.now(),
      };
      receiver.attempts.push(attempt);
      const socket = request.socket;
      socket.on('close', () => (attempt.closedAt ??= Date.now()));
      request.resume();
      request.on('end', () => {
        const key = `${attempt.path} ${attempt.deliveryId}`;
        if (!attempt.path.startsWith('/slow') || receiver.trickled.has(key)) {
          response.writeHead(204).end();
          return;
        }
        receiver.trickled.add(key);
        const head = attempt.path === '/slow-head';
        if (head) socket.write('HTTP/1.1 200 OK\r\nX-Trickle: ');
        else response.writeHead(200, { 'Content-Type': 'text/plain' }).flushHeaders();
        const trickle = setInterval(() => (head ? socket : response).write('.'), trickleMs);
        socket.on('close', () => clearInterval(trickle));
      });
    });
    return receiver;
  }

  /** The requests sent to `path`, in order. */
  to(path: string): WebhookAttempt[] {
    return this.attempts.filter((attempt) => attempt.path === path);
  }

  /** Closes every connection (a delivery still trickling fails at once) and stops listening. */
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
