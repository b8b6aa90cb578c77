// The harness's app and fixtures only: its index also holds Jest's hooks.
import { Fixtures } from '../../libs/testing/src/fixtures';
import type { TestApp } from '../../libs/testing/src/test-app';

/** The brand the bench reads, and a token of a member of it, from Standpoint's own login. */
export interface SeededBrand {
  brandId: string;
  token: string;
}

/** Proposals made at once: the audit chain serialises them per brand anyway. */
const CONCURRENCY = 4;
/** Each takes five mutations, and a member may make 300 a minute (MUTATIONS_PER_CALLER). */
const PROPOSALS_PER_WRITER = 50;

/**
 * One brand with `count` proposals in review, made through the API as a social team makes them
 * (the reader, signed in by Standpoint's login, and a writer for every fifty proposals):
 * two drafts (X, LinkedIn), a survey statistic, a risk note, a recommendation, then submitted to
 * a two-step policy, which gives each its approval steps.
 */
export async function seedBrand(
  t: TestApp,
  count: number,
  progress: (message: string) => void,
): Promise<SeededBrand> {
  const fixtures = new Fixtures(t);
  const brandId = (await fixtures.brand('Read Bench Outdoor')).id;
  const reader = await new Fixtures(t, 'login').member(brandId, ['SOCIAL_MANAGER']);
  const writers: string[] = [];
  for (let i = 0; i < count / PROPOSALS_PER_WRITER; i++)
    writers.push((await fixtures.member(brandId, ['SOCIAL_MANAGER'])).token);
  const [legal, leadership] = [
    await fixtures.member(brandId, ['APPROVER']),
    await fixtures.member(brandId, ['APPROVER']),
  ];
  await fixtures.policy(brandId, [
    { name: 'Legal', approverIds: [legal.id], quorum: 'ANY' },
    { name: 'Leadership', approverIds: [leadership.id], quorum: 'ANY' },
  ]);
  let made = 0;
  const makeNext = async (): Promise<void> => {
    while (made < count) {
      const n = ++made;
      const writer = writers[Math.floor((n - 1) / PROPOSALS_PER_WRITER)];
      await fixtures.inReview(brandId, writer, {
        title: `Statement ${n} on climate action`,
        issue: 'Climate',
        drafts: [
          { channel: 'X', body: `We are cutting our emissions in half by 2030 (#${n}). 🌍` },
          {
            channel: 'LINKEDIN',
            body: `Proposal ${n}: what we are changing in our supply chain, and why it matters to us.`,
          },
        ],
        riskNote: { category: 'BACKLASH', likelihood: 3, impact: 4, mitigation: 'Answer in kind' },
      });
      if (n % 200 === 0) progress(`read: ${n} of ${count} proposals made`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, makeNext));
  return { brandId, token: reader.token };
}
