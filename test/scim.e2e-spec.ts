import { ScimTokenEntity } from '@standpoint/identity';
import {
  emailsDeliveredTo,
  errorCodes,
  SmtpPeer,
  startTestIdentityProvider,
  TestBrand,
  TestIdentityProvider,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import SCIMMY from 'scimmy';
import { AppModule } from '../src/app.module';

const CREATE_TOKEN = `mutation ($input: CreateScimTokenInput!) {
  createScimToken(input: $input) { id label token createdAt }
}`;
const REVOKE_TOKEN = 'mutation ($brandId: ID!) { revokeScimToken(brandId: $brandId) }';
const SET_GROUP_ROLES = `mutation ($input: SetGroupRolesInput!) {
  setGroupRoles(input: $input) { group roles }
}`;
const GROUP_ROLES =
  'query ($brandId: ID!) { groupRoleMappings(brandId: $brandId) { group roles } }';
const REMOVE_GROUP_ROLES = `mutation ($brandId: ID!, $group: String!) {
  removeGroupRoles(brandId: $brandId, group: $group)
}`;
const MEMBERS = 'query ($id: ID!) { brand(id: $id) { members { roles user { id } } } }';
const SET_OIDC_PROVIDER = `mutation ($input: SetOidcProviderInput!) {
  setOidcProvider(input: $input) { signInUrl }
}`;
const VIEWER = '{ viewer { id } }';

const SCIM_JSON = 'application/scim+json';
const PASSWORD = 'a password Ada chose herself';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

interface ScimAnswer {
  status: number;
  type: string | null;
  body: any;
}

/**
 * A resource as RFC 7643 describes it: exactly its core schema, only attributes of that schema,
 * each of its type (SCIMMY's definitions of the core schemas), and an id and meta of its own.
 */
function expectResource(
  body: Record<string, unknown>,
  schema: { id: string; definition: SCIMMY.Types.SchemaDefinition },
): void {
  expect(body.schemas).toEqual([schema.id]);
  const known = new Set(['schemas', ...schema.definition.attributes.map((a) => a.name)]);
  expect(Object.keys(body).filter((key) => !known.has(key))).toEqual([]);
  expect(() => schema.definition.coerce(body, 'out')).not.toThrow();
  expect(body.id).toEqual(expect.any(String));
  const meta = body.meta as Record<string, string>;
  expect(meta.resourceType).toBe(schema.definition.name);
  expect(meta.location).toBe(`https://standpoint.example/scim/v2/${meta.resourceType}s/${body.id}`);
}

const expectUser = (body: Record<string, unknown>) => expectResource(body, SCIMMY.Schemas.User);
const expectGroup = (body: Record<string, unknown>) => expectResource(body, SCIMMY.Schemas.Group);

/** The fields of an audit event's payload these tests read. */
const dataOf = (event: { data: unknown } | undefined) =>
  (event?.data ?? {}) as { userId?: string; to?: string[]; leftSteps?: string[] };

function expectError(answer: ScimAnswer, status: number, scimType?: string): void {
  expect(answer.status).toBe(status);
  expect(answer.type).toMatch(/^application\/scim\+json/);
  expect(answer.body).toEqual({
    schemas: [ERROR],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail: expect.any(String),
  });
}

/**
 * SCIM 2.0 (`/scim/v2`) as an identity provider uses it: a client script with plain fetch creates,
 * patches (in Okta's and Entra ID's shapes), deactivates and deletes users and groups of a brand,
 * each answer checked against the core schemas; groups give roles through the brand's mapping,
 * changes run through the membership paths (sessions end at once) and the audit trail names the
 * provider; a token reaches its own brand only, is stored as a hash and never logged.
 */
describe('SCIM provisioning', () => {
  const lines: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const env: Record<string, string> = {
    PUBLIC_URL: 'https://standpoint.example',
    TRUST_PROXY: '1',
    LOG_LEVEL: 'info',
    OIDC_ALLOW_PRIVATE_ISSUERS: 'true',
  };
  let peer: SmtpPeer;
  beforeAll(async () => {
    peer = await SmtpPeer.start();
    env.SMTP_URL = peer.url;
  });
  const app = useTestApp(AppModule, env, { logTo: capture });
  afterAll(() => peer?.stop());
  /** Every SCIM token the story used, to look for in the log and the database. */
  const secrets: string[] = [];
  let brand: TestBrand;
  let other: TestBrand;
  let admin: TestMember;
  let otherAdmin: TestMember;
  let token: string;
  let otherToken: string;

  const scim =
    (bearer: string | undefined, address = '192.0.2.1') =>
    async (method: string, path: string, body?: unknown): Promise<ScimAnswer> => {
      const response = await fetch(`${app.t.url}/scim/v2${path}`, {
        method,
        headers: {
          accept: SCIM_JSON,
          'content-type': SCIM_JSON,
          'x-forwarded-for': address,
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: text ? JSON.parse(text) : undefined,
      };
    };
  const createToken = async (brandId: string, by: TestMember, label = 'Okta') => {
    const { createScimToken } = await app.data(
      CREATE_TOKEN,
      { input: { brandId, label } },
      by.token,
    );
    secrets.push(createScimToken.token);
    return createScimToken as { id: string; token: string };
  };
  const rolesIn = async (brandId: string, userId: string, as = admin) => {
    const { brand: found } = await app.data(MEMBERS, { id: brandId }, as.token);
    return (found.members as { roles: string[]; user: { id: string } }[]).find(
      (m) => m.user.id === userId,
    )?.roles;
  };
  const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
  const newUser = (userName: string, extra: Record<string, unknown> = {}) => ({
    schemas: [SCIMMY.Schemas.User.id],
    userName,
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    externalId: `ext-${userName}`,
    ...extra,
  });
  const signIn = async (userId: string, email: string) => {
    await app.fixtures.setPassword(userId, PASSWORD);
    return app.fixtures.login(email, PASSWORD);
  };

  beforeAll(async () => {
    [brand, other] = [await app.fixtures.brand(), await app.fixtures.brand()];
    admin = await app.fixtures.member(brand.id, ['ADMIN']);
    otherAdmin = await app.fixtures.member(other.id, ['ADMIN']);
    for (const [group, roles] of [
      ['Comms', ['SOCIAL_MANAGER', 'CONTRIBUTOR']],
      ['Legal', ['APPROVER']],
    ] as const) {
      await app.data(SET_GROUP_ROLES, { input: { brandId: brand.id, group, roles } }, admin.token);
    }
    token = (await createToken(brand.id, admin)).token;
    otherToken = (await createToken(other.id, otherAdmin, 'Entra ID')).token;
  });

  describe('tokens and group mappings', () => {
    it('are for the brand’s ADMIN only', async () => {
      const contributor = await app.fixtures.member(brand.id, ['CONTRIBUTOR']);
      const input = { brandId: brand.id, label: 'Mine' };
      expect(errorCodes(await app.gql(CREATE_TOKEN, { input }, contributor.token))).toEqual([
        'FORBIDDEN',
      ]);
      expect(errorCodes(await app.gql(CREATE_TOKEN, { input }, otherAdmin.token))).toEqual([
        'NOT_FOUND',
      ]);
      const mapping = { input: { brandId: brand.id, group: 'Admins', roles: ['ADMIN'] } };
      expect(errorCodes(await app.gql(SET_GROUP_ROLES, mapping, contributor.token))).toEqual([
        'FORBIDDEN',
      ]);
    });

    it('lists, sets and removes mappings, matching names whatever their case, each audited', async () => {
      await app.data(
        SET_GROUP_ROLES,
        { input: { brandId: brand.id, group: 'temps', roles: ['AUDITOR'] } },
        admin.token,
      );
      await app.data(
        SET_GROUP_ROLES,
        { input: { brandId: brand.id, group: 'Temps', roles: ['REVIEWER'] } },
        admin.token,
      );
      expect(
        (await app.data(GROUP_ROLES, { brandId: brand.id }, admin.token)).groupRoleMappings,
      ).toEqual([
        { group: 'Comms', roles: ['SOCIAL_MANAGER', 'CONTRIBUTOR'] },
        { group: 'Legal', roles: ['APPROVER'] },
        { group: 'Temps', roles: ['REVIEWER'] },
      ]);
      const removed = await app.data(
        REMOVE_GROUP_ROLES,
        { brandId: brand.id, group: 'TEMPS' },
        admin.token,
      );
      expect(removed.removeGroupRoles).toBe(true);
      const events = (await app.auditChain(brand.id)).filter((e) => e.action.startsWith('group_'));
      expect(events.map((e) => [e.action, e.data])).toEqual(
        expect.arrayContaining([
          ['group_roles.set', { group: 'Temps', before: ['AUDITOR'], after: ['REVIEWER'] }],
          ['group_roles.removed', { group: 'Temps', roles: ['REVIEWER'] }],
        ]),
      );
    });

    it('keeps only the token’s hash and shows the token once; a rotated or revoked token is refused', async () => {
      const first = await createToken(brand.id, admin, 'Rotating');
      expect((await scim(first.token)('GET', '/Users')).status).toBe(200);
      const second = await createToken(brand.id, admin, 'Rotating');
      expectError(await scim(first.token)('GET', '/Users'), 401);
      expect((await scim(second.token)('GET', '/Users')).status).toBe(200);
      const rows = await app.t.asSystem((ctx) => ctx.em.find(ScimTokenEntity));
      expect(rows.find((r) => r.brandId === brand.id)?.tokenHash).toBe(
        createHash('sha256').update(second.token).digest('hex'),
      );
      expect(JSON.stringify(rows)).not.toContain(second.token);
      expect(JSON.stringify(await app.auditChain(brand.id))).not.toContain(second.token);

      expect(
        (await app.data(REVOKE_TOKEN, { brandId: brand.id }, admin.token)).revokeScimToken,
      ).toBe(true);
      expectError(await scim(second.token)('GET', '/Users'), 401);
      token = (await createToken(brand.id, admin)).token;
    });

    it('answers 401 with a SCIM error body without a token or with a wrong one', async () => {
      expectError(await scim(undefined)('GET', '/Users'), 401);
      expectError(await scim('x'.repeat(43))('GET', '/Users'), 401);
      expectError(await scim(`${token}x`)('GET', '/ServiceProviderConfig'), 401);
      // Nor does a SCIM token open the GraphQL API.
      expect(errorCodes(await app.gql(VIEWER, {}, token))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('discovery', () => {
    it('describes the service: PATCH and filters with their cap, bearer tokens, Users and Groups', async () => {
      const config = await scim(token)('GET', '/ServiceProviderConfig');
      expect(config.type).toMatch(/^application\/scim\+json/);
      expect(config.body).toMatchObject({
        patch: { supported: true },
        filter: { supported: true, maxResults: 100 },
        bulk: { supported: false },
        authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })],
      });
      const types = await scim(token)('GET', '/ResourceTypes');
      expect(types.body.Resources.map((r: { endpoint: string }) => r.endpoint).sort()).toEqual([
        '/Groups',
        '/Users',
      ]);
      const schemas = await scim(token)('GET', '/Schemas');
      expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual(
        expect.arrayContaining([SCIMMY.Schemas.User.id, SCIMMY.Schemas.Group.id]),
      );
    });
  });

  describe('a user and a group through their life', () => {
    it('creates, groups, patches (Okta and Entra), deactivates, reactivates and deletes', async () => {
      const client = scim(token);
      // Created: userName lower-cased, a member of the brand with no role until a group gives one.
      const created = await client('POST', '/Users', newUser('Ada.Lovelace@Example.com'));
      expect(created.status).toBe(201);
      expectUser(created.body);
      expect(created.body).toMatchObject({
        userName: 'ada.lovelace@example.com',
        active: true,
        externalId: 'ext-Ada.Lovelace@Example.com',
        name: { givenName: 'Ada', familyName: 'Lovelace' },
        emails: [{ value: 'ada.lovelace@example.com', primary: true }],
      });
      const id = created.body.id as string;
      expect(await rolesIn(brand.id, id)).toEqual([]);
      expectUser((await client('GET', `/Users/${id}`)).body);

      // A group whose name is mapped gives its members the mapped roles.
      const group = await client('POST', '/Groups', {
        schemas: [SCIMMY.Schemas.Group.id],
        displayName: 'comms',
        members: [{ value: id }],
      });
      expect(group.status).toBe(201);
      expectGroup(group.body);
      expect(group.body.members).toEqual([
        expect.objectContaining({ value: id, display: 'ada.lovelace@example.com' }),
      ]);
      expect(await rolesIn(brand.id, id)).toEqual(['SOCIAL_MANAGER', 'CONTRIBUTOR']);

      // Entra ID adds and removes members with PATCH.
      const legal = await client('POST', '/Groups', {
        schemas: [SCIMMY.Schemas.Group.id],
        displayName: 'Legal',
      });
      const added = await client(
        'PATCH',
        `/Groups/${legal.body.id}`,
        patch({ op: 'Add', path: 'members', value: [{ value: id }] }),
      );
      expect(added.status).toBe(200);
      expectGroup(added.body);
      expect(await rolesIn(brand.id, id)).toEqual(['SOCIAL_MANAGER', 'CONTRIBUTOR', 'APPROVER']);
      const groupsOfUser = (await client('GET', `/Users/${id}`)).body.groups;
      expect(groupsOfUser.map((g: { display: string }) => g.display).sort()).toEqual([
        'Legal',
        'comms',
      ]);
      await client(
        'PATCH',
        `/Groups/${group.body.id}`,
        patch({ op: 'Remove', path: `members[value eq "${id}"]` }),
      );
      expect(await rolesIn(brand.id, id)).toEqual(['APPROVER']);

      // Okta replaces attributes with and without a path.
      const renamed = await client(
        'PATCH',
        `/Users/${id}`,
        patch(
          { op: 'replace', path: 'name.givenName', value: 'Augusta' },
          { op: 'replace', value: { externalId: 'okta-42' } },
        ),
      );
      expect(renamed.status).toBe(200);
      expectUser(renamed.body);
      expect(renamed.body).toMatchObject({ externalId: 'okta-42', name: { givenName: 'Augusta' } });

      // Deactivated (Okta's shape): out of the brand, and out of Standpoint since it was their only
      // brand: their token is refused on the very next request.
      const session = await signIn(id, 'ada.lovelace@example.com');
      expect((await app.gql(VIEWER, {}, session)).data?.viewer.id).toBe(id);
      const deactivated = await client(
        'PATCH',
        `/Users/${id}`,
        patch({ op: 'replace', value: { active: false } }),
      );
      expect(deactivated.status).toBe(200);
      expectUser(deactivated.body);
      expect(deactivated.body.active).toBe(false);
      expect(errorCodes(await app.gql(VIEWER, {}, session))).toEqual(['UNAUTHENTICATED']);
      expect(await rolesIn(brand.id, id)).toBeUndefined();
      expect((await client('GET', `/Users/${id}`)).body.active).toBe(false);

      // Reactivated (Entra's legacy shape): the roles their groups give now, and they sign in again.
      const reactivated = await client(
        'PATCH',
        `/Users/${id}`,
        patch({ op: 'Replace', path: 'active', value: 'True' }),
      );
      expect(reactivated.body.active).toBe(true);
      expect(await rolesIn(brand.id, id)).toEqual(['APPROVER']);
      const again = await app.fixtures.login('ada.lovelace@example.com', PASSWORD);
      expect((await app.gql(VIEWER, {}, again)).data?.viewer.id).toBe(id);

      // PUT replaces what the provider holds; userName is the account's email and stays.
      const put = await client(
        'PUT',
        `/Users/${id}`,
        newUser('ada.lovelace@example.com', { name: { givenName: 'Ada', familyName: 'King' } }),
      );
      expect(put.status).toBe(200);
      expect(put.body.name).toMatchObject({ givenName: 'Ada', familyName: 'King' });
      expectError(
        await client('PUT', `/Users/${id}`, newUser('someone.else@example.com')),
        400,
        'mutability',
      );

      // Deleted: gone from the brand and from SCIM; the group loses them.
      expect((await client('DELETE', `/Users/${id}`)).status).toBe(204);
      expectError(await client('GET', `/Users/${id}`), 404);
      expect(await rolesIn(brand.id, id)).toBeUndefined();
      expect((await client('GET', `/Groups/${legal.body.id}`)).body.members).toEqual([]);
      expect((await client('DELETE', `/Groups/${group.body.id}`)).status).toBe(204);
      expectError(await client('GET', `/Groups/${group.body.id}`), 404);

      // Every change is in the brand's trail, the provider named as the actor.
      const trail = (await app.auditChain(brand.id)).filter((e) =>
        e.actorLabel.startsWith('scim:'),
      );
      expect(new Set(trail.map((e) => e.actorLabel))).toEqual(
        new Set([expect.stringMatching(/^scim:Okta \(sct_/)]),
      );
      expect(trail.map((e) => e.action)).toEqual([
        'scim_user.provisioned',
        'member.added',
        'scim_group.created',
        'member.roles_changed',
        'scim_group.created',
        'scim_group.updated',
        'member.roles_changed',
        'scim_group.updated',
        'member.roles_changed',
        'scim_user.updated',
        'scim_user.updated',
        'user.deactivated',
        'scim_user.updated',
        'member.added',
        'scim_user.updated',
        'user.deactivated',
        'scim_user.deleted',
        'scim_group.deleted',
      ]);

      // Provisioned anew after their deletion closed their account (Entra deletes, then assigns
      // again): the account opens, with its password, and keeps its id.
      const back = await client('POST', '/Users', newUser('ada.lovelace@example.com'));
      expect(back.status).toBe(201);
      expect(back.body.id).toBe(id);
      const returned = await app.fixtures.login('ada.lovelace@example.com', PASSWORD);
      expect((await app.gql(VIEWER, {}, returned)).data?.viewer.id).toBe(id);
    });

    it('adds a person who has an account already to this brand only, keeping their password and other brands', async () => {
      const elsewhere = await app.fixtures.member(other.id, ['REVIEWER']);
      const client = scim(token);
      // Entra sends its enterprise attributes, and a provider may send a password: both are ignored.
      const created = await client(
        'POST',
        '/Users',
        newUser(elsewhere.email.toUpperCase(), {
          schemas: [SCIMMY.Schemas.User.id, ENTERPRISE],
          password: 'a password the provider chose',
          [ENTERPRISE]: { department: 'Comms' },
        }),
      );
      expect(created.status).toBe(201);
      expect(created.body.id).toBe(elsewhere.id);
      expect(await rolesIn(brand.id, elsewhere.id)).toEqual([]);
      expect(await rolesIn(other.id, elsewhere.id, otherAdmin)).toEqual(['REVIEWER']);
      expect(await app.fixtures.login(elsewhere.email, elsewhere.password)).toEqual(
        expect.any(String),
      );
      await expect(
        app.fixtures.login(elsewhere.email, 'a password the provider chose'),
      ).rejects.toThrow(/Invalid email or password/);

      // Deactivated here: they leave this brand only, and keep their account and session.
      await client(
        'PATCH',
        `/Users/${elsewhere.id}`,
        patch({ op: 'replace', path: 'active', value: false }),
      );
      expect(await rolesIn(brand.id, elsewhere.id)).toBeUndefined();
      expect(await rolesIn(other.id, elsewhere.id, otherAdmin)).toEqual(['REVIEWER']);
      expect((await app.gql(VIEWER, {}, elsewhere.token)).data?.viewer.id).toBe(elsewhere.id);
      const removal = (await app.auditChain(brand.id)).at(-1);
      expect(removal).toMatchObject({ action: 'member.removed', data: { userId: elsewhere.id } });
    });

    it('reopens an account a provider closed when a brand’s provider activates them again, never one a platform administrator closed', async () => {
      const [mine, theirs] = [scim(token), scim(otherToken)];
      const off = patch({ op: 'replace', value: { active: false } });
      const on = patch({ op: 'replace', value: { active: true } });
      const id = (await mine('POST', '/Users', newUser('two.brands@example.com'))).body.id;
      await theirs('POST', '/Users', newUser('two.brands@example.com'));
      const session = await signIn(id, 'two.brands@example.com');
      // Out of the first brand, then out of the second: the account closes with the second.
      await mine('PATCH', `/Users/${id}`, off);
      expect((await app.gql(VIEWER, {}, session)).data?.viewer.id).toBe(id);
      await theirs('PATCH', `/Users/${id}`, off);
      expect(errorCodes(await app.gql(VIEWER, {}, session))).toEqual(['UNAUTHENTICATED']);
      // The first brand's provider takes them back: the account opens, in that brand only.
      expect((await mine('PATCH', `/Users/${id}`, on)).body.active).toBe(true);
      const again = await app.fixtures.login('two.brands@example.com', PASSWORD);
      expect((await app.gql(VIEWER, {}, again)).data?.viewer.id).toBe(id);
      expect(await rolesIn(brand.id, id)).toEqual([]);
      expect(await rolesIn(other.id, id, otherAdmin)).toBeUndefined();

      // A platform administrator's deactivation is not the provider's to undo.
      const platform = await app.fixtures.admin();
      await app.data(
        'mutation ($id: ID!) { deactivateUser(userId: $id) { id } }',
        { id },
        platform,
      );
      expectError(await theirs('PATCH', `/Users/${id}`, on), 409);
      const gone = await app.fixtures.member(other.id, ['REVIEWER']);
      await app.data(
        'mutation ($id: ID!) { deactivateUser(userId: $id) { id } }',
        { id: gone.id },
        platform,
      );
      expectError(await mine('POST', '/Users', newUser(gone.email)), 409);
    });

    it('keeps the brand’s last ADMIN: a change that would take it away is refused with 409', async () => {
      const lone = await app.fixtures.brand();
      const loneAdmin = await app.fixtures.member(lone.id, ['ADMIN']);
      const loneToken = (await createToken(lone.id, loneAdmin)).token;
      const client = scim(loneToken);
      await client('POST', '/Users', newUser(loneAdmin.email));
      expectError(
        await client(
          'PATCH',
          `/Users/${loneAdmin.id}`,
          patch({ op: 'replace', value: { active: false } }),
        ),
        409,
      );
      expectError(await client('DELETE', `/Users/${loneAdmin.id}`), 409);
      // Nor may a group take their role: they are in no mapped group, and adding one is the change.
      expectError(
        await client('POST', '/Groups', {
          schemas: [SCIMMY.Schemas.Group.id],
          displayName: 'Anyone',
          members: [{ value: loneAdmin.id }],
        }),
        409,
      );
      expect(await rolesIn(lone.id, loneAdmin.id, loneAdmin)).toEqual(['ADMIN']);
      expect((await client('GET', `/Users/${loneAdmin.id}`)).body.active).toBe(true);
    });
  });

  describe('roles follow groups and mappings', () => {
    it('applies a mapping change at once to the members provisioned in that group', async () => {
      const client = scim(token);
      const user = (await client('POST', '/Users', newUser('auditor@example.com'))).body;
      await client('POST', '/Groups', {
        schemas: [SCIMMY.Schemas.Group.id],
        displayName: 'Auditors',
        members: [{ value: user.id }],
      });
      expect(await rolesIn(brand.id, user.id)).toEqual([]);
      const mapping = { brandId: brand.id, group: 'AUDITORS', roles: ['AUDITOR'] };
      await app.data(SET_GROUP_ROLES, { input: mapping }, admin.token);
      expect(await rolesIn(brand.id, user.id)).toEqual(['AUDITOR']);
      await app.data(REMOVE_GROUP_ROLES, { brandId: brand.id, group: 'Auditors' }, admin.token);
      expect(await rolesIn(brand.id, user.id)).toEqual([]);
      const changes = (await app.auditChain(brand.id)).filter(
        (e) => e.action === 'member.roles_changed' && dataOf(e).userId === user.id,
      );
      expect(changes.map((e) => [e.actorLabel, dataOf(e).to])).toEqual([
        [admin.email, ['AUDITOR']],
        [admin.email, []],
      ]);
    });

    it('takes a demoted or deactivated approver off the steps they no longer qualify for', async () => {
      const legalBrand = await app.fixtures.brand();
      const legalAdmin = await app.fixtures.member(legalBrand.id, ['ADMIN']);
      const manager = await app.fixtures.member(legalBrand.id, ['SOCIAL_MANAGER']);
      await app.data(
        SET_GROUP_ROLES,
        { input: { brandId: legalBrand.id, group: 'Legal', roles: ['APPROVER'] } },
        legalAdmin.token,
      );
      const client = scim((await createToken(legalBrand.id, legalAdmin)).token);
      const [first, second] = [
        (await client('POST', '/Users', newUser('first.lawyer@example.com'))).body.id as string,
        (await client('POST', '/Users', newUser('second.lawyer@example.com'))).body.id as string,
      ];
      const legal = await client('POST', '/Groups', {
        schemas: [SCIMMY.Schemas.Group.id],
        displayName: 'Legal',
        members: [{ value: first }, { value: second }],
      });
      await app.fixtures.policy(legalBrand.id, [
        { name: 'Legal', role: 'APPROVER', quorum: 'ANY', slaHours: 12 },
      ]);
      await app.fixtures.inReview(legalBrand.id, manager.token);

      const removed = await client(
        'PATCH',
        `/Groups/${legal.body.id}`,
        patch({ op: 'remove', path: 'members', value: [{ value: first }] }),
      );
      expect(removed.status).toBe(200);
      await client('PATCH', `/Users/${second}`, patch({ op: 'replace', value: { active: false } }));
      const trail = await app.auditChain(legalBrand.id);
      const left = (action: string, userId: string) =>
        dataOf(trail.filter((e) => e.action === action && dataOf(e).userId === userId).at(-1))
          .leftSteps;
      expect(left('member.roles_changed', first)).toEqual([expect.any(String)]);
      expect(left('user.deactivated', second)).toEqual(left('member.roles_changed', first));
      expect(
        trail.filter((e) => e.action === 'step.approver_removed').map((e) => e.actorLabel),
      ).toEqual([expect.stringMatching(/^scim:Okta/), expect.stringMatching(/^scim:Okta/)]);
    });
  });

  describe('lists, filters and bad requests', () => {
    let ids: string[];
    beforeAll(async () => {
      ids = [];
      for (const name of ['list.one', 'list.two', 'list.three']) {
        ids.push((await scim(token)('POST', '/Users', newUser(`${name}@example.com`))).body.id);
      }
    });

    it('filters by userName whatever its case, and pages with startIndex and count', async () => {
      const client = scim(token);
      const found = await client(
        'GET',
        `/Users?filter=${encodeURIComponent('userName eq "List.Two@Example.com"')}`,
      );
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ schemas: [LIST], totalResults: 1 });
      expect(found.body.Resources.map((u: { id: string }) => u.id)).toEqual([ids[1]]);
      found.body.Resources.forEach(expectUser);

      const none = await client(
        'GET',
        `/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`,
      );
      expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });

      const all = (await client('GET', '/Users')).body;
      const page = (await client('GET', '/Users?startIndex=2&count=1')).body;
      expect(page).toMatchObject({
        totalResults: all.totalResults,
        startIndex: 2,
        itemsPerPage: 1,
      });
      expect(page.Resources.map((u: { id: string }) => u.id)).toEqual([all.Resources[1].id]);
      const middle = (await client('GET', '/Users?startIndex=2&count=3')).body;
      expect(middle).toMatchObject({ startIndex: 2, itemsPerPage: 3 });
      expect(middle.Resources.map((u: { id: string }) => u.id)).toEqual(
        all.Resources.slice(1, 4).map((u: { id: string }) => u.id),
      );
      middle.Resources.forEach(expectUser);
      const capped = (await client('GET', '/Users?count=100000')).body;
      expect(capped.itemsPerPage).toBe(100);
    });

    it('answers bad requests with SCIM error bodies', async () => {
      const client = scim(token);
      expectError(
        await client('GET', `/Users?filter=${encodeURIComponent('userName eq "a" and (')}`),
        400,
        'invalidFilter',
      );
      expectError(await client('POST', '/Users', newUser('not an email')), 400, 'invalidValue');
      expectError(
        await client('POST', '/Users', {
          schemas: [SCIMMY.Schemas.User.id],
          active: 'maybe',
          userName: 'x@example.com',
        }),
        400,
        'invalidValue',
      );
      expectError(
        await client('POST', '/Users', newUser('list.one@example.com')),
        409,
        'uniqueness',
      );
      expectError(await client('GET', '/Users/usr_nobody'), 404);
      expectError(await client('GET', '/Nothing'), 404);
      expectError(await client('POST', '/Nothing', {}), 404);
      expectError(await client('DELETE', '/Schemas/x'), 501);
      expectError(
        await client('PATCH', `/Users/${ids[0]}`, { Operations: 'none' }),
        400,
        'invalidSyntax',
      );
      // Two creations of the same user at once: one is made, the other is told it exists.
      const twice = await Promise.all(
        [1, 2].map(() => client('POST', '/Users', newUser('twice@example.com'))),
      );
      expect(twice.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expectError(twice.find((answer) => answer.status === 409) as ScimAnswer, 409, 'uniqueness');
      const group = { schemas: [SCIMMY.Schemas.Group.id], displayName: 'Dup' };
      expect((await client('POST', '/Groups', group)).status).toBe(201);
      expectError(
        await client('POST', '/Groups', { ...group, displayName: 'DUP' }),
        409,
        'uniqueness',
      );
    });

    it('refuses what no GraphQL input may hold: control characters anywhere, bidirectional controls in a name, a body nested too deep', async () => {
      const client = scim(token);
      const count = async () => (await client('GET', '/Users')).body.totalResults as number;
      const before = await count();
      const nul = await client(
        'POST',
        '/Users',
        newUser('nul@example.com', { name: { givenName: 'Ada\u0000', familyName: 'L' } }),
      );
      expectError(nul, 400, 'invalidValue');
      expect(nul.body.detail).toContain('body.name.givenName must not contain U+0000');
      const bidi = await client(
        'POST',
        '/Users',
        newUser('bidi@example.com', { displayName: 'Ada \u202Eecalevol' }),
      );
      expectError(bidi, 400, 'invalidValue');
      expect(bidi.body.detail).toContain('displayName must not contain U+202E');
      expectError(
        await client('POST', '/Groups', {
          schemas: [SCIMMY.Schemas.Group.id],
          displayName: 'Comms\u2066 admins',
        }),
        400,
        'invalidValue',
      );
      let deep: unknown = 'x';
      for (let i = 0; i < 20; i++) deep = { a: deep };
      expectError(
        await client('POST', '/Users', newUser('deep@example.com', { urn: deep })),
        400,
        'invalidSyntax',
      );
      expect(await count()).toBe(before);
    });
  });

  describe('the welcome of a new user', () => {
    let idp: TestIdentityProvider;
    afterAll(() => idp?.close());

    /** A brand with a SCIM token, and the token's client. */
    const scimBrand = async () => {
      const made = await app.fixtures.brand();
      const brandAdmin = await app.fixtures.member(made.id, ['ADMIN']);
      return { brand: made, client: scim((await createToken(made.id, brandAdmin)).token) };
    };

    it('sends the provider’s sign-in, and no password link, in a brand an OIDC provider serves', async () => {
      idp = await startTestIdentityProvider('https://standpoint.example/auth/oidc/callback');
      const { brand: served, client } = await scimBrand();
      const { setOidcProvider } = await app.data(
        SET_OIDC_PROVIDER,
        {
          input: {
            name: 'Acme IdP',
            issuer: idp.issuer,
            clientId: idp.clientId,
            clientSecret: idp.clientSecret,
            emailDomains: ['example.com'],
            brandIds: [served.id],
          },
        },
        await app.fixtures.admin(),
      );
      expect((await client('POST', '/Users', newUser('welcomed@example.com'))).status).toBe(201);
      const [welcome] = await emailsDeliveredTo(app.t, peer, 'welcomed@example.com');
      expect(welcome!.subject).toBe(`Welcome to ${served.name} on Standpoint`);
      expect(welcome!.text).toContain(setOidcProvider.signInUrl);
      expect(welcome!.text).not.toContain('/account/password/');

      // An address outside the provider's domains could not sign in through it.
      expect((await client('POST', '/Users', newUser('outsider@example.org'))).status).toBe(201);
      const [outside] = await emailsDeliveredTo(app.t, peer, 'outsider@example.org');
      expect(outside!.text).toContain('/account/password/');
      expect(outside!.text).not.toContain(setOidcProvider.signInUrl);
    });

    it('sends the usual password link in a brand no provider serves', async () => {
      const { brand: plain, client } = await scimBrand();
      expect((await client('POST', '/Users', newUser('chooses@example.com'))).status).toBe(201);
      const [welcome] = await emailsDeliveredTo(app.t, peer, 'chooses@example.com');
      expect(welcome!.subject).toBe(`Welcome to ${plain.name} on Standpoint`);
      expect(welcome!.text).toContain('Choose your password');
      expect(welcome!.text).toContain('https://standpoint.example/account/password/');
      expect(welcome!.text).not.toContain('/auth/oidc/');
    });
  });

  describe('brands apart', () => {
    it('lets a token reach its own brand’s users and groups only', async () => {
      const mine = scim(token);
      const theirs = scim(otherToken);
      const user = (await mine('POST', '/Users', newUser('isolated@example.com'))).body;
      const group = (
        await mine('POST', '/Groups', {
          schemas: [SCIMMY.Schemas.Group.id],
          displayName: 'Isolated',
          members: [{ value: user.id }],
        })
      ).body;

      expectError(await theirs('GET', `/Users/${user.id}`), 404);
      expectError(
        await theirs(
          'PATCH',
          `/Users/${user.id}`,
          patch({ op: 'replace', value: { active: false } }),
        ),
        404,
      );
      expectError(await theirs('PUT', `/Users/${user.id}`, newUser('isolated@example.com')), 404);
      expectError(await theirs('DELETE', `/Users/${user.id}`), 404);
      expectError(await theirs('GET', `/Groups/${group.id}`), 404);
      expectError(await theirs('DELETE', `/Groups/${group.id}`), 404);
      expectError(
        await theirs('POST', '/Groups', {
          schemas: [SCIMMY.Schemas.Group.id],
          displayName: 'Stolen',
          members: [{ value: user.id }],
        }),
        400,
        'invalidValue',
      );
      const listed = (await theirs('GET', '/Users')).body.Resources.map(
        (u: { id: string }) => u.id,
      );
      expect(listed).not.toContain(user.id);
      expect((await theirs('GET', '/Groups')).body.Resources).toEqual([]);
      const byName = `/Groups?filter=${encodeURIComponent('displayName eq "isolated"')}`;
      expect((await theirs('GET', byName)).body.totalResults).toBe(0);
      const found = (await mine('GET', byName)).body;
      expect(found.Resources.map((g: { id: string }) => g.id)).toEqual([group.id]);
      const byUserName = `/Users?filter=${encodeURIComponent('userName eq "ISOLATED@example.com"')}`;
      expect((await theirs('GET', byUserName)).body.totalResults).toBe(0);
      expect((await mine('GET', `/Users/${user.id}`)).body.active).toBe(true);
      expect(await rolesIn(other.id, user.id, otherAdmin)).toBeUndefined();
    });
  });

  describe('wrong tokens', () => {
    it('are slowed down per address: past ten, refused with 429 and Retry-After, even a right one', async () => {
      const guesser = '198.51.100.7';
      for (let i = 0; i < 10; i++) {
        expectError(await scim('y'.repeat(43), guesser)('GET', '/Users'), 401);
      }
      const refused = await scim(token, guesser)('GET', '/Users');
      expectError(refused, 429);
      const again = await fetch(`${app.t.url}/scim/v2/Users`, {
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': guesser },
      });
      expect(again.status).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another address is not slowed down.
      expect((await scim(token)('GET', '/Users')).status).toBe(200);
    });
  });

  describe('the log', () => {
    it('never writes a SCIM token to the log', () => {
      // The requests are logged, their Authorization header redacted.
      expect(
        lines.some(
          (line) =>
            line.includes('/scim/v2/Users') && line.includes('"authorization":"[redacted]"'),
        ),
      ).toBe(true);
      for (const secret of secrets) {
        expect(lines.filter((line) => line.includes(secret))).toEqual([]);
      }
    });
  });
});
