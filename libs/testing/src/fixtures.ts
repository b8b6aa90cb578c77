import { Clock, newId } from '@standpoint/database';
import { PasswordHasher, SessionsService, TokenService, UserEntity } from '@standpoint/identity';
import { randomBytes } from 'node:crypto';
import { FIXTURE_PASSWORD, FIXTURE_PASSWORD_HASH } from './fixture-password';
import { TEST_ADMIN, TestApp } from './test-app';

export interface TestBrand {
  id: string;
  slug: string;
  name: string;
}

export interface TestMember {
  id: string;
  email: string;
  password: string;
  token: string;
}

export interface TestProposal {
  id: string;
  /** The content hash of the first revision, which approvers decide on. */
  contentHash: string;
}

/** CreateProposalInput without its brand; each field left out takes a default. */
export interface ProposalOptions {
  title?: string;
  issue?: string;
  stanceType?: string;
  urgency?: string;
  drafts?: { channel: string; body: string }[];
  decisionDeadline?: string;
}

/** AddEvidenceInput without its proposal: a kind, a summary and what that kind needs. */
export type EvidenceOptions = { kind: string; summary: string } & Record<string, unknown>;

/** AddRiskNoteInput without its proposal; each field left out takes a default. */
export interface RiskNoteOptions {
  category?: string;
  likelihood?: number;
  impact?: number;
  description?: string;
  mitigation?: string;
}

/** SetRecommendationInput without its proposal; each field left out takes a default. */
export interface RecommendationOptions {
  recommendation?: string;
  rationale?: string;
}

/** What `inReview` adds before it submits; a risk note only when one is given. */
export interface InReviewOptions extends ProposalOptions {
  evidence?: EvidenceOptions;
  riskNote?: RiskNoteOptions;
  recommendation?: RecommendationOptions;
}

const DEFAULT_EVIDENCE: EvidenceOptions = {
  kind: 'SURVEY_STAT',
  summary: '70% of consumers say it is important for brands to take a stand',
  survey: { statistic: 70, source: 'Survey' },
};

/**
 * How the fixtures sign people in. `session`: a session row and a token minted by the app's own
 * TokenService, as a login would leave them, and every member's password is FIXTURE_PASSWORD,
 * stored pre-hashed: no argon2 and no login per member (each took most of a second). `login`:
 * through the API with a password of the member's own, for the tests about signing in (throttle,
 * sessions, password links, logs) whose counters and secrets a login touches.
 */
export type SignIn = 'session' | 'login';

/**
 * Brands, members, tokens and proposals made through the API, as an administrator and a social
 * team would make them. Each throws with the GraphQL errors when the API refuses.
 */
export class Fixtures {
  private adminToken: string | undefined;

  constructor(
    private readonly t: TestApp,
    private readonly signIn: SignIn = 'session',
  ) {}

