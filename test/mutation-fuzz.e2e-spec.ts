import { REQUEST_BODY_LIMIT_BYTES } from '@standpoint/graphql';
import { errorCodes, REPO_ROOT, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  GraphQLInputType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

/** The schema the server serves (schema:check keeps the committed file equal to it). */
const SCHEMA = buildSchema(readFileSync(join(REPO_ROOT, 'schema.gql'), 'utf8'));
const MUTATIONS = Object.values(SCHEMA.getMutationType()!.getFields());
const MEMBER_ROLES = ['SOCIAL_MANAGER', 'APPROVER', 'REVIEWER'];
/** Generated requests per mutation: enough to meet every kind of value, well inside a minute. */
const RUNS_PER_MUTATION = 6;

/** What a hostile client types: controls, halves of surrogate pairs, bidi, non-characters. */
const HOSTILE_TEXT = fc.oneof(
  fc.constantFrom(
    '\u0000',
    '\u001b[2J',
    '\ud800',
    '\udfff',
    '\u202e',
    '\u2066',
    '\uffff',
    '\ufdd0',
  ),
  fc.constantFrom('', ' ', '\t\n', '\u0085', '\u007f', 'a\u0000b'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constant('x'.repeat(80_000)),
  fc.constant('é'.repeat(20_000)),
);
const BAD_DATES = fc.constantFrom(
  'asap',
  '',
  '2026-02-30T09:00:00Z',
  '2026-06-01T09:00:00',
  '2026-06-01',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-06-01T24:00:00Z',
  '1e999',
);
const GOOD_DATES = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((at) => at.toISOString());

/**
 * Every mutation of the schema, driven by fast-check with values made from its argument types:
 * known ids and plausible words mixed with hostile text, bad dates, huge lists, junk enums. No
 * answer may be an internal error; a mutation that is refused (no data) writes nothing at all, in
 * any table; and every brand's audit chain verifies afterwards. A failure prints its seed.
 */
describe('every mutation, fuzzed', () => {
  jest.setTimeout(60_000);
  // The worker ticks once, at boot: a later tick (turning an earlier run's reset request into a
  // password link and its email) would write rows while a refused mutation is being checked to
  // have written none (seen once in CI, on a loaded machine).
  const app = useTestApp(AppModule, {
    NODE_ENV: 'production',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    WORKER_INTERVAL_MS: '3600000',
  });
  let adminToken: string;
  let brand: TestBrand;
  let member: TestMember;
  /** Ids and hashes that exist, so that generated requests get past "not found". */
  const known: string[] = [];
  const plausible: string[] = [
    'Words for a post',
    'https://example.com/post/1',
    'someone@example.test',
    'a-new-slug',
    'APPROVE',
    'long enough password 1',
  ];

  beforeAll(async () => {
    adminToken = await app.fixtures.admin();
    brand = await app.fixtures.brand();
    member = await app.fixtures.member(brand.id, MEMBER_ROLES);
    const draft = await app.fixtures.proposal(brand.id, member.token);
    const inReview = await app.fixtures.inReview(brand.id, member.token);
    const evidenceId = await app.fixtures.evidence(draft.id, member.token);
    const riskNoteId = await app.fixtures.riskNote(draft.id, member.token);
    known.push(brand.id, member.id, draft.id, inReview.id, evidenceId, riskNoteId);
    plausible.push(draft.contentHash, inReview.contentHash, member.email);
  });

  /**
   * Some mutations end what the callers stand on (logout, changePassword, removeMember,
   * deactivateUser): whoever lost their session or membership is signed in, or made, afresh, so
   * that every later mutation is still tried by a signed-in admin and member.
   */
  afterEach(async () => {
    const reaches = async (token: string) =>
      !(await app.gql('query ($id: ID!) { brand(id: $id) { id } }', { id: brand.id }, token))
        .errors;
    if (!(await reaches(adminToken))) adminToken = await app.fixtures.admin(true);
    if (await reaches(member.token)) return;
    try {
      member = { ...member, token: await app.fixtures.login(member.email, member.password) };
    } catch {
      // Deactivated: a new member takes their place.
      member = await app.fixtures.member(brand.id, MEMBER_ROLES);
      known.push(member.id);
    }
    if (!(await reaches(member.token))) await app.fixtures.member(brand.id, MEMBER_ROLES, member);
  });

  const text = () =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...plausible, ...known) },
      { weight: 3, arbitrary: HOSTILE_TEXT },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...plausible), HOSTILE_TEXT)
          .map(([words, hostile]) => `${words}${hostile}`),
      },
    );

  /** A value for an argument or input field of `type`, as a client could send it in variables. */
  const valueOf = (type: GraphQLInputType): fc.Arbitrary<unknown> => {
    if (isNonNullType(type)) return nonNull(type.ofType);
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 4, arbitrary: nonNull(type) },
    );
  };
  const nonNull = (type: GraphQLInputType): fc.Arbitrary<unknown> => {
    if (isListType(type)) {
      const item = valueOf(type.ofType);
      return fc.oneof(
        { weight: 5, arbitrary: fc.array(item, { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.array(item, { minLength: 150, maxLength: 300 }) },
      );
    }
    if (isEnumType(type))
      return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
        { weight: 1, arbitrary: HOSTILE_TEXT },
      );
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type)])), {
        requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      });
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case 'ID':
          return fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...known) },
            { weight: 1, arbitrary: text() },
          );
        case 'String':
          return text();
        case 'Int':
          return fc.oneof(
            fc.integer({ min: -5, max: 200 }),
            fc.constantFrom(2_147_483_647, -2_147_483_648),
          );
        case 'Float':
          return fc.oneof(
            fc.double({ min: -1, max: 101, noNaN: true }),
            fc.constantFrom(0.5, 1e300, -0),
          );
        case 'Boolean':
          return fc.boolean();
        case 'DateTime':
          return fc.oneof(GOOD_DATES, BAD_DATES);
      }
    }
    throw new Error(`no values for the input type ${String(type)}`);
  };

  /** Every table's row count: what a refused input must leave as it was. */
  const rowCounts = async (dataSource: DataSource) => {
    const counts: Record<string, number> = {};
    for (const { tableName } of dataSource.entityMetadatas) {
      const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM "${tableName}"`);
      counts[tableName] = Number(row.n);
    }
    return counts;
  };

  it.each(MUTATIONS.map((m) => [m.name, m] as const))('%s', async (_, mutation) => {
    const variables = mutation.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const args = mutation.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = isCompositeType(getNamedType(mutation.type)) ? '{ __typename }' : '';
    const query = `mutation ${variables ? `(${variables})` : ''} { ${mutation.name}${args ? `(${args})` : ''} ${selection} }`;
    const argumentValues = fc.record(
      Object.fromEntries(mutation.args.map((arg) => [arg.name, valueOf(arg.type)])),
      { requiredKeys: [] },
    );
    const caller = fc.constantFrom<() => string | undefined>(
      () => adminToken,
      () => member.token,
      () => undefined,
    );

    await fc.assert(
      fc.asyncProperty(argumentValues, caller, async (values, token) => {
        const before = await rowCounts(app.t.dataSource);
        if (
          Buffer.byteLength(JSON.stringify({ query, variables: values })) > REQUEST_BODY_LIMIT_BYTES
        ) {
          // Too large to read: refused with 413, or the connection is cut while the client still
          // sends; either way nothing changed.
          const status = await app.gql(query, values, token()).then(
            (response) => response.status,
            (error: Error) => (error.cause as { code?: string } | undefined)?.code,
          );
          expect([413, 'ECONNRESET', 'EPIPE']).toContain(status);
          expect(await rowCounts(app.t.dataSource)).toEqual(before);
          return;
        }
        const response = await app.gql(query, values, token());

        expect(response.status).toBeLessThan(500);
        expect(errorCodes(response)).not.toContain('INTERNAL_SERVER_ERROR');
        // A refused mutation rolled back whole. (A failed sign-in is the one refusal that counts.)
        if (!response.data && mutation.name !== 'login')
          expect(await rowCounts(app.t.dataSource)).toEqual(before);
      }),
      { numRuns: RUNS_PER_MUTATION, interruptAfterTimeLimit: 40_000 },
    );
  });

  it("leaves every brand's audit chain verifiable", async () => {
    const { brands } = await app.data('{ brands { id } }', {}, adminToken);
    expect(brands.length).toBeGreaterThan(0);
    for (const { id } of brands as { id: string }[]) {
      await app.sealAuditChain(id);
      const { verifyAuditChain } = await app.data(
        'query ($id: ID!) { verifyAuditChain(brandId: $id) { valid reason } }',
        { id },
        adminToken,
      );
      expect([id, verifyAuditChain]).toEqual([id, { valid: true, reason: null }]);
    }
  });
});
