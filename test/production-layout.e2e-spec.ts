import {
  addMemberAt,
  createBrandAt,
  createProposalAt,
  graphqlData,
  loginAt,
  provisionTestDatabase,
  ReceivedEmail,
  RunningProcess,
  setApprovalPolicyAt,
  SmtpPeer,
  startApiProcesses,
  startWorkerProcesses,
  stopProcesses,
  submitForReviewAt,
  TEST_ADMIN,
  TEST_DATABASE_URL,
  TestDatabase,
  testEnvironment,
  waitFor,
} from '@standpoint/testing';

/** 20 proposals, each asking 50 approvers: 1,000 approval emails from few requests. */
const APPROVERS = 50;
const PROPOSALS = 20;
/** Proposals that run out of time, all at one instant: 18 deadlines for two workers to race for. */
const EXPIRING = 6;
const PASSWORD = 'north-quarry-lantern-42';

const OUTBOX = `query ($b: ID!) {
  pending: outboxMessages(brandId: $b, status: PENDING, first: 1) { totalCount }
  sending: outboxMessages(brandId: $b, status: SENDING, first: 1) { totalCount }
  dead: outboxMessages(brandId: $b, status: DEAD, first: 1) { totalCount }
}`;
const DEADLINE_EVENTS = `query ($b: ID!) {
  auditEvents(brandId: $b, first: 100, filter: { actions: ["step.reminded", "proposal.expired"] }) {
    totalCount edges { node { action actorLabel entityId data } }
  }
}`;

// Several processes share one database only on PostgreSQL.
const onPostgres = TEST_DATABASE_URL ? describe : describe.skip;

/**
 * The production layout, as operations.md runs it: two API processes and two workers, built from
 * dist (`npm run build` first), on one PostgreSQL database, sending to a real SMTP server; the
 * test sees only what a client and the mail server see. Covered by their own specs and not
 * repeated here: a subscriber on one instance hearing the other's changes and a worker's
 * (proposal-events-processes), a removed member refused by both instances at once
 * (members-processes), a worker killed mid-send or stopped (outbox-workers).
 */
