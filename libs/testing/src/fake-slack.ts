import { createHmac } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { freePort } from './processes';

/** One Web API call the fake Slack received: its method, the token it came with, its arguments. */
export interface SlackApiCall {
  method: string;
  token: string | null;
  /** The form's fields, JSON ones (blocks, view) parsed. */
  args: Record<string, any>;
}

export interface FakeSlackWorkspace {
  token: string;
  teamId: string;
  teamName: string;
  botUserId: string;
}

export interface FakeSlack {
  /** The SLACK_API_URL to give the app. */
  apiUrl: string;
  calls: SlackApiCall[];
  /** The calls of one method, in order. */
  callsOf(method: string): SlackApiCall[];
  /** A workspace whose bot token auth.test accepts. */
  addWorkspace(workspace: FakeSlackWorkspace): void;
  /**
   * The next call of `method` fails with Slack's `error` (`ratelimited`: HTTP 429 with Retry-After,
   * as Slack rate-limits).
   */
  failNext(method: string, error: string): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for Slack's Web API: records every call and answers as Slack does for the
 * methods Standpoint uses (auth.test, chat.postMessage, chat.update, views.open). A token it does
 * not know is `invalid_auth`; a message posted to a user id lands in a `D…` conversation.
 */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackApiCall[] = [];
  const workspaces = new Map<string, FakeSlackWorkspace>();
  const failures = new Map<string, string>();
  let ts = 0;
  const answer = (call: SlackApiCall): Record<string, unknown> => {
    const workspace = call.token ? workspaces.get(call.token) : undefined;
    if (!workspace) return { ok: false, error: call.token ? 'invalid_auth' : 'not_authed' };
    switch (call.method) {
      case 'auth.test':
        return {
          ok: true,
          url: `https://${workspace.teamName}.slack.com/`,
          team: workspace.teamName,
          team_id: workspace.teamId,
          user: 'standpoint',
          user_id: workspace.botUserId,
          bot_id: `B${workspace.botUserId.slice(1)}`,
        };
      case 'chat.postMessage': {
        const channel = String(call.args.channel ?? '');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        return {
          ok: true,
          channel: channel.startsWith('U') ? `D${channel.slice(1)}` : channel,
          ts: `1796800000.${String(++ts).padStart(6, '0')}`,
        };
      }
      case 'chat.update':
        return { ok: true, channel: call.args.channel, ts: call.args.ts };
      case 'views.open':
        return { ok: true, view: { id: `V${++ts}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0];
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const args: Record<string, any> = {};
      for (const [key, value] of form) args[key] = parsed(value);
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const call: SlackApiCall = { method, token: bearer ?? args.token ?? null, args };
      calls.push(call);
      const failure = failures.get(method);
      failures.delete(method);
      if (failure === 'ratelimited') {
        response.writeHead(429, { 'Retry-After': '30' }).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(failure ? { ok: false, error: failure } : answer(call)));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    callsOf: (method) => calls.filter((call) => call.method === method),
    addWorkspace: (workspace) => workspaces.set(workspace.token, workspace),
    failNext: (method, error) => failures.set(method, error),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parsed(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The headers Slack sends with a request to the app, signed with the app's signing secret (v0),
 * at `at` (Unix seconds of it).
 */
export function slackRequestHeaders(
  signingSecret: string,
  body: string,
  at: Date,
): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac('sha256', signingSecret)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  return {
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-Slack-Request-Timestamp': timestamp,
    'X-Slack-Signature': `v0=${signature}`,
  };
}

/** An interaction's body as Slack posts it: the payload's JSON in one form field. */
export function slackInteractionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
