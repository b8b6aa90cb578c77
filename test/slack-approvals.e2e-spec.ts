import { AdminAlerts, Alert, OutboxMessageEntity } from '@standpoint/notifications';
import { SlackMessageEntity, SlackOutbox, SlackWorkspaceEntity } from '@standpoint/slack';
import { DeadlinesService } from '@standpoint/approvals';
import {
  deliverOutbox,
  FakeClock,
  outboxOf,
  errorCodes,
  FakeSlack,
  slackInteractionBody,
  slackRequestHeaders,
  startFakeSlack,
  TestBrand,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import { randomBytes } from 'node:crypto';
import { IsNull } from 'typeorm';
import { Writable } from 'node:stream';
import { AppModule } from '../src/app.module';

const CONNECT = `mutation ($input: ConnectSlackInput!) { connectSlack(input: $input) {
  id brandId teamId teamName botUserId channelId interactionsUrl commandsUrl appManifest
} }`;
const CONNECTION = `query ($brandId: ID!) { slackConnection(brandId: $brandId) { id teamId appManifest } }`;
const DISCONNECT = 'mutation ($brandId: ID!) { disconnectSlack(brandId: $brandId) }';
const LINK_CODE = `mutation ($brandId: ID!) { createSlackLinkCode(brandId: $brandId) { code command expiresAt } }`;
const UNLINK = 'mutation ($brandId: ID!) { unlinkSlack(brandId: $brandId) }';
const DECISIONS = `query ($id: ID!) { proposal(id: $id) {
  state decisions { outcome channel comment approver { email } }
  decisionRecord { lines { action actorLabel decision { outcome channel contentHash } } }
} }`;
const REVISE = `mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { __typename } }`;

interface Workspace {
  token: string;
  signingSecret: string;
  teamId: string;
  teamName: string;
  botUserId: string;
}

const workspace = (teamId: string): Workspace => ({
  token: `xoxb-${randomBytes(6).toString('hex')}-${randomBytes(12).toString('hex')}`,
  signingSecret: randomBytes(16).toString('hex'),
  teamId,
  teamName: `team-${teamId.toLowerCase()}`,
  botUserId: `U${teamId.slice(1)}BOT`,
});

/**
 * Slack approvals against a local fake of Slack's Web API: a brand connects its workspace, members
 * link their Slack accounts, approval requests are posted to them, a button opens the modal with
 * the words, and its submission records the decision (channel SLACK) as `decide` does.
 */
describe('Slack approvals', () => {
  let slack: FakeSlack;
  const lines: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  // The log as production writes it, to look for secrets in.
  const env: Record<string, string> = { LOG_LEVEL: 'info' };
  const ours = workspace('T0OURS');
  const theirs = workspace('T0THEIRS');
  // Before the app starts: it is given the fake's address.
  beforeAll(async () => {
    slack = await startFakeSlack();
    env.SLACK_API_URL = slack.apiUrl;
    slack.addWorkspace(ours);
    slack.addWorkspace(theirs);
  });
  const app = useTestApp(AppModule, env, { logTo: capture });
  let brand: TestBrand;
  let otherBrand: TestBrand;
  let admin: TestMember;
  let manager: TestMember;
  let approvers: TestMember[];
  let connectionId: string;
  let otherConnectionId: string;
  let proposalId: string;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    otherBrand = await app.fixtures.brand();
    [admin, manager, ...approvers] = await Promise.all([
      app.fixtures.member(brand.id, ['ADMIN']),
      app.fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(brand.id, ['APPROVER']),
      app.fixtures.member(brand.id, ['APPROVER']),
    ]);
    await app.fixtures.policy(brand.id, [
      { name: 'Leadership', approverIds: approvers.map((a) => a.id), quorum: 'ALL' },
    ]);
  });
  afterAll(() => slack?.close());

  const post = (
    id: string,
    kind: 'commands' | 'interactions',
    body: string,
    headers: Record<string, string>,
  ) => fetch(`${app.t.url}/slack/${id}/${kind}`, { method: 'POST', headers, body });
  const signedPost = (
    id: string,
    kind: 'commands' | 'interactions',
    body: string,
    secret: string,
    at = new Date(),
  ) => post(id, kind, body, slackRequestHeaders(secret, body, at));
  const command = (text: string, slackUserId: string, ws = ours, id = connectionId) =>
    signedPost(
      id,
      'commands',
      new URLSearchParams({
        team_id: ws.teamId,
        user_id: slackUserId,
        command: '/standpoint',
        text,
      }).toString(),
      ws.signingSecret,
    );
  const click = (
    slackUserId: string,
    messageId: string,
    action = 'standpoint_approve',
    ws = ours,
    id = connectionId,
  ) =>
    signedPost(
      id,
      'interactions',
      slackInteractionBody({
        type: 'block_actions',
        team: { id: ws.teamId },
        user: { id: slackUserId },
        trigger_id: `trigger-${randomBytes(4).toString('hex')}`,
        actions: [{ action_id: action, value: messageId }],
      }),
      ws.signingSecret,
    );
  const submission = (
    slackUserId: string,
    view: Record<string, any>,
    comment: string | null,
    acknowledge = false,
  ) =>
    slackInteractionBody({
      type: 'view_submission',
      team: { id: ours.teamId },
      user: { id: slackUserId },
      view: {
        id: `V${randomBytes(4).toString('hex')}`,
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            comment: { comment: { value: comment } },
            acknowledge: {
              acknowledge: { selected_options: acknowledge ? [{ value: 'yes' }] : [] },
            },
          },
        },
      },
    });
  /** The view of the last views.open. */
  const lastView = () => slack.callsOf('views.open').at(-1)!.args.view as Record<string, any>;
  const decisionsOf = (id: string): Promise<Record<string, unknown>[]> =>
    app.t.dataSource
      .createQueryBuilder()
      .select(['"approverId"', '"channel"', '"contentHash"', '"comment"'])
      .from('decision', 'd')
      .where('"proposalId" = :id', { id })
      .getRawMany();
  const buttonsOf = (blocks: Record<string, any>[]) =>
    blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as { action_id: string; value: string }[]);

  it('connects the workspace for brand admins only, checks the token with auth.test, and keeps both secrets sealed', async () => {
    const input = {
      brandId: brand.id,
      botToken: ours.token,
      signingSecret: ours.signingSecret,
      channelId: 'C0APPROVALS',
    };
    expect(errorCodes(await app.gql(CONNECT, { input }, manager.token))).toEqual(['FORBIDDEN']);
    const otherAdmin = await app.fixtures.member(otherBrand.id, ['ADMIN']);
    expect(errorCodes(await app.gql(CONNECT, { input }, otherAdmin.token))).toEqual(['NOT_FOUND']);
    const refused = await app.gql(
      CONNECT,
      { input: { ...input, botToken: 'xoxb-not-a-known-token' } },
      admin.token,
    );
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(refused)).not.toContain('xoxb-not-a-known-token');

    const connected = (await app.data(CONNECT, { input }, admin.token)).connectSlack;
    connectionId = connected.id;
    expect(connected).toMatchObject({
      brandId: brand.id,
      teamId: ours.teamId,
      teamName: ours.teamName,
      botUserId: ours.botUserId,
      channelId: 'C0APPROVALS',
      interactionsUrl: `${app.t.config.publicUrl}/slack/${connectionId}/interactions`,
      commandsUrl: `${app.t.config.publicUrl}/slack/${connectionId}/commands`,
    });
    const shown =
      JSON.stringify(connected) +
      JSON.stringify(await app.gql(CONNECTION, { brandId: brand.id }, admin.token));
    expect(shown).toContain(connectionId);
    expect(shown).not.toContain(ours.token);
    expect(shown).not.toContain(ours.signingSecret);
    const manifest = JSON.parse(connected.appManifest);
    expect(manifest.oauth_config.scopes.bot).toEqual(['chat:write', 'commands']);
    expect(manifest.settings.interactivity.request_url).toBe(connected.interactionsUrl);
    expect(manifest.features.slash_commands[0].url).toBe(connected.commandsUrl);
    expect(slack.callsOf('auth.test').at(-1)!.token).toBe(ours.token);
    expect(errorCodes(await app.gql(CONNECT, { input }, admin.token))).toEqual(['CONFLICT']);
    expect(errorCodes(await app.gql(CONNECTION, { brandId: brand.id }, otherAdmin.token))).toEqual([
      'NOT_FOUND',
    ]);

    const row = await app.t.dataSource.manager.findOneByOrFail(SlackWorkspaceEntity, {
      id: connectionId,
    });
    expect(row.botToken).toMatch(/^sb1\./);
    expect(row.signingSecret).toMatch(/^sb1\./);
    expect(JSON.stringify(row)).not.toContain(ours.token);
    expect(JSON.stringify(row)).not.toContain(ours.signingSecret);

    const other = await app.data(
      CONNECT,
      {
        input: {
          brandId: otherBrand.id,
          botToken: theirs.token,
          signingSecret: theirs.signingSecret,
        },
      },
      otherAdmin.token,
    );
    otherConnectionId = other.connectSlack.id;
    const events = (await app.auditChain(brand.id)).filter((e) => e.action === 'slack.connected');
    expect(events).toHaveLength(1);
    expect(events[0].data).toEqual({
      teamId: ours.teamId,
      teamName: ours.teamName,
      botUserId: ours.botUserId,
      channelId: 'C0APPROVALS',
    });
  });

  it('links Slack accounts by one-time codes only, throttles guessing, and audits each link', async () => {
    for (const [i, approver] of approvers.entries()) {
      const { code, command: typed } = (
        await app.data(LINK_CODE, { brandId: brand.id }, approver.token)
      ).createSlackLinkCode;
      expect(typed).toBe(`/standpoint link ${code}`);
      const answer = await command(`link ${code}`, `U0APPROVER${i}`);
      expect(answer.status).toBe(200);
      expect((await answer.json()).text).toContain(`as ${approver.email}`);
      // Used once.
      expect((await (await command(`link ${code}`, 'U0SOMEONE')).json()).text).toMatch(
        /unknown, used or expired/,
      );
    }
    // A code of this brand typed in the other brand's workspace links nobody there.
    const { code } = (await app.data(LINK_CODE, { brandId: brand.id }, manager.token))
      .createSlackLinkCode;
    expect(
      (await (await command(`link ${code}`, 'U0MANAGER', theirs, otherConnectionId)).json()).text,
    ).toMatch(/unknown/);
    const linked = (await app.auditChain(brand.id)).filter((e) => e.action === 'slack.user_linked');
    expect(linked.map((e) => (e.data as { slackUserId: string }).slackUserId)).toEqual([
      'U0APPROVER0',
      'U0APPROVER1',
    ]);
    expect(linked.map((e) => e.actorLabel)).toEqual(approvers.map((a) => `slack:${a.email}`));

    // Guessing: the attempts of one Slack account run out.
    const answers: string[] = [];
    for (let i = 0; i < 11; i++)
      answers.push((await (await command(`link guess${i}`, 'U0GUESSER')).json()).text);
    expect(answers.slice(0, 10).every((t) => /unknown/.test(t))).toBe(true);
    expect(answers[10]).toMatch(/Too many link attempts/);
  });

  it('refuses forged, stale and misdirected requests with 401, doing nothing', async () => {
    const { code } = (await app.data(LINK_CODE, { brandId: brand.id }, manager.token))
      .createSlackLinkCode;
    const body = new URLSearchParams({
      team_id: ours.teamId,
      user_id: 'U0MANAGER',
      text: `link ${code}`,
    }).toString();
    const forged = await signedPost(connectionId, 'commands', body, theirs.signingSecret);
    const stale = await signedPost(
      connectionId,
      'commands',
      body,
      ours.signingSecret,
      new Date(Date.now() - 6 * 60_000),
    );
    const unsigned = await post(connectionId, 'commands', body, {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    const otherTeam = await signedPost(
      connectionId,
      'commands',
      body.replace(ours.teamId, theirs.teamId),
      ours.signingSecret,
    );
    const unknown = await signedPost('slk_nothing', 'commands', body, ours.signingSecret);
    expect([forged, stale, unsigned, otherTeam, unknown].map((r) => r.status)).toEqual([
      401, 401, 401, 401, 401,
    ]);
    for (const refusal of ['FORGED', 'STALE', 'UNSIGNED', 'ANOTHER_WORKSPACE']) {
      expect(lines.join('')).toContain(`Slack request refused (${refusal})`);
    }
    // The code still links: nothing was done with it.
    expect(
      (await (await signedPost(connectionId, 'commands', body, ours.signingSecret)).json()).text,
    ).toContain(manager.email);
  });

  it('posts a request to each linked approver and the channel; a button opens the words; the modal records the decision as SLACK, once', async () => {
    slack.calls.length = 0;
    const proposal = await app.fixtures.inReview(brand.id, manager.token, {
      title: 'Flood relief <!channel>',
      drafts: [
        { channel: 'X', body: 'Our stores are open as shelters tonight. <!everyone> *now*' },
      ],
      riskNote: { likelihood: 4, impact: 4, description: 'A boycott call' },
    });
    proposalId = proposal.id;
    const rows = await app.t.dataSource.manager.findBy(OutboxMessageEntity, {
      brandId: brand.id,
      channel: 'SLACK',
    });
    expect(rows.map((r) => r.recipient).sort()).toEqual([
      'C0APPROVALS',
      'U0APPROVER0',
      'U0APPROVER1',
    ]);
    await deliverOutbox(app.t);
    const posts = slack.callsOf('chat.postMessage');
    expect(posts.map((c) => c.args.channel).sort()).toEqual([
      'C0APPROVALS',
      'U0APPROVER0',
      'U0APPROVER1',
    ]);
    for (const p of posts) {
      expect(p.token).toBe(ours.token);
      const blocks = JSON.stringify(p.args.blocks);
      expect(blocks).toContain('Our stores are open as shelters tonight. <!everyone> *now*');
      expect(blocks).toContain('A boycott call');
      expect(blocks).not.toMatch(/"type":"mrkdwn","text":"[^"]*<!everyone>/);
      expect(buttonsOf(p.args.blocks).map((b) => b.action_id)).toEqual([
        'standpoint_approve',
        'standpoint_request_changes',
        'standpoint_reject',
      ]);
    }
    const stored = await app.t.dataSource.manager.findBy(SlackMessageEntity, { proposalId });
    expect(stored.every((m) => m.ts && m.channel)).toBe(true);
    expect(stored.find((m) => m.recipientUserId === approvers[0].id)!.channel).toBe('D0APPROVER0');

    const messageOf = (slackUserId: string) =>
      buttonsOf(posts.find((p) => p.args.channel === slackUserId)!.args.blocks)[0].value;
    expect((await click('U0APPROVER0', messageOf('U0APPROVER0'))).status).toBe(200);
    const modal = lastView();
    // Slack's retry of the click opens no second modal.
    const clicks = slack.callsOf('views.open').length;
    const retried = slackInteractionBody({
      type: 'block_actions',
      team: { id: ours.teamId },
      user: { id: 'U0APPROVER0' },
      trigger_id: 'trigger-retried',
      actions: [{ action_id: 'standpoint_approve', value: messageOf('U0APPROVER0') }],
    });
    const retry = await post(connectionId, 'interactions', retried, {
      ...slackRequestHeaders(ours.signingSecret, retried, new Date()),
      'X-Slack-Retry-Num': '1',
      'X-Slack-Retry-Reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    expect(slack.callsOf('views.open')).toHaveLength(clicks);
    expect(modal.callback_id).toBe('standpoint_decision');
    expect(JSON.stringify(modal.blocks)).toContain(
      'Our stores are open as shelters tonight. <!everyone> *now*',
    );
    expect(JSON.parse(modal.private_metadata)).toMatchObject({
      contentHash: proposal.contentHash,
      outcome: 'APPROVE',
    });

    // Approving overrules the open HIGH risk: the modal says so, and asks for the acknowledgement.
    expect(JSON.stringify(modal.blocks)).toMatch(/overrules a warning: approved and accepted/);
    const unacknowledged = await (
      await signedPost(
        connectionId,
        'interactions',
        submission('U0APPROVER0', modal, 'Go'),
        ours.signingSecret,
      )
    ).json();
    expect(unacknowledged).toEqual({
      response_action: 'errors',
      errors: { acknowledge: expect.stringMatching(/tick the acknowledgement/) },
    });
    expect(await decisionsOf(proposalId)).toEqual([]);
    const body = submission('U0APPROVER0', modal, 'Go', true);
    const headers = slackRequestHeaders(ours.signingSecret, body, new Date());
    const first = await (await post(connectionId, 'interactions', body, headers)).json();
    expect(first).toMatchObject({
      response_action: 'update',
      view: { title: { text: 'Recorded' } },
    });
    // Slack's retry, or the same request again: the same answer, one decision.
    const again = await (await post(connectionId, 'interactions', body, headers)).json();
    expect(again).toEqual(first);
    const decisions = await decisionsOf(proposalId);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      approverId: approvers[0].id,
      channel: 'SLACK',
      contentHash: proposal.contentHash,
      comment: 'Go',
    });
    const read = (await app.data(DECISIONS, { id: proposalId }, manager.token)).proposal;
    expect(read.decisions).toEqual([
      {
        outcome: 'APPROVE',
        channel: 'SLACK',
        comment: 'Go',
        approver: { email: approvers[0].email },
      },
    ]);
    const line = read.decisionRecord.lines.find((l: any) => l.action === 'decision.recorded');
    expect(line).toMatchObject({
      actorLabel: `slack:${approvers[0].email}`,
      decision: { channel: 'SLACK', contentHash: proposal.contentHash },
    });

    // The approver's own request now says what they decided, without buttons; the others stay.
    slack.calls.length = 0;
    await deliverOutbox(app.t);
    const mine = stored.find((m) => m.recipientUserId === approvers[0].id)!;
    expect(slack.callsOf('chat.update').map((u) => [u.args.channel, u.args.ts])).toEqual([
      [mine.channel, mine.ts],
    ]);
    expect(JSON.stringify(slack.callsOf('chat.update')[0].args.blocks)).toContain(
      'You decided: approve.',
    );
    expect(buttonsOf(slack.callsOf('chat.update')[0].args.blocks)).toEqual([]);

    // The approver's answered request takes no second decision.
    await click('U0APPROVER0', messageOf('U0APPROVER0'), 'standpoint_reject');
    expect(lastView().title.text).toBe('Request closed');

    // A Slack account nobody linked, and the manager (who wrote the words), are refused.
    await click('U0STRANGER', messageOf('U0APPROVER1'));
    expect(lastView().title.text).toBe('Not linked');
    await click('U0MANAGER', messageOf('U0APPROVER1'));
    expect(lastView().title.text).toBe('Four eyes');
    // Rejecting needs a comment, said next to the field.
    await click('U0APPROVER1', messageOf('U0APPROVER1'), 'standpoint_reject');
    const rejection = await (
      await signedPost(
        connectionId,
        'interactions',
        submission('U0APPROVER1', lastView(), null),
        ours.signingSecret,
      )
    ).json();
    expect(rejection).toEqual({
      response_action: 'errors',
      errors: { comment: expect.stringMatching(/comment/) },
    });
    const hidden = await (
      await signedPost(
        connectionId,
        'interactions',
        submission('U0APPROVER1', lastView(), 'Fine \u0007 by me'),
        ours.signingSecret,
      )
    ).json();
    expect(hidden).toEqual({
      response_action: 'errors',
      errors: { comment: expect.stringMatching(/^Remove the invisible characters/) },
    });
    expect(await decisionsOf(proposalId)).toHaveLength(1);
  });

  it('updates the posted requests when the words change, without buttons, and refuses a modal opened before', async () => {
    slack.calls.length = 0;
    const before = await app.t.dataSource.manager.findBy(SlackMessageEntity, {
      proposalId,
      closedAt: IsNull(),
    });
    expect(before).toHaveLength(2);
    const requestOf = before.find((m) => m.recipientUserId === approvers[1].id)!;
    await click('U0APPROVER1', requestOf.id);
    const oldModal = lastView();
    expect(oldModal.callback_id).toBe('standpoint_decision');

    await app.data(
      REVISE,
      {
        input: {
          proposalId,
          drafts: [{ channel: 'X', body: 'Our shops are open as shelters tonight.' }],
        },
      },
      manager.token,
    );
    await deliverOutbox(app.t);
    const updates = slack.callsOf('chat.update');
    expect(updates.map((u) => `${u.args.channel} ${u.args.ts}`).sort()).toEqual(
      before.map((m) => `${m.channel} ${m.ts}`).sort(),
    );
    for (const update of updates) {
      expect(buttonsOf(update.args.blocks)).toEqual([]);
      expect(JSON.stringify(update.args.blocks)).toMatch(/The words changed \(revision 2\)/);
    }
    // The restarted review asks again, with the new words.
    const asked = slack.callsOf('chat.postMessage');
    expect(asked).toHaveLength(3);
    expect(JSON.stringify(asked[0].args.blocks)).toContain('Our shops are open');

    const refused = await (
      await signedPost(
        connectionId,
        'interactions',
        submission('U0APPROVER1', oldModal, 'Yes'),
        ours.signingSecret,
      )
    ).json();
    expect(refused).toMatchObject({
      response_action: 'update',
      view: { title: { text: 'Words changed' } },
    });
    await click('U0APPROVER1', requestOf.id);
    expect(lastView().title.text).toBe('Words changed');
    expect((await decisionsOf(proposalId)).filter((d) => d.approverId === approvers[1].id)).toEqual(
      [],
    );

    // Withdrawn: the new requests close too.
    slack.calls.length = 0;
    await app.data(
      'mutation ($input: ReasonInput!) { withdraw(input: $input) { __typename } }',
      { input: { proposalId, reason: 'The storm passed' } },
      manager.token,
    );
    await deliverOutbox(app.t);
    const closed = slack.callsOf('chat.update');
    expect(closed).toHaveLength(3);
    for (const update of closed) {
      expect(JSON.stringify(update.args.blocks)).toContain('It was withdrawn');
      expect(buttonsOf(update.args.blocks)).toEqual([]);
    }
  });

  it("acts on nothing of this brand through another brand's connection", async () => {
    const { code } = (
      await app.data(
        LINK_CODE,
        { brandId: otherBrand.id },
        (await app.fixtures.member(otherBrand.id, ['APPROVER'])).token,
      )
    ).createSlackLinkCode;
    await command(`link ${code}`, 'U0THEIRS', theirs, otherConnectionId);
    const ourRequest = (
      await app.t.dataSource.manager.findBy(SlackMessageEntity, { proposalId })
    )[0];
    slack.calls.length = 0;
    await click('U0THEIRS', ourRequest.id, 'standpoint_approve', theirs, otherConnectionId);
    expect(lastView().title.text).toBe('Unknown request');
    expect(slack.calls.every((c) => c.token === theirs.token)).toBe(true);
    // Our request signed as the other workspace, to our route: not believed.
    const body = slackInteractionBody({
      type: 'block_actions',
      team: { id: theirs.teamId },
      user: { id: 'U0THEIRS' },
      trigger_id: 't',
      actions: [{ action_id: 'standpoint_approve', value: ourRequest.id }],
    });
    expect(
      (await signedPost(connectionId, 'interactions', body, theirs.signingSecret)).status,
    ).toBe(401);
  });

  it('refuses a member the step does not ask, and an outcome the brand confirms with a passkey', async () => {
    await app.data(
      `mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }`,
      {
        input: {
          brandId: brand.id,
          passkeyRequiredFor: 'ALL_DECISIONS',
          steps: [{ name: 'Leadership', approverIds: approvers.map((a) => a.id), quorum: 'ALL' }],
        },
      },
      admin.token,
    );
    const { code } = (await app.data(LINK_CODE, { brandId: brand.id }, admin.token))
      .createSlackLinkCode;
    await command(`link ${code}`, 'U0ADMIN');
    const proposal = await app.fixtures.inReview(brand.id, manager.token, { title: 'Passkeys' });
    const [request] = await app.t.dataSource.manager.findBy(SlackMessageEntity, {
      proposalId: proposal.id,
      recipientUserId: approvers[1].id,
    });
    await click('U0ADMIN', request.id);
    expect(lastView().title.text).toBe('Not yours to decide');
    await click('U0APPROVER1', request.id);
    expect(lastView().title.text).toBe('Passkey needed');
    expect(await decisionsOf(proposal.id)).toEqual([]);
  });

  it('gives up at once on what Slack refuses for good, and tries again what it rate-limits', async () => {
    const alert = { text: 'Alert', blocks: [] };
    const queue = () =>
      app.t.asSystem((ctx) =>
        app.t.app.get(SlackOutbox).postToBrandChannel(ctx, brand.id, 'test.refused', alert),
      );
    const rows = () =>
      app.t.dataSource.manager.find(OutboxMessageEntity, {
        where: { brandId: brand.id, topic: 'test.refused' },
        order: { id: 'ASC' },
      });
    await deliverOutbox(app.t);
    slack.failNext('chat.postMessage', 'channel_not_found');
    await queue();
    await deliverOutbox(app.t);
    slack.failNext('chat.postMessage', 'ratelimited');
    await queue();
    await deliverOutbox(app.t);
    expect((await rows()).map((r) => [r.status, r.lastError])).toEqual([
      ['DEAD', 'Slack answered channel_not_found'],
      ['PENDING', 'Slack rate-limited the call'],
    ]);
  });

  it("posts the admins' alerts to the brand's channel, through the outbox, as plain text", async () => {
    slack.calls.length = 0;
    const alert = (brandId: string): Omit<Alert, 'brandName'> => ({
      kind: 'DELIVERY_GAVE_UP',
      brandId,
      headline: 'A webhook delivery could not be delivered <!channel>',
      summary: 'Standpoint gave up after 8 attempts.',
      facts: [
        ['Attempts', '8'],
        ['Given up', new Date('2027-01-15T12:00:00Z')],
      ],
      link: { title: 'Open the outbox', url: 'https://standpoint.example.com/outbox' },
      payload: { endpoint: 'whe_1' },
    });
    await app.t.asSystem((ctx) => app.t.app.get(AdminAlerts).raise(ctx, alert(brand.id)));
    // A brand whose connection names no channel gets nothing in Slack.
    await app.t.asSystem((ctx) => app.t.app.get(AdminAlerts).raise(ctx, alert(otherBrand.id)));
    const rows = (await outboxOf(app.t, brand.id)).filter(
      (row) =>
        row.status === 'PENDING' && row.channel === 'SLACK' && row.topic.startsWith('alert.'),
    );
    // (The Slack message given up on earlier raised an alert of its own, already posted.)
    expect(rows.map((row) => [row.topic, row.payload])).toEqual([
      ['alert.delivery_gave_up', expect.objectContaining({ facts: { endpoint: 'whe_1' } })],
    ]);
    expect((await outboxOf(app.t, otherBrand.id)).filter((row) => row.channel === 'SLACK')).toEqual(
      [],
    );
    await deliverOutbox(app.t);
    const posted = slack.callsOf('chat.postMessage');
    expect(posted.map((c) => [c.token, c.args.channel])).toEqual([[ours.token, 'C0APPROVALS']]);
    const blocks = JSON.stringify(posted[0]!.args.blocks);
    expect(blocks).toContain('Given up: Fri, 15 Jan 2027, 12:00 (UTC)');
    // Whatever it quotes is plain text: the <!channel> it carries pings nobody.
    expect(blocks).not.toContain('"mrkdwn"');
    expect(posted[0]!.args.text).toBe(
      'Alert: A webhook delivery could not be delivered &lt;!channel&gt;',
    );
  });

  it('unlinks and disconnects, audited, and never shows a secret in answers, events or logs', async () => {
    expect((await app.data(UNLINK, { brandId: brand.id }, approvers[0].token)).unlinkSlack).toBe(
      true,
    );
    expect((await (await command('unlink', 'U0APPROVER1')).json()).text).toMatch(/Unlinked/);
    expect((await app.data(DISCONNECT, { brandId: brand.id }, admin.token)).disconnectSlack).toBe(
      connectionId,
    );
    expect(
      (await app.data(CONNECTION, { brandId: brand.id }, admin.token)).slackConnection,
    ).toBeNull();
    const events = (await app.auditChain(brand.id)).filter((e) => e.action.startsWith('slack.'));
    expect(events.map((e) => e.action)).toEqual([
      'slack.connected',
      'slack.user_linked',
      'slack.user_linked',
      'slack.user_linked',
      'slack.user_linked',
      'slack.user_unlinked',
      'slack.user_unlinked',
      'slack.disconnected',
    ]);
    expect(events.at(-1)!.data).toMatchObject({ unlinkedUsers: 2 });
    const everything = JSON.stringify(events) + lines.join('\n');
    for (const secret of [ours.token, ours.signingSecret, theirs.token, theirs.signingSecret]) {
      expect(everything).not.toContain(secret);
    }
    // The interactions of a disconnected workspace are nobody's, and nothing more is posted there.
    expect((await command('unlink', 'U0APPROVER1')).status).toBe(401);
    await app.t.asSystem(async (ctx) => {
      await app.t.app
        .get(SlackOutbox)
        .queue(ctx, { id: connectionId, brandId: brand.id } as never, [
          {
            topic: 'test.late',
            call: {
              method: 'chat.postMessage',
              channel: 'C0APPROVALS',
              message: { text: 'late', blocks: [] },
            },
          },
        ]);
    });
    await deliverOutbox(app.t);
    const dead = await app.t.dataSource.manager.findOneByOrFail(OutboxMessageEntity, {
      brandId: brand.id,
      topic: 'test.late',
    });
    expect(dead).toMatchObject({
      status: 'DEAD',
      lastError: 'the Slack workspace was disconnected',
    });
  });
});

