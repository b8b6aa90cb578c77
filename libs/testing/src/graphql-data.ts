import { postGraphQL } from './graphql-client';

// Apart from graphql-client.ts, which the benchmarks use outside Jest: this one asserts.

/** The data of an operation that must succeed; the test fails with its errors otherwise. */
export async function graphqlData<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await postGraphQL<T>(baseUrl, query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
}
