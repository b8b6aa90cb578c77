import {
  AuditEventContent,
  AuditExportService,
  AuditProofsService,
  CheckpointsService,
  decisionPasskeyProblem,
  type DecisionPasskeyEvidence,
  sealEvent,
  verifyProofFile,
} from '@standpoint/audit';
import { AntiForgery } from '@standpoint/decision-page';
import { PasskeysService } from '@standpoint/identity';
import {
  FakeClock,
  mintDecisionLink,
  SoftwareAuthenticator,
  TestBrand,
  TestMember,
  TestProposal,
  useTestApp,
} from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const PUBLIC_URL = 'https://standpoint.example';
const RP_ID = 'standpoint.example';

const SET_POLICY = `mutation ($input: SetApprovalPolicyInput!) {
  setApprovalPolicy(input: $input) { version passkeyRequiredFor }
}`;
const REGISTRATION_OPTIONS = 'mutation { passkeyRegistrationOptions }';
const REGISTER = `mutation ($input: RegisterPasskeyInput!) {
  registerPasskey(input: $input) { id name credentialId lastUsedAt }
}`;
const MINE = 'query { myPasskeys { id name credentialId lastUsedAt } }';
const REMOVE = 'mutation ($id: ID!) { removePasskey(id: $id) }';
const CHALLENGE = `mutation ($input: DecisionPasskeyChallengeInput!) {
  decisionPasskeyChallenge(input: $input)
}`;
const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) {
  __typename
  ... on Decision { outcome }
  ... on ErrorResult { errorCode message }
} }`;
const ON_THE_RECORD = { acknowledgeRisks: true, comment: 'We speak anyway, on the record' };

/**
 * Decisions confirmed with the approver's own passkey, through GraphQL: registering one, the
 * brand's policy asking for it, a challenge that commits to the decision, and the assertion kept in
 * the audit event, where it verifies with no database.
 */
describe('passkeys', () => {
  const clock = new FakeClock();
  const app = useTestApp(AppModule, { PUBLIC_URL, WORKER_INTERVAL_MS: '3600000' }, { clock });
  let brand: TestBrand;
  let manager: TestMember;
  let approver: TestMember;
  /** Another approver of the step. */
  let colleague: TestMember;
  let authenticator: SoftwareAuthenticator;

  const setPolicy = async (passkeyRequiredFor?: string) =>
    (
      await app.data(
        SET_POLICY,
        {
          input: {
            brandId: brand.id,
            steps: [{ name: 'Approval', role: 'APPROVER', quorum: 'ANY' }],
            passkeyRequiredFor,
          },
        },
        await app.fixtures.admin(),
      )
    ).setApprovalPolicy;
  const register = async (member: TestMember, device: SoftwareAuthenticator, name: string) => {
    const options = JSON.parse(
      (await app.data(REGISTRATION_OPTIONS, {}, member.token)).passkeyRegistrationOptions,
    );
    const response = JSON.stringify(device.register(options));
    const answer = await app.gql(REGISTER, { input: { name, response } }, member.token);
    return { answer, response };
  };
  const inReview = (title: string, recommendation = 'PROCEED') =>
    app.fixtures.inReview(brand.id, manager.token, {
      title,
      recommendation: { recommendation, rationale: `The team says ${recommendation}` },
    });
  /** The assertion `device` makes for the challenge `member` asked for, as JSON. */
  const assertion = async (
    member: TestMember,
    device: SoftwareAuthenticator,
    proposal: TestProposal,
    outcome: string,
  ) => {
    const options = JSON.parse(
      (
        await app.data(
          CHALLENGE,
          { input: { proposalId: proposal.id, outcome, contentHash: proposal.contentHash } },
          member.token,
        )
      ).decisionPasskeyChallenge,
    );
    return JSON.stringify(device.assert(options.challenge));
  };
  const decide = async (
    proposal: TestProposal,
    input: Record<string, unknown>,
    member = approver,
  ) =>
    (
      await app.data(
        DECIDE,
        { input: { proposalId: proposal.id, contentHash: proposal.contentHash, ...input } },
        member.token,
      )
    ).decide;
  const decisionEvent = async (proposal: TestProposal) => {
    const events = await app.proposalAuditEvents(brand.id, proposal.id);
    const event = events.find((e) => e.action === 'decision.recorded')!;
    return { brandId: event.brandId, data: event.data as Record<string, any> };
  };
  /** The decision as its event states it, which the passkey's challenge committed to. */
  const wordsOf = ({ brandId, data }: Awaited<ReturnType<typeof decisionEvent>>) => ({
    brandId,
    proposalId: data.proposalId,
    step: data.step,
    round: data.round,
    outcome: data.outcome,
    contentHash: data.contentHash,
  });

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    [manager, approver, colleague] = await Promise.all([
      app.fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(brand.id, ['APPROVER']),
      app.fixtures.member(brand.id, ['APPROVER']),
    ]);
    authenticator = new SoftwareAuthenticator(RP_ID, PUBLIC_URL);
    const { answer } = await register(approver, authenticator, 'Work laptop');
    expect(answer.errors).toBeUndefined();
  });

  it('registers a passkey for the signed-in user, once per challenge, and removes it', async () => {
    expect((await app.data(MINE, {}, approver.token)).myPasskeys).toEqual([
      {
        id: expect.stringMatching(/^pky_/),
        name: 'Work laptop',
        credentialId: authenticator.credentialId,
        lastUsedAt: null,
      },
    ]);
    const phone = new SoftwareAuthenticator(RP_ID, PUBLIC_URL, 'EdDSA');
    const { answer, response } = await register(approver, phone, 'Phone');
    const added = answer.data!.registerPasskey;
    // The same answer again: its challenge is used up.
    const replayed = await app.gql(
      REGISTER,
      { input: { name: 'Again', response } },
      approver.token,
    );
    expect(replayed.errors?.[0]).toMatchObject({
      message: 'This passkey answers no registration asked of you: start again',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // Made for another site: refused.
    const elsewhere = new SoftwareAuthenticator('evil.example', 'https://evil.example');
    const foreign = await register(approver, elsewhere, 'Elsewhere');
    expect(foreign.answer.errors?.[0].message).toMatch(/^The passkey could not be verified/);

    expect(await app.data(REMOVE, { id: added.id }, approver.token)).toEqual({
      removePasskey: true,
    });
    const names = (await app.data(MINE, {}, approver.token)).myPasskeys.map(
      (p: { name: string }) => p.name,
    );
    expect(names).toEqual(['Work laptop']);
    // Someone else's passkey is not theirs to remove.
    const removeByManager = await app.gql(REMOVE, { id: added.id }, manager.token);
    expect(removeByManager.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('under OVERRIDES, refuses an override without the passkey and records one confirmed with it', async () => {
    expect(await setPolicy('OVERRIDES')).toMatchObject({ passkeyRequiredFor: 'OVERRIDES' });
    const plain = await inReview('Plain approval');
    expect(await decide(plain, { outcome: 'APPROVE' })).toEqual({
      __typename: 'Decision',
      outcome: 'APPROVE',
    });

    const proposal = await inReview('Against the team', 'HOLD');
    expect(await decide(proposal, { outcome: 'APPROVE', ...ON_THE_RECORD })).toMatchObject({
      __typename: 'PasskeyRequiredError',
      errorCode: 'PASSKEY_REQUIRED',
    });
    const passkeyAssertion = await assertion(approver, authenticator, proposal, 'APPROVE');
    expect(
      await decide(proposal, { outcome: 'APPROVE', ...ON_THE_RECORD, passkeyAssertion }),
    ).toEqual({ __typename: 'Decision', outcome: 'APPROVE' });

    const event = await decisionEvent(proposal);
    const evidence = event.data.passkey as DecisionPasskeyEvidence;
    expect(evidence).toMatchObject({
      credentialId: authenticator.credentialId,
      publicKey: authenticator.spki,
      rpId: RP_ID,
      origin: PUBLIC_URL,
    });
    // From the event alone: it verifies, and not once its signature is altered.
    expect(decisionPasskeyProblem(wordsOf(event), evidence)).toBeNull();
    const signature = Buffer.from(evidence.signature, 'base64url');
    signature[signature.length - 1] ^= 1;
    expect(
      decisionPasskeyProblem(wordsOf(event), {
        ...evidence,
        signature: signature.toString('base64url'),
      }),
    ).toBe('the signature does not verify');
    // A decision that needed none records none.
    expect((await decisionEvent(plain)).data.passkey).toBeUndefined();
    const [used] = (await app.data(MINE, {}, approver.token)).myPasskeys;
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('proves the confirmed decision offline, passkey signature included, and the chain verifies', async () => {
    const events = await app.auditChain(brand.id);
    const confirmed = events.find(
      (e) => e.action === 'decision.recorded' && (e.data as { passkey?: unknown }).passkey,
    )!;
    const { file } = await app.t.asSystem((ctx) =>
      app.t.app.get(AuditProofsService).inclusion(ctx, confirmed),
    );
    const trustedKeys = app.t.app.get(CheckpointsService).ring;
    expect(verifyProofFile(file, { trustedKeys })).toMatchObject({
      valid: true,
      event: { seq: confirmed.seq, passkeyConfirmed: true },
    });
    // The passkey's signature altered, and the event's hash recomputed to match: still refused.
    const proof = JSON.parse(file) as { event: AuditEventContent & { hash: string } };
    const { hash: _hash, ...content } = proof.event;
    const evidence = (content.data as unknown as { passkey: DecisionPasskeyEvidence }).passkey;
    const signature = Buffer.from(evidence.signature, 'base64url');
    signature[signature.length - 1] ^= 1;
    const forged = {
      ...content,
      data: {
        ...content.data,
        passkey: { ...evidence, signature: signature.toString('base64url') },
      },
    };
    const altered = JSON.stringify({
      ...proof,
      event: { ...forged, hash: sealEvent(forged).hash },
    });
    expect(verifyProofFile(altered, { trustedKeys })).toMatchObject({
      valid: false,
      reason: "the decision's passkey confirmation does not verify: the signature does not verify",
    });
    await app.sealAuditChain(brand.id);
    const verified = await app.t.asSystem((ctx) =>
      app.t.app.get(AuditExportService).verify(ctx, brand.id),
    );
    expect(verified).toMatchObject({ valid: true });
  });

  it('under ALL_DECISIONS, refuses an assertion for other words, by another approver, or replayed', async () => {
    await setPolicy('ALL_DECISIONS');
    const proposal = await inReview('Every decision');
    expect(await decide(proposal, { outcome: 'APPROVE' })).toMatchObject({
      errorCode: 'PASSKEY_REQUIRED',
    });
    // Confirmed for approving, sent with a rejection.
    const forApproval = await assertion(approver, authenticator, proposal, 'APPROVE');
    expect(
      await decide(proposal, {
        outcome: 'REJECT',
        comment: 'No',
        passkeyAssertion: forApproval,
      }),
    ).toEqual({
      __typename: 'PasskeyRefusedError',
      errorCode: 'PASSKEY_REFUSED',
      message:
        'Your passkey did not confirm this decision: the passkey confirmed another decision than this one',
    });
    // Another approver sending it: the challenge was not theirs.
    expect(
      await decide(proposal, { outcome: 'APPROVE', passkeyAssertion: forApproval }, colleague),
    ).toMatchObject({
      errorCode: 'PASSKEY_REFUSED',
      message: expect.stringContaining('the passkey confirmed no challenge open to you'),
    });
    // Their own challenge, signed with the first approver's passkey: not theirs.
    await register(colleague, new SoftwareAuthenticator(RP_ID, PUBLIC_URL), 'Their own');
    const colleagues = await assertion(colleague, authenticator, proposal, 'APPROVE');
    expect(
      await decide(proposal, { outcome: 'APPROVE', passkeyAssertion: colleagues }, colleague),
    ).toMatchObject({
      errorCode: 'PASSKEY_REFUSED',
      message: expect.stringContaining('the assertion is not by a passkey of yours'),
    });

    expect(await decide(proposal, { outcome: 'APPROVE', passkeyAssertion: forApproval })).toEqual({
      __typename: 'Decision',
      outcome: 'APPROVE',
    });
    // The same assertion again for the same words: its challenge is used up.
    const { data } = await decisionEvent(proposal);
    const replay = await app.t.asSystem((ctx) =>
      app.t.app
        .get(PasskeysService)
        .confirmDecision(ctx, approver.id, wordsOf({ brandId: brand.id, data }), forApproval),
    );
    expect(replay).toEqual({
      refusal: 'the passkey confirmed no challenge open to you: ask for a new one',
    });
  });

  it('keeps at most 10 passkeys per user', async () => {
    const collector = await app.fixtures.member(brand.id, ['APPROVER']);
    for (let n = 1; n <= 10; n++) {
      const { answer } = await register(
        collector,
        new SoftwareAuthenticator(RP_ID, PUBLIC_URL),
        `Key ${n}`,
      );
      expect(answer.errors).toBeUndefined();
    }
    const eleventh = await app.gql(REGISTRATION_OPTIONS, {}, collector.token);
    expect(eleventh.errors?.[0]).toMatchObject({
      message: 'You have 10 passkeys: remove one to add another',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('refuses a challenge answered after its 5 minutes', async () => {
    await setPolicy('ALL_DECISIONS');
    const proposal = await inReview('Too late');
    const late = await assertion(approver, authenticator, proposal, 'APPROVE');
    clock.advanceHours(6 / 60);
    expect(await decide(proposal, { outcome: 'APPROVE', passkeyAssertion: late })).toMatchObject({
      errorCode: 'PASSKEY_REFUSED',
      message: expect.stringContaining('the passkey confirmed no challenge open to you'),
    });
    const inTime = await assertion(approver, authenticator, proposal, 'APPROVE');
    expect(await decide(proposal, { outcome: 'APPROVE', passkeyAssertion: inTime })).toEqual({
      __typename: 'Decision',
      outcome: 'APPROVE',
    });
  });

  it('refuses an assertion without user verification, and a challenge for whoever has no passkey', async () => {
    await setPolicy('ALL_DECISIONS');
    const proposal = await inReview('Unverified');
    const newcomer = await app.fixtures.member(brand.id, ['APPROVER']);
    const options = JSON.parse(
      (
        await app.data(
          CHALLENGE,
          {
            input: {
              proposalId: proposal.id,
              outcome: 'APPROVE',
              contentHash: proposal.contentHash,
            },
          },
          approver.token,
        )
      ).decisionPasskeyChallenge,
    );
    const unverified = JSON.stringify(
      authenticator.assert(options.challenge, { userVerified: false }),
    );
    expect(
      await decide(proposal, { outcome: 'APPROVE', passkeyAssertion: unverified }),
    ).toMatchObject({ errorCode: 'PASSKEY_REFUSED' });

    const refused = await app.gql(
      CHALLENGE,
      { input: { proposalId: proposal.id, outcome: 'APPROVE', contentHash: proposal.contentHash } },
      newcomer.token,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: 'You have no passkey: register one before confirming with it',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('records the requirement in the policy and its audit event, kept when a later version omits it', async () => {
    await setPolicy('OVERRIDES');
    expect(await setPolicy()).toMatchObject({ passkeyRequiredFor: 'OVERRIDES' });
    expect(await setPolicy('NONE')).toMatchObject({ passkeyRequiredFor: 'NONE' });
    const data = (await app.auditChain(brand.id))
      .filter((e) => e.action === 'approval_policy.set')
      .at(-1)!.data as Record<string, any>;
    expect(data.before.passkeyRequiredFor).toBe('OVERRIDES');
    expect(data.after.passkeyRequiredFor).toBe('NONE');
  });

  it("answers the decision page's script a challenge only for its own form and an open link", async () => {
    await setPolicy('OVERRIDES');
    const proposal = await inReview('From the page', 'HOLD');
    const token = await mintDecisionLink(app.t, proposal.id, approver.id);
    const antiForgery = app.t.app.get(AntiForgery).fieldFor(token);
    const ask = async (fields: Record<string, string>) => {
      const response = await fetch(`${app.t.url}/decide/${token}/passkey-challenge`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });
      return { status: response.status, body: await response.json() };
    };
    expect(await ask({ outcome: 'APPROVE' })).toEqual({
      status: 403,
      body: { message: 'this request did not come from the page' },
    });
    expect(await ask({ antiForgery })).toEqual({
      status: 400,
      body: { message: 'choose a decision first' },
    });
    const { status, body } = await ask({ antiForgery, outcome: 'APPROVE' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      rpId: RP_ID,
      userVerification: 'required',
      allowCredentials: [{ id: authenticator.credentialId }],
    });

    // Signed and posted with the form: recorded, with the assertion in the event.
    const form = new URLSearchParams({
      antiForgery,
      outcome: 'APPROVE',
      ...ON_THE_RECORD,
      acknowledgeRisks: 'true',
      passkeyAssertion: JSON.stringify(authenticator.assert(body.challenge)),
    });
    const posted = await fetch(`${app.t.url}/decide/${token}`, { method: 'POST', body: form });
    expect(await posted.text()).toContain('Your decision is recorded');
    const event = await decisionEvent(proposal);
    expect(decisionPasskeyProblem(wordsOf(event), event.data.passkey)).toBeNull();
    expect(event.data.channel).toBe('EMAIL_LINK');

    // The link has acted: no more challenges for it.
    expect(await ask({ antiForgery, outcome: 'APPROVE' })).toEqual({
      status: 410,
      body: { message: 'this link no longer acts: reload the page' },
    });
  });
});
