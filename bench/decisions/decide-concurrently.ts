// The harness's GraphQL client only: its index also holds Jest's hooks.
import { postGraphQL } from '../../libs/testing/src/graphql-client';
import { TestProposal } from '../../libs/testing/src/fixtures';

const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) {
  __typename ... on ErrorResult { errorCode message }
} }`;

export interface DecidingRun {
  seconds: number;
  /** Answers other than a Decision, by what they said: none when every approval was recorded. */
  failures: Record<string, number>;
}

/**
 * Approves every proposal, the approvers taking turns, through the real `decide` mutation, `clients` requests
 * in flight at a time (each client takes the next proposal when its answer comes), against the
 * API at `url`; answers the wall-clock time from the first request to the last answer.
 */
export async function decideConcurrently(
  url: string,
  tokens: readonly string[],
  proposals: readonly TestProposal[],
  clients: number,
): Promise<DecidingRun> {
  const failures: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < proposals.length) {
        const at = next++;
        const { id, contentHash } = proposals[at];
        const answer = await postGraphQL<{ decide: { __typename: string; errorCode?: string } }>(
          url,
          DECIDE,
          { input: { proposalId: id, contentHash, outcome: 'APPROVE' } },
          tokens[at % tokens.length],
        ).catch((error: unknown) => ({ data: undefined, errors: [{ message: String(error) }] }));
        const kind = answer.data?.decide.__typename;
        if (kind !== 'Decision') {
          const said = answer.data?.decide.errorCode ?? answer.errors?.[0]?.message ?? 'no answer';
          failures[said] = (failures[said] ?? 0) + 1;
        }
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, failures };
}
