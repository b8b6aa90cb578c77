import { errorCodes, TEST_ADMIN, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

describe('identity through GraphQL', () => {
  const app = useTestApp(AppModule);

  it('lets the bootstrap administrator sign in and see themselves', async () => {
    const token = await app.fixtures.admin();
    const response = await app.gql('{ viewer { email name memberships { roles } } }', {}, token);
    expect(response.data).toEqual({
      viewer: { email: TEST_ADMIN.email, name: 'Platform administrator', memberships: [] },
    });
  });

  it('creates a brand and adds members with roles', async () => {
    const brand = await app.fixtures.brand('Acme Outdoor');
    const manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER', 'CONTRIBUTOR']);
    const response = await app.gql(
      '{ viewer { memberships { roles brand { name slug members { roles user { email } } } } } }',
      {},
      manager.token,
    );
    expect(response.data?.viewer.memberships).toEqual([
      {
        roles: ['SOCIAL_MANAGER', 'CONTRIBUTOR'],
        brand: {
          name: 'Acme Outdoor',
          slug: 'acme-outdoor',
          members: [{ roles: ['SOCIAL_MANAGER', 'CONTRIBUTOR'], user: { email: manager.email } }],
        },
      },
    ]);
  });

  it('answers an unauthenticated query with UNAUTHENTICATED', async () => {
    expect(errorCodes(await app.gql('{ viewer { id } }'))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.gql('{ viewer { id } }', {}, 'not-a-token'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('lets only a platform administrator create a brand', async () => {
    const brand = await app.fixtures.brand();
    const admin = await app.fixtures.member(brand.id, ['ADMIN']);
    const response = await app.gql(
      'mutation { createBrand(input: { name: "Rogue", slug: "rogue" }) { id } }',
      {},
      admin.token,
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('lets only a brand admin add members', async () => {
    const brand = await app.fixtures.brand();
    const admin = await app.fixtures.member(brand.id, ['ADMIN']);
    const approver = await app.fixtures.member(brand.id, ['APPROVER']);
    const add = (token: string) =>
      app.gql(
        'mutation ($input: AddMemberInput!) { addMember(input: $input) { roles user { email } } }',
        {
          input: { brandId: brand.id, email: 'new@example.test', name: 'New', roles: ['REVIEWER'] },
        },
        token,
      );
    expect(errorCodes(await add(approver.token))).toEqual(['FORBIDDEN']);
    expect((await add(admin.token)).data).toEqual({
      addMember: { roles: ['REVIEWER'], user: { email: 'new@example.test' } },
    });
  });

  it('answers a bad input with BAD_USER_INPUT naming the field and the rule', async () => {
    const response = await app.gql(
      'mutation { createBrand(input: { name: "Bad", slug: "Not A Slug" }) { id } }',
      {},
      await app.fixtures.admin(),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain('input.slug');
    expect(response.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'input.slug', rules: ['matches'] }),
    ]);
  });

  it('refuses a second brand with a slug already taken', async () => {
    const brand = await app.fixtures.brand();
    const response = await app.gql(
      'mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id } }',
      { input: { name: 'Copy', slug: brand.slug } },
      await app.fixtures.admin(),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain('slug');
  });

  it('answers an unknown id with NOT_FOUND', async () => {
    const token = await app.fixtures.admin();
    const unknownBrand = 'brd_01900000-0000-7000-8000-000000000000';
    expect(
      errorCodes(
        await app.gql('query ($id: ID!) { brand(id: $id) { id } }', { id: unknownBrand }, token),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await app.gql('query ($id: ID!) { node(id: $id) { id } }', { id: unknownBrand }, token),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.gql('{ node(id: "nonsense") { id } }', {}, token))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('resolves node(id) for brands and users', async () => {
    const brand = await app.fixtures.brand();
    const member = await app.fixtures.member(brand.id, ['AUDITOR']);
    const response = await app.gql(
      'query ($b: ID!, $u: ID!) { b: node(id: $b) { __typename ... on Brand { slug } } u: node(id: $u) { __typename ... on User { email } } }',
      { b: brand.id, u: member.id },
      member.token,
    );
    expect(response.data).toEqual({
      b: { __typename: 'Brand', slug: brand.slug },
      u: { __typename: 'User', email: member.email },
    });
  });
});