  async login(email: string, password: string): Promise<string> {
    const data = await this.mutate<{ login: { token: string } }>(
      `login for ${email}`,
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password },
    );
    return data.login.token;
  }

  /** The platform administrator's token; `fresh` signs in again (after their session ended). */
  async admin(fresh = false): Promise<string> {
    if (fresh) this.adminToken = undefined;
    this.adminToken ??=
      this.signIn === 'login'
        ? await this.login(TEST_ADMIN.email, TEST_ADMIN.password)
        : await this.session(await this.userId(TEST_ADMIN.email));
    return this.adminToken;
  }

  async brand(name = `Brand ${unique()}`): Promise<TestBrand> {
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const data = await this.mutate<{ createBrand: TestBrand }>(
      'createBrand',
      'mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id slug name } }',
      { input: { name, slug } },
      await this.admin(),
    );
    return data.createBrand;
  }

  /**
   * A new user with `roles` in the brand, signed in; or, given `existing`, that user added too. In
   * production, where nobody may choose another's password, the new user is added without one and
   * their password is stored as the welcome link would store it. Either way the membership is
   * added through the API, so its audit event and emails are those of a real addition.
   */
  async member(brandId: string, roles: string[], existing?: TestMember): Promise<TestMember> {
    if (this.signIn === 'login') return this.memberSignedIn(brandId, roles, existing);
    const email = existing?.email ?? `${unique()}@example.test`;
    const production = this.t.config.production;
    // Outside production, addMember is given a password: the user then exists with a hash
    // and is not sent a welcome link; a row made beforehand with the hash stands for that.
    if (!existing && !production) await this.insertUser(email);
    const userId = await this.addMember(brandId, roles, email, null);
    if (existing) return existing;
    if (production) await this.storePasswordHash(userId, FIXTURE_PASSWORD_HASH);
    return { id: userId, email, password: FIXTURE_PASSWORD, token: await this.session(userId) };
  }

  /** `member` through the API all the way: a password of the member's own, and a login. */
  private async memberSignedIn(
    brandId: string,
    roles: string[],
    existing?: TestMember,
  ): Promise<TestMember> {
    const email = existing?.email ?? `${unique()}@example.test`;
    const password = existing?.password ?? `pw-${unique()}-${unique()}`;
    const production = this.t.config.production;
    const userId = await this.addMember(brandId, roles, email, production ? null : password);
    if (existing) return existing;
    if (production) await this.setPassword(userId, password);
    return { id: userId, email, password, token: await this.login(email, password) };
  }

  private async addMember(
    brandId: string,
    roles: string[],
    email: string,
    password: string | null,
  ): Promise<string> {
    const data = await this.mutate<{ addMember: { user: { id: string } } }>(
      'addMember',
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { user { id } } }',
      { input: { brandId, email, name: `Member ${email}`, roles, password } },
      await this.admin(),
    );
    return data.addMember.user.id;
  }

  /** The user as addMember would create them with FIXTURE_PASSWORD. */
  private async insertUser(email: string): Promise<void> {
    const now = this.t.app.get(Clock).now();
    await this.t.asSystem((ctx) =>
      ctx.em.insert(UserEntity, {
        id: newId('usr'),
        email,
        name: `Member ${email}`,
        passwordHash: FIXTURE_PASSWORD_HASH,
        platformAdmin: false,
        createdAt: now,
        deactivatedAt: null,
      }),
    );
  }

  /** A token for a new session of the user, as a successful login issues it. */
  private async session(userId: string): Promise<string> {
    const session = await this.t.asSystem((ctx) =>
      this.t.app.get(SessionsService).start(ctx, userId),
    );
    return this.t.app.get(TokenService).issue({ userId, sessionId: session.id });
  }

  private async userId(email: string): Promise<string> {
    const user = await this.t.asSystem((ctx) => ctx.em.findOneByOrFail(UserEntity, { email }));
    return user.id;
  }

  /** Stores a password for a user, as choosing it through their welcome link would. */
  async setPassword(userId: string, password: string): Promise<void> {
    await this.storePasswordHash(userId, await this.t.app.get(PasswordHasher).hash(password));
  }

  private async storePasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.t.asSystem((ctx) => ctx.em.update(UserEntity, { id: userId }, { passwordHash }));
  }

  /** Sets the brand's approval policy (PolicyStepInput objects), as the platform administrator. */
  async policy(brandId: string, steps: Record<string, unknown>[]): Promise<void> {
    await this.mutate(
      'setApprovalPolicy',
      'mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }',
      { input: { brandId, steps } },
      await this.admin(),
    );
  }

  /** A new proposal in DRAFT; by default a routine statement with one X draft of unique words. */
  async proposal(
    brandId: string,
    token: string,
    options: ProposalOptions = {},
  ): Promise<TestProposal> {
    const data = await this.mutate<{
      createProposal: { id: string; currentRevision: { contentHash: string } };
    }>(
      'createProposal',
      'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id currentRevision { contentHash } } }',
      {
        input: {
          brandId,
          title: 'Pride month',
          issue: 'LGBTQ+ rights',
          stanceType: 'STATEMENT',
          urgency: 'ROUTINE',
          drafts: [{ channel: 'X', body: `We stand with our LGBTQ+ colleagues. ${unique()}` }],
          ...options,
        },
      },
      token,
    );
    const { id, currentRevision } = data.createProposal;
    return { id, contentHash: currentRevision.contentHash };
  }

  /** Evidence on the proposal; by default a survey statistic. Answers its id. */
  async evidence(
    proposalId: string,
    token: string,
    evidence: EvidenceOptions = DEFAULT_EVIDENCE,
  ): Promise<string> {
    const data = await this.mutate<{ addEvidence: { id: string } }>(
      'addEvidence',
      'mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
      { input: { proposalId, ...evidence } },
      token,
    );
    return data.addEvidence.id;
  }

  /** A risk note on the proposal; by default a likely, fairly harmful backlash. Answers its id. */
  async riskNote(
    proposalId: string,
    token: string,
    options: RiskNoteOptions = {},
  ): Promise<string> {
    const data = await this.mutate<{ addRiskNote: { id: string } }>(
      'addRiskNote',
      'mutation ($input: AddRiskNoteInput!) { addRiskNote(input: $input) { id } }',
      {
        input: {
          proposalId,
          category: 'BACKLASH',
          likelihood: 4,
          impact: 3,
          description: 'It could go wrong',
          ...options,
        },
      },
      token,
    );
    return data.addRiskNote.id;
  }

  /** The team's recommendation on the current revision; PROCEED by default. */
  async recommendation(
    proposalId: string,
    token: string,
    options: RecommendationOptions = {},
  ): Promise<void> {
    const recommendation = options.recommendation ?? 'PROCEED';
    await this.mutate(
      'setRecommendation',
      'mutation ($input: SetRecommendationInput!) { setRecommendation(input: $input) { id } }',
      {
        input: {
          proposalId,
          recommendation,
          rationale: options.rationale ?? `We recommend ${recommendation}`,
        },
      },
      token,
    );
  }

  /** Submits the proposal; throws when the answer is an error result. Answers the new state. */
  async submit(proposalId: string, token: string): Promise<string> {
    const data = await this.mutate<{
      submitProposal: { __typename: string; state?: string; errorCode?: string; message?: string };
    }>(
      'submitProposal',
      `mutation ($id: ID!) { submitProposal(proposalId: $id) {
        __typename ... on Proposal { state } ... on ErrorResult { errorCode message }
      } }`,
      { id: proposalId },
      token,
    );
    const answer = data.submitProposal;
    if (answer.__typename !== 'Proposal')
      throw new Error(`submitProposal answered ${answer.__typename}: ${answer.message}`);
    return answer.state!;
  }

  /**
   * A proposal made, evidenced, (risk-noted,) recommended and submitted by one member, and
   * checked to be IN_REVIEW.
   */
  async inReview(
    brandId: string,
    token: string,
    options: InReviewOptions = {},
  ): Promise<TestProposal> {
    const { evidence, riskNote, recommendation, ...proposalOptions } = options;
    const proposal = await this.proposal(brandId, token, proposalOptions);
    await this.evidence(proposal.id, token, evidence);
    if (riskNote) await this.riskNote(proposal.id, token, riskNote);
    await this.recommendation(proposal.id, token, recommendation);
    const state = await this.submit(proposal.id, token);
    if (state !== 'IN_REVIEW') throw new Error(`the submitted proposal is ${state}, not IN_REVIEW`);
    return proposal;
  }

  /** Sends an operation that must succeed, and answers its data. */
  private async mutate<T>(
    operation: string,
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<T> {
    const response = await this.t.gql<T>(query, variables, token);
    if (response.errors || !response.data)
      throw new Error(`${operation} failed: ${JSON.stringify(response.errors)}`);
    return response.data;
  }
}

function unique(): string {
  return randomBytes(4).toString('hex');
}
