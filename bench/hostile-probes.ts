/**
 * The hostile-clients probes, replayed against the built server in production mode: each finding
 * of the attack on the first round (deep and aliased queries, a huge WebSocket message, a sign-in
 * burst beside a member's work, parallel guesses, bad dates, text and sizes, secrets in logs, unsafe
 * settings, idempotency) with what the server answers now and how long it took. Times are
 * wall-clock on whatever else the machine is doing; compare the ratios within one run.
 *
 *   npm run bench:hostile-probes                                   # SQLite
 *   BENCH_DATABASE_URL=postgres://… npm run bench:hostile-probes   # PostgreSQL
 *
 * Members cannot be given passwords in production, so a first start in development mode sets up
 * the brand, its members and a proposal on the same database; the probes then run in production.
 */
import { createDatabase, dropDatabase, withDatabase } from '@standpoint/database';
// The harness's GraphQL and port helpers only: its index also holds Jest's hooks.
import { postGraphQL } from '../libs/testing/src/graphql-client';
import { freePort, waitForHttp } from '../libs/testing/src/processes';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

const ADMIN = { email: 'root@probe.test', password: 'granite-lantern-orbit-74' };
const PASSWORD = 'velvet-harbour-compass-19';
const MiB = 1024 * 1024;
const MAIN = join(__dirname, '..', 'src', 'main.js');