/** The requests of a step that runs out of time: its deputies are asked, then every request closes. */
describe('Slack approvals when a step runs out of time', () => {
  let slack: FakeSlack;
  const clock = new FakeClock();
  const env: Record<string, string> = {};
  const ours = workspace('T0CLOCK');
  beforeAll(async () => {
    slack = await startFakeSlack();
    env.SLACK_API_URL = slack.apiUrl;
    slack.addWorkspace(ours);
  });
  const app = useTestApp(AppModule, env, { clock });
  afterAll(() => slack?.close());

  it('asks the deputies of an escalated step, and closes every request when the proposal expires', async () => {
    const brand = await app.fixtures.brand();
    const [admin, manager, leader, deputy] = await Promise.all([
      app.fixtures.member(brand.id, ['ADMIN']),
      app.fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(brand.id, ['APPROVER']),
      app.fixtures.member(brand.id, ['APPROVER']),
    ]);
    await app.data(
      'mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }',
      {
        input: {
          brandId: brand.id,
          steps: [
            {
              name: 'Leadership',
              approverIds: [leader.id],
              quorum: 'ANY',
              slaHours: 10,
              escalateToIds: [deputy.id],
              expireOnTimeout: true,
            },
          ],
        },
      },
      admin.token,
    );
    const input = {
      brandId: brand.id,
      botToken: ours.token,
      signingSecret: ours.signingSecret,
      channelId: 'C0CLOCK',
    };
    const connectionId = (await app.data(CONNECT, { input }, admin.token)).connectSlack.id;
    for (const [member, slackUserId] of [
      [leader, 'U0LEADER'],
      [deputy, 'U0DEPUTY'],
    ] as const) {
      const { code } = (await app.data(LINK_CODE, { brandId: brand.id }, member.token))
        .createSlackLinkCode;
      const body = new URLSearchParams({
        team_id: ours.teamId,
        user_id: slackUserId,
        text: `link ${code}`,
      }).toString();
      const linked = await fetch(`${app.t.url}/slack/${connectionId}/commands`, {
        method: 'POST',
        headers: slackRequestHeaders(ours.signingSecret, body, clock.now()),
        body,
      });
      expect((await linked.json()).text).toContain(member.email);
    }
    const posted = () =>
      slack
        .callsOf('chat.postMessage')
        .map((c) => c.args.channel)
        .sort();

    const proposal = await app.fixtures.inReview(brand.id, manager.token);
    await deliverOutbox(app.t);
    expect(posted()).toEqual(['C0CLOCK', 'U0LEADER']);

    const deadlines = app.t.app.get(DeadlinesService);
    clock.advanceHours(10);
    await deadlines.runDue();
    await deliverOutbox(app.t);
    expect(posted()).toEqual(['C0CLOCK', 'U0DEPUTY', 'U0LEADER']);

    clock.advanceHours(10);
    await deadlines.runDue();
    await deliverOutbox(app.t);
    const updates = slack.callsOf('chat.update');
    expect(updates.map((u) => u.args.channel).sort()).toEqual(['C0CLOCK', 'D0DEPUTY', 'D0LEADER']);
    for (const update of updates) {
      expect(JSON.stringify(update.args.blocks)).toContain('It expired');
    }
    const stored = await app.t.dataSource.manager.findBy(SlackMessageEntity, {
      proposalId: proposal.id,
    });
    expect(stored.every((m) => m.closedAt)).toBe(true);
  });
});
