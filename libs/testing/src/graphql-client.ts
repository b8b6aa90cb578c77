export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

/** Sends one GraphQL operation over HTTP, as a client would. */
export async function postGraphQL<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T> & { status: number; headers: Headers }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  return { ...body, status: response.status, headers: response.headers };
}

/** The codes of a response's errors, for assertions. */
export function errorCodes(response: GraphQLResponse<unknown>): (string | undefined)[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

/** The fields a BAD_USER_INPUT error names, each with its first rule: `[field, rule]`. */
export function fieldsOf(response: GraphQLResponse<unknown>): [string, string][] {
  const fields = (response.errors?.[0]?.extensions?.fields ?? []) as {
    field: string;
    rules: string[];
  }[];
  return fields.map((f) => [f.field, f.rules[0]]);
}
