import { JwtService } from '@nestjs/jwt';
import { TypeOrmLogger } from '@standpoint/database';
import { UserEntity } from '@standpoint/identity';
import {
  errorCodes,
  fieldsOf,
  subscribe,
  TestBrand,
  TestMember,
  TestSubscription,
  useTestApp,
  waitFor,
} from '@standpoint/testing';
import { AuditEventBus } from '@standpoint/audit';
import type { Logger } from 'typeorm';
import { AppModule } from '../src/app.module';

const VIEWER = '{ viewer { id } }';
const CHANGE_PASSWORD = `mutation ($current: String!, $new: String!) {
  changePassword(currentPassword: $current, newPassword: $new) { token user { id } }
}`;
const PROPOSAL_EVENTS = `subscription ($brandId: ID!) { proposalEvents(brandId: $brandId) { action } }`;

/**
 * Sessions: every access token names a session the server can end. Signing out ends the calling
 * one, a password change the others, and the very next request of an ended session is refused,
 * over HTTP and over WebSocket alike.
 */
describe('sessions', () => {
  const app = useTestApp(AppModule, {}, { signIn: 'login' });
  let brand: TestBrand;
  let manager: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand('Lumen Outfitters');
    manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
  });

  const signIn = (member: { email: string; password: string }) =>
    app.fixtures.login(member.email, member.password);
  const works = async (token: string) => !(await app.gql(VIEWER, {}, token)).errors;
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

  it('gives every token a session id and an expiry', async () => {
    const claims = claimsOf(await signIn(manager));
    expect(claims).toEqual(
      expect.objectContaining({ sub: manager.id, sid: expect.stringMatching(/^ses_/) }),
    );
    expect(typeof claims.exp).toBe('number');
  });

  it('refuses a well-signed token whose session the server never made, or that names none', async () => {
    const jwt = new JwtService({ secret: app.t.config.jwtSecret });
    const sign = (claims: Record<string, unknown>) =>
      jwt.sign(claims, { algorithm: 'HS256', issuer: 'standpoint', expiresIn: 600 });
    const forged = sign({ sub: manager.id, sid: 'ses_0193e6a4-0000-7000-8000-000000000000' });
    const sessionless = sign({ sub: manager.id });
    // The same claims with a real session: the signature is right, only the session decides.
    const genuine = sign({ sub: manager.id, sid: claimsOf(manager.token).sid });
    expect(await works(genuine)).toBe(true);
    for (const token of [forged, sessionless]) {
      expect(errorCodes(await app.gql(VIEWER, {}, token))).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('reads the session in the lookup that reads the user: no statement of its own', async () => {
    // TypeOrmLogger ignores what it is given; TypeORM's Logger says what that is.
    const logQuery = jest.spyOn(TypeOrmLogger.prototype as Logger, 'logQuery');
    try {
      logQuery.mockClear();
      expect(await works(manager.token)).toBe(true);
      const statements = logQuery.mock.calls.map(([sql]) => String(sql));
      // The user through their session, their memberships, then the viewer field's own read.
      expect(statements).toHaveLength(3);
      const reading = statements.filter((sql) => /"session"/.test(sql));
      expect(reading).toHaveLength(1);
      expect(reading[0]).toMatch(/FROM "user"/);
    } finally {
      logQuery.mockRestore();
    }
  });

  it('ends only the calling session on logout, and refuses its token from the next request', async () => {
    const [here, elsewhere] = [await signIn(manager), await signIn(manager)];
    expect((await app.data(`mutation { logout }`, {}, here)).logout).toBe(true);
    expect(errorCodes(await app.gql(VIEWER, {}, here))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.gql(`mutation { logout }`, {}, here))).toEqual(['UNAUTHENTICATED']);
    expect(await works(elsewhere)).toBe(true);
  });

  it('stops the events of a subscription whose session ended', async () => {
    const bus = app.t.app.get(AuditEventBus);
    const token = await signIn(manager);
    const subscription: TestSubscription = subscribe(
      app.t.url,
      PROPOSAL_EVENTS,
      { brandId: brand.id },
      { authorization: `Bearer ${token}` },
    );
    try {
      await waitFor('the subscription to listen', () => bus.listenerCount(brand.id) > 0, {
        intervalMs: 5,
      });
      await app.fixtures.proposal(brand.id, manager.token, { title: 'Heard' });
      expect((await subscription.next()).data?.proposalEvents.action).toBe('proposal.created');

      await app.data('mutation { logout }', {}, token);
      await app.fixtures.proposal(brand.id, manager.token, { title: 'Not heard' });
      const after = await subscription.next();
      expect(after.data?.proposalEvents ?? null).toBeNull();
      expect(after.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    } finally {
      await subscription.close();
    }
  });

  it('stops the events of a subscription whose member was removed from the brand', async () => {
    const bus = app.t.app.get(AuditEventBus);
    const leaving = await app.fixtures.member(brand.id, ['REVIEWER']);
    const admin = await app.fixtures.member(brand.id, ['ADMIN']);
    const before = bus.listenerCount(brand.id);
    const subscription = subscribe(
      app.t.url,
      PROPOSAL_EVENTS,
      { brandId: brand.id },
      { authorization: `Bearer ${leaving.token}` },
    );
    try {
      await waitFor('the subscription to listen', () => bus.listenerCount(brand.id) > before, {
        intervalMs: 5,
      });
      await app.data(
        'mutation ($b: ID!, $u: ID!) { removeMember(brandId: $b, userId: $u) { id } }',
        { b: brand.id, u: leaving.id },
        admin.token,
      );
      await app.fixtures.proposal(brand.id, manager.token, { title: 'After they left' });
      const after = await subscription.next();
      expect(after.data?.proposalEvents ?? null).toBeNull();
      expect(after.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    } finally {
      await subscription.close();
    }
  });

  describe('changing the password', () => {
    let member: TestMember;
    beforeAll(async () => {
      member = await app.fixtures.member(brand.id, ['CONTRIBUTOR']);
    });

    it('needs the current password', async () => {
      const refused = await app.gql(
        CHANGE_PASSWORD,
        { current: 'not the password at all', new: 'quiet harbour lantern maple 42' },
        member.token,
      );
      expect(fieldsOf(refused)).toEqual([['currentPassword', 'currentPassword']]);
      expect(await signIn(member)).toBeTruthy();
    });

    it.each([
      ['a common password', 'password12'],
      ['a repeated character', 'aaaaaaaaaaaa'],
      ['their own brand and name', 'Lumen Outfitters'],
    ])('refuses %s, saying why and what would help', async (_, weak) => {
      const refused = await app.gql(
        CHANGE_PASSWORD,
        { current: member.password, new: weak },
        member.token,
      );
      expect(fieldsOf(refused)).toEqual([['newPassword', 'strongPassword']]);
      expect(refused.errors![0].message).toMatch(/too easy to guess/);
      expect(refused.errors![0].message).toMatch(/Add more words|uncommon|Avoid/);
      // Nothing changed: the old password still signs in.
      expect(await signIn(member)).toBeTruthy();
    });

    it('ends every other session and answers a new token for the calling one', async () => {
      const other = await signIn(member);
      const newPassword = 'quiet harbour lantern maple 42';
      const { changePassword } = await app.data(
        CHANGE_PASSWORD,
        { current: member.password, new: newPassword },
        member.token,
      );
      expect(changePassword.user.id).toBe(member.id);
      expect(claimsOf(changePassword.token).sid).toBe(claimsOf(member.token).sid);
      expect(await works(changePassword.token)).toBe(true);
      expect(await works(member.token)).toBe(true);
      expect(errorCodes(await app.gql(VIEWER, {}, other))).toEqual(['UNAUTHENTICATED']);
      await expect(signIn(member)).rejects.toThrow(/Invalid email or password/);
      expect(await signIn({ ...member, password: newPassword })).toBeTruthy();
      // Stored as argon2id with the parameters docs/security/members-and-sessions.md states.
      const { passwordHash } = await app.t.dataSource
        .getRepository(UserEntity)
        .findOneByOrFail({ id: member.id });
      expect(passwordHash).toMatch(/^\$argon2id\$v=19\$/);
      expect(passwordHash!.split('$')[3].split(',').sort()).toEqual(['m=65536', 'p=4', 't=3']);
    });
  });
});