/** The built server as its own process, its output kept for the log probe. */
function startServer(env: Record<string, string>): { child: ChildProcess; output(): string } {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

interface Row {
  finding: string;
  now: string;
  ms?: number;
}
const rows: Row[] = [];

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

function code(response: { status: number; errors?: { extensions?: { code?: string } }[] }) {
  return `${response.status} ${response.errors?.map((e) => e.extensions?.code).join(',') || 'ok'}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

class Server {
  private constructor(
    readonly url: string,
    readonly process: { child: ChildProcess; output(): string },
  ) {}

  static async start(env: Record<string, string>): Promise<Server> {
    const port = await freePort();
    const child = startServer({ ...env, PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health`, 200, 60_000);
    return new Server(url, child);
  }

  gql(query: string, variables: Record<string, unknown> = {}, token?: string, headers = {}) {
    return postGraphQL(this.url, query, variables, token, headers);
  }

  async login(email: string, password: string, forwardedFor?: string): Promise<string> {
    const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
    const answer = await this.gql(
      'mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}',
      { e: email, p: password },
      undefined,
      headers,
    );
    if (!answer.data?.login) throw new Error(`login ${email}: ${JSON.stringify(answer.errors)}`);
    return answer.data.login.token as string;
  }

  peakRssBytes(): number {
    const status = readFileSync(`/proc/${this.process.child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
  }

  async stop(): Promise<void> {
    this.process.child.kill('SIGTERM');
    await once(this.process.child, 'exit');
  }
}

interface Setup {
  admin: string;
  brandId: string;
  proposalId: string;
  manager: string;
}

/** In development mode: a brand, a social manager and a proposal with a comment to page over. */
async function setUp(server: Server): Promise<Setup> {
  const admin = await server.login(ADMIN.email, ADMIN.password);
  const brand = await server.gql(
    'mutation{createBrand(input:{name:"Probe Outdoor",slug:"probe"}){id}}',
    {},
    admin,
  );
  const brandId = brand.data!.createBrand.id as string;
  await server.gql(
    'mutation($i:AddMemberInput!){addMember(input:$i){roles}}',
    {
      i: {
        brandId,
        email: 'sam@probe.test',
        name: 'Sam Rivera',
        roles: ['SOCIAL_MANAGER'],
        password: PASSWORD,
      },
    },
    admin,
  );
  const manager = await server.login('sam@probe.test', PASSWORD);
  const created = await server.gql(
    `mutation($i:CreateProposalInput!){createProposal(input:$i){id}}`,
    {
      i: {
        brandId,
        title: 'Pride month statement',
        issue: 'LGBTQ+ rights',
        stanceType: 'STATEMENT',
        urgency: 'ROUTINE',
        drafts: [{ channel: 'X', body: 'We stand with our community.' }],
      },
    },
    manager,
  );
  return { admin, brandId, proposalId: created.data!.createProposal.id as string, manager };
}

function nested(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++)
    selection = `memberships { brand { members { user { ${selection} } } } }`;
  return `{ viewer { ${selection} } }`;
}

function aliased(count: number, field: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

async function queryLimits(server: Server, setup: Setup): Promise<void> {
  const { brandId, manager } = setup;
  const [, idle] = await timed(() => server.gql('{ viewer { id } }', {}, manager));
  for (const levels of [5, 25]) {
    const [answer, ms] = await timed(() => server.gql(nested(levels), {}, manager));
    rows.push({ finding: `nested viewer query, ${levels} levels`, now: code(answer), ms });
  }
  const [chains, chainsMs] = await timed(() =>
    server.gql(aliased(200, `verifyAuditChain(brandId: "${brandId}") { valid }`), {}, manager),
  );
  rows.push({ finding: '200 × verifyAuditChain', now: code(chains), ms: chainsMs });
  const [records, recordsMs] = await timed(() =>
    server.gql(
      aliased(
        100,
        `proposals(brandId: "${brandId}", first: 100) { edges { node { decisionRecord { lines { summary } } } } }`,
      ),
      {},
      manager,
    ),
  );
  rows.push({
    finding: '100 × proposals(first:100){decisionRecord}',
    now: code(records),
    ms: recordsMs,
  });
  const burst = Array.from({ length: 20 }, () => server.gql(nested(25), {}, manager));
  const [health, healthMs] = await timed(() => fetch(`${server.url}/health`));
  await Promise.all(burst);
  rows.push({
    finding: '/health during 20 deep queries',
    now: `${health.status} (an idle viewer query: ${idle} ms)`,
    ms: healthMs,
  });
}

async function webSocketPayload(server: Server): Promise<void> {
  const before = server.peakRssBytes();
  const message = Buffer.from(
    JSON.stringify({ type: 'connection_init', payload: { pad: 'a'.repeat(60 * MiB) } }),
  );
  const codes: number[] = [];
  const [, ms] = await timed(async () => {
    for (let i = 0; i < 4; i++) {
      const socket = new WebSocket(
        `${server.url.replace('http', 'ws')}/graphql`,
        'graphql-transport-ws',
      );
      socket.on('error', () => undefined);
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', resolve));
      socket.send(message);
      codes.push(await closed);
    }
  });
  const grown = Math.round((server.peakRssBytes() - before) / MiB);
  rows.push({
    finding: '4 × 60 MiB unauthenticated connection_init',
    now: `closed ${[...new Set(codes)].join(',')}; peak RSS +${grown} MiB`,
    ms,
  });
}

async function signInBurst(server: Server, setup: Setup): Promise<void> {
  const comment = () =>
    server.gql(
      'mutation($i:AddCommentInput!){addComment(input:$i){id}}',
      { i: { proposalId: setup.proposalId, body: 'Checking the tone with legal.' } },
      setup.manager,
    );
  const idle: number[] = [];
  for (let i = 0; i < 5; i++) idle.push((await timed(comment))[1]);
  // 30 wrong passwords from 30 addresses, so that the address throttle does not refuse them early.
  const guesses = Array.from({ length: 30 }, (_, i) =>
    server.gql(
      'mutation{login(email:"sam@probe.test",password:"wrong-guess"){token}}',
      {},
      undefined,
      { 'x-forwarded-for': `198.51.100.${i + 1}` },
    ),
  );
  const busy: number[] = [];
  for (let i = 0; i < 5; i++) busy.push((await timed(comment))[1]);
  await Promise.all(guesses);
  rows.push({
    finding: 'addComment beside 30 failed sign-ins',
    now: `median ${median(busy)} ms vs ${median(idle)} ms idle (${(median(busy) / median(idle)).toFixed(1)}×)`,
  });

  const parallel = await Promise.all(
    Array.from({ length: 40 }, () =>
      server.gql(
        'mutation{login(email:"root@probe.test",password:"not-it"){token}}',
        {},
        undefined,
        {
          'x-forwarded-for': '203.0.113.9',
        },
      ),
    ),
  );
  const refused = parallel.filter((a) => a.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS');
  rows.push({
    finding: '40 parallel guesses at one account from one address',
    now: `${40 - refused.length} evaluated, ${refused.length} refused with retryAfterSeconds`,
  });
  const [, ms] = await timed(() => server.login(ADMIN.email, ADMIN.password, '192.0.2.50'));
  rows.push({
    finding: 'the right password from another address, meanwhile',
    now: 'signed in',
    ms,
  });
}

async function badInput(server: Server, setup: Setup): Promise<void> {
  const { manager, proposalId, brandId } = setup;
  const probe = async (
    finding: string,
    query: string,
    variables: Record<string, unknown>,
    token = manager,
  ) => {
    const [answer, ms] = await timed(() => server.gql(query, variables, token));
    rows.push({ finding, now: code(answer), ms });
  };
  await probe(
    'schedule(publishAt: "asap")',
    'mutation($i:ScheduleInput!){schedule(input:$i){__typename}}',
    {
      i: { proposalId, publishAt: 'asap' },
    },
  );
  await probe(
    'auditEvents(filter: {since: "garbage"})',
    'query($b:ID!){auditEvents(brandId:$b,filter:{since:"garbage"}){edges{cursor}}}',
    { b: brandId },
    setup.admin,
  );
  const facebook = 'é'.repeat(60_000);
  await probe(
    '60,000 × é Facebook draft',
    'mutation($i:CreateProposalInput!){createProposal(input:$i){id}}',
    {
      i: {
        brandId,
        title: 'A long post',
        issue: 'Climate',
        stanceType: 'STATEMENT',
        urgency: 'ROUTINE',
        drafts: [{ channel: 'FACEBOOK', body: facebook }],
      },
    },
  );
  const [oversized, oversizedMs] = await timed(() =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
      body: JSON.stringify({ query: '{ viewer { id } }', pad: 'x'.repeat(1.1 * MiB) }),
    }),
  );
  const body = (await oversized.json()) as { errors: { extensions: { code: string } }[] };
  rows.push({
    finding: 'a 1.1 MiB body',
    now: `${oversized.status} ${body.errors[0].extensions.code}`,
    ms: oversizedMs,
  });
  const [nul, nulMs] = await timed(() =>
    server.gql('mutation($e:String!){login(email:$e,password:"x"){token}}', { e: 'a\u0000@b.c' }),
  );
  rows.push({ finding: 'NUL in an unauthenticated login', now: code(nul), ms: nulMs });
  await probe(
    'lone surrogate in a comment',
    'mutation($i:AddCommentInput!){addComment(input:$i){id}}',
    {
      i: { proposalId, body: 'broken \ud800 text' },
    },
  );
  await probe(
    'U+202E in a title',
    'mutation($i:CreateProposalInput!){createProposal(input:$i){id}}',
    {
      i: {
        brandId,
        title: 'Statement \u202e tnemetats',
        issue: 'Climate',
        stanceType: 'STATEMENT',
        urgency: 'ROUTINE',
        drafts: [{ channel: 'X', body: 'Words.' }],
      },
    },
  );
  await probe(
    '3,000 mediaUrls in one draft',
    'mutation($i:ReviseProposalInput!){reviseProposal(input:$i){__typename}}',
    {
      i: {
        proposalId,
        drafts: [
          {
            channel: 'X',
            body: 'Words.',
            mediaUrls: Array.from({ length: 3000 }, (_, i) => `https://cdn.example/${i}.png`),
          },
        ],
      },
    },
  );
  await probe(
    'cursor ["abc"] on auditEvents (keyed by number)',
    'query($b:ID!,$a:String){auditEvents(brandId:$b,after:$a){edges{cursor}}}',
    { b: brandId, a: Buffer.from('["abc"]').toString('base64url') },
    setup.admin,
  );
}

