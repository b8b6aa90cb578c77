import {
  emailedDecisionToken,
  SmtpPeer,
  TEST_ADMIN,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import { Writable } from 'node:stream';
import { AppModule } from '../src/app.module';

/** Every character written as `%xx`, as a client may send a path. */
const percentEncoded = (text: string) =>
  [...Buffer.from(text)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');

/**
 * A whole story through the production logger at `info`, captured line by line: sign-ins, a
 * proposal sent for approval, its emailed decision link opened (as sent, in another case,
 * percent-encoded) and posted, the printable record opened from its link. No line may hold any
 * password, access token, link token or access credential the story used, in any spelling.
 */
describe('the log of a whole story', () => {
  const lines: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  let peer: SmtpPeer;
  const env: Record<string, string> = { NODE_ENV: 'production', LOG_LEVEL: 'info' };
  beforeAll(async () => {
    peer = await SmtpPeer.start();
    env.SMTP_URL = peer.url;
  });
  const app = useTestApp(AppModule, env, { logTo: capture, signIn: 'login' });
  // After the app has closed, so that its mail connection is gone and the peer stops at once.
  afterAll(() => peer?.stop());

  /** Every credential the story used, to look for in the log. */
  const secrets: string[] = [];
  let members: TestMember[];
  let decisionToken: string;

  beforeAll(async () => {
    const admin = await app.fixtures.admin();
    const brand = await app.fixtures.brand();
    members = await Promise.all(
      ['SOCIAL_MANAGER', 'APPROVER'].map((role) => app.fixtures.member(brand.id, [role])),
    );
    const [manager, approver] = members;
    secrets.push(TEST_ADMIN.password, admin);
    for (const member of members) secrets.push(member.password, member.token);
    // A sign-in that fails, with a password that is nearly right.
    await app.gql(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: manager.email, p: `${manager.password}!` },
    );
    secrets.push(`${manager.password}!`);

    const proposal = await app.fixtures.inReview(brand.id, manager.token);
    decisionToken = await emailedDecisionToken(app.t, peer, approver.email);
    secrets.push(decisionToken);

    const decide = (path: string) => `${app.t.url}${path}`;
    // The emailed link, as sent and as a hostile or sloppy client might spell it.
    for (const path of [
      `/decide/${decisionToken}`,
      `/Decide/${decisionToken}`,
      `/DECIDE/${decisionToken}?utm=email`,
      `/decide/${percentEncoded(decisionToken)}`,
      `/%64ecide/${decisionToken}`,
    ])
      expect([path, (await fetch(decide(path))).status]).toEqual([path, expect.any(Number)]);
    const page = await (await fetch(decide(`/decide/${decisionToken}`))).text();
    const antiForgery = /name="antiForgery"\s+value="([^"]+)"/.exec(page)![1];
    secrets.push(antiForgery);
    const posted = await fetch(decide(`/Decide/${decisionToken}`), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        referer: decide(`/decide/${decisionToken}`),
      },
      body: new URLSearchParams({ antiForgery, outcome: 'APPROVE', comment: 'Go ahead' }),
    });
    expect(posted.status).toBe(200);

    const link = await app.data(
      'mutation ($id: ID!) { decisionRecordLink(proposalId: $id) { url } }',
      { id: proposal.id },
      manager.token,
    );
    const access = new URL(link.decisionRecordLink.url).searchParams.get('access')!;
    secrets.push(access);
    const record = `/proposals/${proposal.id}/decision-record`;
    expect((await fetch(decide(`${record}?access=${access}`))).status).toBe(200);
    await fetch(decide(`${record}?ACCESS=${percentEncoded(access)}`));
    await fetch(decide(`/graphql?token=${access}`));

    // A calendar feed: its address is answered once, then fetched by a calendar app.
    const feed = await app.data('mutation { createMyCalendarFeed { url } }', {}, approver.token);
    const feedPath = new URL(feed.createMyCalendarFeed.url).pathname;
    secrets.push(/\/calendar\/(.+)\.ics$/.exec(feedPath)![1]);
    expect((await fetch(decide(feedPath))).status).toBe(200);
    await fetch(decide(feedPath.replace('/calendar/', '/Calendar/')));
  });

  it('was written, request by request, by the production logger', () => {
    const requests = lines.map((line) => JSON.parse(line)).filter((entry) => entry.req);
    expect(requests.length).toBeGreaterThan(20);
    expect(requests.every((entry) => typeof entry.correlationId === 'string')).toBe(true);
    expect(requests.map((entry) => entry.req.url)).toEqual(
      expect.arrayContaining([
        '/graphql',
        '/decide/[redacted]',
        '/calendar/[redacted]',
        expect.stringMatching(/^\/proposals\/[^/]+\/decision-record\?access=\[redacted\]$/),
      ]),
    );
  });

  it('holds none of the passwords, tokens, link tokens or access credentials, in any spelling', () => {
    expect(secrets.length).toBeGreaterThan(8);
    const spellings = secrets.flatMap((secret) => [
      secret,
      percentEncoded(secret),
      encodeURIComponent(secret),
    ]);
    // Compared without regard to case: `/Decide/` must not be a way around the redaction.
    const leaks = lines.flatMap((line, i) =>
      spellings
        .filter((spelling) => line.toLowerCase().includes(spelling.toLowerCase()))
        .map((spelling) => `line ${i}: ${spelling.slice(0, 12)}…`),
    );
    expect(leaks).toEqual([]);
  });
});
