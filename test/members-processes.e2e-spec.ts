import {
  addMemberAt,
  createBrandAt,
  errorCodes,
  graphqlData,
  loginAt,
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
      const admin = await loginAt(first, TEST_ADMIN.email, TEST_ADMIN.password);
      const brandId = await createBrandAt(first, admin, 'Two instances', 'two-instances');
      const password = 'tidal-compass-orchard-58';
      const userId = await addMemberAt(first, admin, brandId, {
        email: 'rio@example.test',
        roles: ['APPROVER'],
        password,
      });
      const [token, other] = [
        await loginAt(first, 'rio@example.test', password),
        await loginAt(second, 'rio@example.test', password),
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