async function secretsInLogs(server: Server): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const access = randomBytes(24).toString('base64url');
  await fetch(`${server.url}/Decide/${token}`);
  await fetch(`${server.url}/%64ecide/${token}`);
  await fetch(`${server.url}/proposals/prp_x/decision-record?access=${access}`);
  const output = server.process.output();
  const leaked = [token, access].filter((secret) => output.includes(secret)).length;
  rows.push({
    finding: '/Decide/<token>, /%64ecide/<token>, ?access=… in the log',
    now: leaked === 0 ? 'redacted' : `${leaked} secret(s) logged`,
  });
}

async function idempotency(server: Server): Promise<void> {
  const key = { 'idempotency-key': randomBytes(8).toString('hex') };
  const first = await server.gql(
    'mutation{login(email:"root@probe.test",password:"granite-lantern-orbit-74"){token}}',
    {},
    undefined,
    { ...key, 'x-forwarded-for': '192.0.2.60' },
  );
  const replay = await server.gql(
    'mutation{login(email:"root@probe.test",password:"wrong"){token}}',
    {},
    undefined,
    { ...key, 'x-forwarded-for': '192.0.2.60' },
  );
  rows.push({
    finding: 'one Idempotency-Key: login, then a wrong password',
    now: `first ${code(first)}, second ${code(replay)} (evaluated, nothing stored)`,
  });
}

