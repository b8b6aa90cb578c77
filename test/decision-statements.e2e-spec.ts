import { OutboxMessageEntity } from '@standpoint/notifications';
import { recordStatements, TestMember, TestProposal, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) {
  __typename ... on Decision { step } ... on ErrorResult { errorCode message }
} }`;
const REGISTER = `mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { endpoint { id } }
}`;

/**
 * What one decision may send inside its transaction, as the issue counted them: every statement
 * between BEGIN and COMMIT (neither counted), the advisory lock of the audit chain on PostgreSQL
 * included. Before this budget: 38 on SQLite, 36 on PostgreSQL for the first step's approval.
 * 15 until the chat notices (issue 15): the Teams cards read the brand's Teams connection, and
 * Slack approvals its Slack workspace (to close the requests a decision answers and post the next
 * step's), once per decision each, connected or not. One read of the brand's chat connections
 * would take it back to 16.
 */
const STATEMENT_BUDGET = 17;

/**
 * The SQL statements one decision sends inside its transaction, counted as the database receives
 * them, on a brand with a two-step policy and one webhook endpoint: the approval that completes
 * the first step (and asks the second step's approver) and the one that approves the proposal.
 */
describe('the SQL statements of a decision', () => {
  const app = useTestApp(AppModule, { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
  let brandId: string;
  let manager: TestMember;
  let legal: TestMember;
  let leadership: TestMember;
  let proposal: TestProposal;

  beforeAll(async () => {
    brandId = (await app.fixtures.brand()).id;
    const admin = await app.fixtures.member(brandId, ['ADMIN']);
    manager = await app.fixtures.member(brandId, ['SOCIAL_MANAGER']);
    legal = await app.fixtures.member(brandId, ['APPROVER']);
    leadership = await app.fixtures.member(brandId, ['APPROVER']);
    await app.fixtures.policy(brandId, [
      { name: 'Legal', approverIds: [legal.id], quorum: 'ANY' },
      { name: 'Leadership', approverIds: [leadership.id], quorum: 'ANY' },
    ]);
    await app.data(
      REGISTER,
      {
        input: {
          brandId,
          url: 'http://127.0.0.1:9999/hooks',
          eventTypes: ['DECISION_RECORDED', 'PROPOSAL_APPROVED'],
        },
      },
      admin.token,
    );
    proposal = await app.fixtures.inReview(brandId, manager.token);
  });

  /** Approves as `approver` and answers the kinds of the statements of the decision's transaction. */
  const approve = async (approver: TestMember): Promise<string[]> => {
    const recording = recordStatements(app.t.dataSource);
    try {
      const answer = await app.data<{ decide: { __typename: string } }>(
        DECIDE,
        {
          input: { proposalId: proposal.id, contentHash: proposal.contentHash, outcome: 'APPROVE' },
        },
        approver.token,
      );
      expect(answer.decide.__typename).toBe('Decision');
      return recording.transactionWith(/^INSERT INTO "decision"/);
    } finally {
      recording.stop();
    }
  };
  const messagesOf = async (topic: string) =>
    (
      await app.t.dataSource.manager.find(OutboxMessageEntity, {
        where: { brandId, topic },
        order: { id: 'ASC' },
      })
    ).map((message) => message.recipient);

  const withinBudget = (statements: string[]) => {
    if (statements.length > STATEMENT_BUDGET) {
      throw new Error(
        `the decision sent ${statements.length} statements, more than ${STATEMENT_BUDGET}:\n  ` +
          statements.join('\n  '),
      );
    }
  };

  it(`approving the first step (which asks the second) takes at most ${STATEMENT_BUDGET}`, async () => {
    const statements = await approve(legal);
    withinBudget(statements);
    // It did everything a decision does: the emails, the second step's request, the webhook.
    expect(await messagesOf('decision.recorded')).toEqual([manager.email]);
    expect(await messagesOf('approval.requested')).toEqual([legal.email, leadership.email]);
    expect(await messagesOf('DECISION_RECORDED')).toEqual(['http://127.0.0.1:9999/hooks']);
  });

  it(`approving the last step (which approves the proposal) takes at most ${STATEMENT_BUDGET}`, async () => {
    const statements = await approve(leadership);
    withinBudget(statements);
    expect(await messagesOf('PROPOSAL_APPROVED')).toEqual(['http://127.0.0.1:9999/hooks']);
  });
});
