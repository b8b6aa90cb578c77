import { ApiModule } from '../../apps/api/src/api.module';
// The harness's fixtures and app only: its index also holds Jest's hooks.
import { Fixtures, TestMember, TestProposal } from '../../libs/testing/src/fixtures';
import { startTestApp } from '../../libs/testing/src/test-app';
import { TestDatabase } from '../../libs/testing/src/test-database';

/** A brand with proposals waiting for a decision by any of its approvers, who are signed in. */
export interface ReviewQueue {
  brandId: string;
  brandSlug: string;
  approverTokens: string[];
  proposals: TestProposal[];
}

/**
 * Mutations one member makes at most here: each may make 300 a minute (MUTATIONS_PER_CALLER), so
 * the work is shared among as many social managers, and the decisions among as many approvers,
 * as keep each under it. Putting a proposal in review takes four.
 */
const MUTATIONS_EACH = 250;
const MUTATIONS_PER_PROPOSAL = 4;

/**
 * `count` proposals in review on one brand whose policy has a single step that any one of its
 * approvers completes, made through the API of an in-process server on `database` (which it
 * migrates), as social managers would make them, one client each. The server is closed again:
 * the decisions go to the built process.
 */
export async function reviewQueue(database: TestDatabase, count: number): Promise<ReviewQueue> {
  const t = await startTestApp(ApiModule, {}, { database });
  try {
    const fixtures = new Fixtures(t);
    const brand = await fixtures.brand(`Bench decisions ${Date.now()}`);
    const managers = await members(
      fixtures,
      brand.id,
      'SOCIAL_MANAGER',
      count * MUTATIONS_PER_PROPOSAL,
    );
    const approvers = await members(fixtures, brand.id, 'APPROVER', count);
    await fixtures.policy(brand.id, [
      { name: 'Approval', approverIds: approvers.map((a) => a.id), quorum: 'ANY' },
    ]);
    const proposals: TestProposal[] = [];
    let started = 0;
    await Promise.all(
      managers.map(async (manager) => {
        // Claimed before the await, so that the clients together make exactly `count`.
        while (started++ < count) proposals.push(await fixtures.inReview(brand.id, manager.token));
      }),
    );
    return {
      brandId: brand.id,
      brandSlug: brand.slug,
      approverTokens: approvers.map((a) => a.token),
      proposals,
    };
  } finally {
    await t.close();
  }
}

/** As many members with `role` as share `mutations` with at most MUTATIONS_EACH each. */
async function members(
  fixtures: Fixtures,
  brandId: string,
  role: string,
  mutations: number,
): Promise<TestMember[]> {
  const made: TestMember[] = [];
  for (let i = 0; i < Math.ceil(mutations / MUTATIONS_EACH); i++)
    made.push(await fixtures.member(brandId, [role]));
  return made;
}
