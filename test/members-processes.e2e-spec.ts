import {
  errorCodes,
  graphqlData,
  postGraphQL,
  provisionTestDatabase,
  RunningProcess,
  startApiProcesses,
  stopProcesses,
  TEST_ADMIN,
  TEST_DATABASE_URL,
  TestDatabase,
  testEnvironment,
} from '@standpoint/testing';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const BRAND = 'query ($id: ID!) { brand(id: $id) { id } }';

/** Two API processes (`node dist/apps/api/src/main.js`) share one PostgreSQL database. */
const onPostgres = TEST_DATABASE_URL ? describe : describe.skip;

onPostgres(
  'members and sessions on two API processes of one PostgreSQL database (PostgreSQL only)',
  () => {
    jest.setTimeout(120_000);
    let db: TestDatabase;
    let processes: RunningProcess[] = [];
    let urls: string[] = [];

    beforeAll(async () => {
      db = await provisionTestDatabase();
      ({ processes, urls } = await startApiProcesses(2, testEnvironment(db)));
    });
    afterAll(async () => {
      await stopProcesses(processes);
      await db?.drop();
    });

    const gql = graphqlData;
    const reaches = async (url: string, token: string, brandId: string) =>
      (await postGraphQL(url, BRAND, { id: brandId }, token)).data?.brand?.id === brandId;

    it('refuses a removed member on both instances from their very next request, and a signed-out token too', async () => {
      const [first, second] = urls;
      const admin = (await gql(first, LOGIN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password })).login
        .token;
      const brandId = (
        await gql(
          first,
          'mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id } }',
          { input: { name: 'Two instances', slug: 'two-instances' } },
          admin,
        )
      ).createBrand.id;
      const password = 'tidal-compass-orchard-58';
      const { userId } = await gql(
        first,
        'mutation ($input: AddMemberInput!) { addMember(input: $input) { user { id } } }',
        {
          input: { brandId, email: 'rio@example.test', name: 'Rio', roles: ['APPROVER'], password },
        },
        admin,
      ).then((data) => ({ userId: data.addMember.user.id as string }));
      const [token, other] = [
        (await gql(first, LOGIN, { e: 'rio@example.test', p: password })).login.token,
        (await gql(second, LOGIN, { e: 'rio@example.test', p: password })).login.token,
      ];
      for (const url of urls) expect(await reaches(url, token, brandId)).toBe(true);

      // Removed through the second instance: at once neither instance lets them reach the brand.
      await gql(
        second,
        'mutation ($b: ID!, $u: ID!) { removeMember(brandId: $b, userId: $u) { id } }',
        { b: brandId, u: userId },
        admin,
      );
      for (const url of urls) {
        expect(errorCodes(await postGraphQL(url, BRAND, { id: brandId }, token))).toEqual([
          'NOT_FOUND',
        ]);
      }

      // Signed out on the first instance: the second refuses that token from its next request.
      expect((await gql(first, 'mutation { logout }', {}, token)).logout).toBe(true);
      expect(errorCodes(await postGraphQL(second, '{ viewer { id } }', {}, token))).toEqual([
        'UNAUTHENTICATED',
      ]);
      expect(errorCodes(await postGraphQL(second, '{ viewer { id } }', {}, other))).toEqual([]);
    });
  },
);
