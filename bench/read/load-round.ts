import { Agent, request } from 'node:http';
import { processCpuMs } from './process-cpu';

/** One server under test: where it answers GraphQL and which process does the work. */
export interface ServerUnderTest {
  name: string;
  graphqlUrl: string;
  pid: number;
}

export interface RoundResult {
  requestsPerSecond: number;
  cpuMsPerRequest: number;
}

/** A reused connection per concurrent client, as a front end's pool keeps them. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs `body` and answers the status and the text of the answer. */
export function post(
  url: string,
  body: string,
  token: string,
): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * `requests` POSTs of `body` from `concurrency` clients at once; the server's throughput and the
 * CPU its process used per request meanwhile. Every answer must be a 200.
 */
export async function loadRound(
  server: ServerUnderTest,
  body: string,
  token: string,
  requests: number,
  concurrency: number,
): Promise<RoundResult> {
  let sent = 0;
  const client = async () => {
    while (sent < requests) {
      sent++;
      const answer = await post(server.graphqlUrl, body, token);
      if (answer.status !== 200)
        throw new Error(`${server.name} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
    }
  };
  const cpuBefore = processCpuMs(server.pid);
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return {
    requestsPerSecond: requests / seconds,
    cpuMsPerRequest: (processCpuMs(server.pid) - cpuBefore) / requests,
  };
}
