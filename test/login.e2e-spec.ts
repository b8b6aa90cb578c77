import { useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

describe('login', () => {
  const app = useTestApp(AppModule, {}, { signIn: 'login' });

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
});
