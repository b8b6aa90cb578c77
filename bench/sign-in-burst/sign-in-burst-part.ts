import { AppModule } from '../../src/app.module';
import { BenchContext, BenchFigure, BenchPart } from '../bench-report';
import { benchDatabase, BenchDialect, benchDialects, DIALECT_NAME } from '../bench-database';
// The harness's pieces only: its index also holds Jest's hooks.
import { Fixtures } from '../../libs/testing/src/fixtures';
import { startTestApp, TestApp } from '../../libs/testing/src/test-app';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const COMMENT = 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }';
/** Wrong passwords per burst, each from an address of its own, so that every one is checked. */
const BURST = 30;
const COMMENTS = 5;
/** The bound test/sign-in-burst.e2e-spec.ts once asserted: a few times the quiet latency. */
const TARGET_RATIO = 20;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/**
 * A member's comments, quiet and then beside a burst of failed sign-ins (argon2, a good part of a
 * second of a core each, one at a time per spare core), in the all-in-one application: sign-ins
 * hold no database while they are checked, so the comments stay near their quiet latency. Each
 * round's burst comes from addresses of its own. A comment that fails, or a sign-in answered other
 * than UNAUTHENTICATED, fails the bench.
 */
async function measureOn(dialect: BenchDialect, context: BenchContext, rounds: number) {
  const database = await benchDatabase(dialect, context.postgresUrl);
  const t = await startTestApp(AppModule, { TRUST_PROXY: '1' }, { database });
  try {
    const fixtures = new Fixtures(t);
    const brand = await fixtures.brand(`Bench sign-in burst ${Date.now()}`);
    const member = await fixtures.member(brand.id, ['SOCIAL_MANAGER']);
    const proposalId = (await fixtures.proposal(brand.id, member.token)).id;
    const comment = timedComment(t, proposalId, member.token);
    const quiet: number[] = [];
    const beside: number[] = [];
    const stillChecking: number[] = [];
    for (let round = 0; round < rounds; round++) {
      context.progress(`${DIALECT_NAME[dialect]}: round ${round + 1} of ${rounds}`);
      for (let i = 0; i < COMMENTS; i++) quiet.push(await comment());
      let answered = 0;
      const burst = Array.from({ length: BURST }, (_, i) =>
        t
          .gql(LOGIN, { e: `guess-${round}-${i}@example.test`, p: 'wrong' }, undefined, {
            'x-forwarded-for': `10.${round}.0.${i + 1}`,
          })
          .then((response) => {
            answered++;
            return response.errors?.[0]?.extensions?.code;
          }),
      );
      // Once one has been answered, the others are all received and waiting for their check.
      await Promise.race(burst);
      for (let i = 0; i < COMMENTS; i++) beside.push(await comment());
      stillChecking.push(BURST - answered);
      const codes = await Promise.all(burst);
      if (codes.some((code) => code !== 'UNAUTHENTICATED')) {
        throw new Error(`a wrong password was answered ${codes.join(', ')}`);
      }
    }
    const ratio = Math.max(...beside) / median(quiet);
    const name = DIALECT_NAME[dialect];
    const figures: BenchFigure[] = [
      {
        name: `addComment quiet, median (${name})`,
        value: +median(quiet).toFixed(1),
        unit: 'ms',
      },
      {
        name: `addComment in a sign-in burst, median (${name})`,
        value: +median(beside).toFixed(1),
        unit: 'ms',
        note: `slowest ${Math.max(...beside).toFixed(1)} ms`,
      },
      {
        name: `slowest in the burst / quiet median (${name})`,
        value: +ratio.toFixed(1),
        unit: '×',
        target: { value: TARGET_RATIO, better: 'lower' },
        note: `${BURST} wrong passwords; ${median(stillChecking)} still waiting to be checked (median)`,
      },
    ];
    return { figures, detail: { rounds, quiet, beside, stillChecking } };
  } finally {
    await t.close();
    await database.drop();
  }
}

/** One comment on the proposal by the member: how long it took, in milliseconds. */
function timedComment(t: TestApp, proposalId: string, token: string) {
  return async (): Promise<number> => {
    const started = performance.now();
    const response = await t.gql(COMMENT, { input: { proposalId, body: 'Noted' } }, token);
    if (response.errors) throw new Error(`a comment failed: ${JSON.stringify(response.errors)}`);
    return performance.now() - started;
  };
}

export const signInBurstPart: BenchPart = {
  title: 'Sign-in burst: a member’s comments beside failed sign-ins',
  async measure(context) {
    const rounds = context.quick ? 1 : 3;
    const figures: BenchFigure[] = [];
    const detail: Record<string, unknown> = {};
    for (const dialect of benchDialects(context.postgresUrl)) {
      const measured = await measureOn(dialect, context, rounds);
      figures.push(...measured.figures);
      detail[dialect] = measured.detail;
    }
    return { title: this.title, figures, detail };
  },
};
