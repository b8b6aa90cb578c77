import { randomBytes } from 'node:crypto';
import { TEST_ADMIN, TestApp } from './test-app';

export interface TestBrand {
  id: string;
  slug: string;
  name: string;
}

export interface TestMember {
  id: string;
  email: string;
  password: string;
  token: string;
}

/** Brands, members and tokens made through the API, as an administrator would make them. */
export class Fixtures {
  private adminToken: string | undefined;

  constructor(private readonly t: TestApp) {}

  async login(email: string, password: string): Promise<string> {
    const response = await this.t.gql<{ login: { token: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password },
    );
    const token = response.data?.login.token;
    if (!token) throw new Error(`login failed for ${email}: ${JSON.stringify(response.errors)}`);
    return token;
  }

  async admin(): Promise<string> {
    this.adminToken ??= await this.login(TEST_ADMIN.email, TEST_ADMIN.password);
    return this.adminToken;
  }

  async brand(name = `Brand ${unique()}`): Promise<TestBrand> {
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const response = await this.t.gql<{ createBrand: TestBrand }>(
      'mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id slug name } }',
      { input: { name, slug } },
      await this.admin(),
    );
    if (!response.data) throw new Error(`createBrand failed: ${JSON.stringify(response.errors)}`);
    return response.data.createBrand;
  }

  /** A new user with `roles` in the brand, signed in; or, given `existing`, that user added too. */
  async member(brandId: string, roles: string[], existing?: TestMember): Promise<TestMember> {
    const email = existing?.email ?? `${unique()}@example.test`;
    const password = existing?.password ?? `pw-${unique()}-${unique()}`;
    const response = await this.t.gql<{ addMember: { user: { id: string } } }>(
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { user { id } } }',
      { input: { brandId, email, name: `Member ${email}`, roles, password } },
      await this.admin(),
    );
    if (!response.data) throw new Error(`addMember failed: ${JSON.stringify(response.errors)}`);
    if (existing) return existing;
    return {
      id: response.data.addMember.user.id,
      email,
      password,
      token: await this.login(email, password),
    };
  }
}

function unique(): string {
  return randomBytes(4).toString('hex');
}