async function unsafeSettings(env: Record<string, string>): Promise<void> {
  for (const [finding, change] of [
    [
      'production with WEBHOOKS_ALLOW_PRIVATE_TARGETS=true',
      { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' },
    ],
    ['production without AUDIT_SIGNING_KEY', { AUDIT_SIGNING_KEY: '' }],
  ] as const) {
    const started = startServer({ ...env, ...change, PORT: String(await freePort()) });
    const [exit] = (await once(started.child, 'exit')) as [number | null];
    const line = started
      .output()
      .split('\n')
      .find((text) => /^\s+\S/.test(text));
    rows.push({ finding, now: `exit ${exit}: ${line?.trim() ?? ''}` });
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'standpoint-probes-'));
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const name = `standpoint_probes_${randomBytes(4).toString('hex')}`;
  if (serverUrl) await createDatabase(serverUrl, name);
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ...(serverUrl
      ? { DATABASE_URL: withDatabase(serverUrl, name) }
      : { SQLITE_PATH: join(dataDir, 'probes.sqlite') }),
    JWT_SECRET: randomBytes(32).toString('hex'),
    STANDPOINT_ADMIN_EMAIL: ADMIN.email,
    STANDPOINT_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
    TRUST_PROXY: 'loopback',
  };
  const production = {
    ...env,
    NODE_ENV: 'production',
    SMTP_URL: 'smtp://127.0.0.1:9',
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    SECRETS_KEY: randomBytes(32).toString('base64'),
  };
  try {
    const development = await Server.start(env);
    const setup = await setUp(development).finally(() => development.stop());
    const server = await Server.start(production);
    try {
      await queryLimits(server, setup);
      await webSocketPayload(server);
      await signInBurst(server, setup);
      await badInput(server, setup);
      await secretsInLogs(server);
      await idempotency(server);
    } finally {
      await server.stop();
    }
    await unsafeSettings(production);
  } finally {
    if (serverUrl) await dropDatabase(serverUrl, name);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const where = serverUrl ? 'PostgreSQL' : 'SQLite';
  process.stdout.write(`hostile-client probes, production mode, ${where}\n\n`);
  const width = Math.max(...rows.map((row) => row.finding.length));
  for (const row of rows)
    process.stdout.write(
      `${row.finding.padEnd(width)}  ${row.ms === undefined ? '' : `${row.ms} ms  `.padStart(10)}${row.now}\n`,
    );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
