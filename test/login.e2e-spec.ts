import { errorCodes, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

describe('login', () => {
  const app = useTestApp(AppModule);

  it('answers a wrong password and an unknown email identically', async () => {
    const brand = await app.fixtures.brand();
    const member = await app.fixtures.member(brand.id, ['APPROVER']);
    const wrongPassword = await app.gql(LOGIN, { e: member.email, p: 'not-the-password' });
    const unknownEmail = await app.gql(LOGIN, { e: 'nobody@example.test', p: 'not-the-password' });
    const shape = (r: typeof wrongPassword) => ({
      status: r.status,
      data: r.data,
      message: r.errors?.[0].message,
      code: r.errors?.[0].extensions?.code,
    });
    expect(shape(wrongPassword)).toEqual(shape(unknownEmail));
    expect(shape(wrongPassword)).toEqual({
      status: 200,
      data: null,
      message: 'Invalid email or password',
      code: 'UNAUTHENTICATED',
    });
  });

  it('signs in with any case of the email', async () => {
    const brand = await app.fixtures.brand();
    const member = await app.fixtures.member(brand.id, ['APPROVER']);
    expect(
      (await app.gql(LOGIN, { e: member.email.toUpperCase(), p: member.password })).data?.login
        .token,
    ).toEqual(expect.any(String));
  });

  it('refuses the 11th failed attempt on one account within a minute, even with the right password', async () => {
    const brand = await app.fixtures.brand();
    const member = await app.fixtures.member(brand.id, ['APPROVER']);
    for (let i = 0; i < 10; i++) {
      expect(errorCodes(await app.gql(LOGIN, { e: member.email, p: `wrong-${i}` }))).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    expect(errorCodes(await app.gql(LOGIN, { e: member.email, p: member.password }))).toEqual([
      'TOO_MANY_REQUESTS',
    ]);
    const other = await app.fixtures.member(brand.id, ['REVIEWER']);
    expect((await app.gql(LOGIN, { e: other.email, p: other.password })).data?.login.token).toEqual(
      expect.any(String),
    );
  });

  it('counts an account that does not exist like one that does', async () => {
    for (let i = 0; i < 10; i++) await app.gql(LOGIN, { e: 'ghost@example.test', p: `wrong-${i}` });
    expect(errorCodes(await app.gql(LOGIN, { e: 'ghost@example.test', p: 'wrong' }))).toEqual([
      'TOO_MANY_REQUESTS',
    ]);
  });
});

describe('login from one address', () => {
  const app = useTestApp(AppModule);

  it('refuses the address after 30 failures within a minute, whatever the account', async () => {
    const brand = await app.fixtures.brand();
    const member = await app.fixtures.member(brand.id, ['AUDITOR']);
    for (let i = 0; i < 30; i++) {
      expect(
        errorCodes(await app.gql(LOGIN, { e: `guess-${i}@example.test`, p: 'wrong' })),
      ).toEqual(['UNAUTHENTICATED']);
    }
    expect(errorCodes(await app.gql(LOGIN, { e: member.email, p: member.password }))).toEqual([
      'TOO_MANY_REQUESTS',
    ]);
  });
});