onPostgres('the production layout: two API processes and two workers (PostgreSQL only)', () => {
  // A thousand emails rendered, sent and received on two cores that other work may share: on a
  // busy machine one test can take minutes.
  jest.setTimeout(240_000);
  let db: TestDatabase;
  let peer: SmtpPeer;
  let apis: RunningProcess[] = [];
  let workers: RunningProcess[] = [];
  let urls: string[] = [];
  let admin: string;
  let bulkBrand: string;
  let expiringBrand: string;
  const approvers: string[] = [];
  const bulkTitles: string[] = [];
  const expiringIds: string[] = [];

  beforeAll(async () => {
    [db, peer] = await Promise.all([provisionTestDatabase(), SmtpPeer.start()]);
    const env = testEnvironment(db, { SMTP_URL: peer.url });
    ({ processes: apis, urls } = await startApiProcesses(2, env));
    // Started once the API processes answer, not to slow their start. Both poll often, so that
    // they race for every due deadline and every batch of emails; they sign checkpoints as the
    // chain grows, for the verification to check.
    workers = startWorkerProcesses(2, {
      ...env,
      LOG_LEVEL: 'info',
      WORKER_INTERVAL_MS: '100',
      CHECKPOINT_INTERVAL_MS: '1000',
    });
  });
  afterAll(async () => {
    await stopProcesses([...apis, ...workers]);
    await peer?.stop();
    await db?.drop();
  });

  /** The instance for the i-th of a run of requests: they alternate. */
  const at = (i: number) => urls[i % urls.length];

  it('takes the social team’s work through both instances', async () => {
    admin = await loginAt(at(0), TEST_ADMIN.email, TEST_ADMIN.password);
    [bulkBrand, expiringBrand] = await Promise.all([
      createBrandAt(at(0), admin, 'Bulk approvals', 'bulk-approvals'),
      createBrandAt(at(1), admin, 'Expiring approvals', 'expiring-approvals'),
    ]);
    const team = { email: 'mo@example.test', roles: ['SOCIAL_MANAGER', 'CONTRIBUTOR'] };
    await addMemberAt(at(0), admin, bulkBrand, { ...team, password: PASSWORD });
    await addMemberAt(at(1), admin, expiringBrand, team);
    const expiringApprover = await addMemberAt(at(1), admin, expiringBrand, {
      email: 'ana@example.test',
      roles: ['APPROVER'],
    });
    for (let i = 0; i < APPROVERS; i++) {
      const email = `approver-${i}@example.test`;
      await addMemberAt(at(i), admin, bulkBrand, { email, roles: ['APPROVER'] });
      approvers.push(email);
    }
    await setApprovalPolicyAt(at(0), admin, bulkBrand, [
      { name: 'Leadership', role: 'APPROVER', quorum: 'ANY' },
    ]);
    // A step with no SLA is due at the proposal's decision deadline, and expires then.
    await setApprovalPolicyAt(at(1), admin, expiringBrand, [
      { name: 'Leadership', approverIds: [expiringApprover], quorum: 'ANY', expireOnTimeout: true },
    ]);
    const manager = await loginAt(at(0), team.email, PASSWORD);

    // Reminders at half and 90% of the time from the submission, then the expiry, while the
    // bulk is submitted: time enough to submit them all first on a busy machine.
    const deadline = new Date(Date.now() + 25_000);
    for (let i = 0; i < EXPIRING; i++) {
      const id = await createProposalAt(at(i), manager, expiringBrand, `Expiring ${i}`, deadline);
      await submitForReviewAt(at(i + 1), manager, id);
      expiringIds.push(id);
    }
    // The team submits through both instances at once, one proposal after another on each.
    await Promise.all(
      urls.map(async (url, instance) => {
        for (let i = instance; i < PROPOSALS; i += urls.length) {
          const title = `Bulk ${i}`;
          await submitForReviewAt(
            url,
            manager,
            await createProposalAt(url, manager, bulkBrand, title),
          );
          bulkTitles.push(title);
        }
      }),
    );
    expect(bulkTitles).toHaveLength(PROPOSALS);
  });

  it('acts on each deadline exactly once, with two workers racing for it', async () => {
    const events = async () =>
      (await graphqlData(at(1), DEADLINE_EVENTS, { b: expiringBrand }, admin)).auditEvents;
    await waitFor(
      `${EXPIRING} proposals to expire`,
      async () =>
        (await events()).edges.filter(
          (e: { node: { action: string } }) => e.node.action === 'proposal.expired',
        ).length >= EXPIRING,
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const acted = new Map<string, string[]>(expiringIds.map((id) => [id, []]));
    for (const { node } of (await events()).edges) {
      expect(node.actorLabel).toBe('system');
      const kind = (JSON.parse(node.data) as { kind?: string }).kind;
      acted.get(node.entityId)!.push(kind ? `${node.action} ${kind}` : node.action);
    }
    const once = ['proposal.expired', 'step.reminded REMIND_HALF', 'step.reminded REMIND_LATE'];
    expect([...acted.values()].map((actions) => actions.sort())).toEqual(
      expiringIds.map(() => once),
    );
  });

  it('delivers every email exactly once: each of the 1,000 approval emails, and the deadlines’ emails', async () => {
    // Settled when neither brand has an email still to send or given up on.
    const unsent = async (brandId: string) => {
      const data = await graphqlData(at(0), OUTBOX, { b: brandId }, admin);
      expect(data.dead.totalCount).toBe(0);
      return data.pending.totalCount + data.sending.totalCount;
    };
    await waitFor(
      'every email to be sent',
      async () => (await unsent(bulkBrand)) + (await unsent(expiringBrand)) === 0,
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    const repeated = [...peer.byMessageId().values()]
      .filter((copies) => copies.length > 1)
      .map(([email, ...more]) => `${email.to.join()} ${email.subject}: ${1 + more.length} times`);
    expect(repeated).toEqual([]);
    const keysOf = (subject: RegExp) =>
      peer.received
        .filter((email) => subject.test(email.subject))
        .map((email: ReceivedEmail) => `${email.to.join()} ${email.subject}`)
        .sort();
    const expected = [
      ...bulkTitles.flatMap((title) => approvers.map((to) => `${to} Approval requested: ${title}`)),
      ...expiringIds.map((_, i) => `ana@example.test Approval requested: Expiring ${i}`),
    ].sort();
    expect(expected).toHaveLength(1_000 + EXPIRING);
    expect(keysOf(/^Approval requested: /)).toEqual(expected);
    // The worker's deadlines wrote their emails once each: two reminders, one expiry notice.
    expect(keysOf(/^(Reminder|Last reminder|Expired): .*Expiring/)).toEqual(
      expiringIds
        .flatMap((_, i) => [
          `ana@example.test Reminder: your decision on Expiring ${i}`,
          `ana@example.test Last reminder: your decision on Expiring ${i}`,
          `mo@example.test Expired: Expiring ${i}`,
        ])
        .sort(),
    );
    // Both workers sent, so the claim of every message was really contended.
    for (const worker of workers) expect(worker.output()).toMatch(/outbox delivery handled/);
  });

  it('leaves each brand an audit chain that verifies, checkpoints signed by either worker included', async () => {
    for (const brandId of [bulkBrand, expiringBrand]) {
      const { verifyAuditChain } = await graphqlData(
        at(1),
        'query ($b: ID!) { verifyAuditChain(brandId: $b) { valid reason checkedEvents headSeq checkedCheckpoints } }',
        { b: brandId },
        admin,
      );
      expect(verifyAuditChain).toMatchObject({ valid: true, reason: null });
      expect(verifyAuditChain.checkedEvents).toBe(verifyAuditChain.headSeq);
      expect(verifyAuditChain.checkedCheckpoints).toBeGreaterThan(0);
    }
  });
});
