/// <reference lib="dom" />
import {
  GRAPHIQL_EXAMPLE_DOCUMENT,
  GRAPHIQL_EXAMPLE_VARIABLES,
  GRAPHIQL_HEADERS_TEMPLATE,
} from '@standpoint/graphql';
import {
  ARTIFACTS_DIR,
  describeInBrowser,
  launchBrowser,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import {
  buildClientSchema,
  getIntrospectionQuery,
  IntrospectionQuery,
  Kind,
  OperationDefinitionNode,
  parse,
  print,
  validate,
} from 'graphql';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { AppModule } from '../src/app.module';

/** What chromium sends when the address is typed in. */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
/** helmet's policy of every response (http-setup.ts), as it writes it. */
const STRICT_CSP = "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'";
const VIEWER = '{ viewer { email } }';

const operationsOf = (document: string) =>
  parse(document).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );

/** The preloaded operations the IDE's ▶ menu offers. */
const OPERATION_NAMES = operationsOf(GRAPHIQL_EXAMPLE_DOCUMENT).map((o) => o.name!.value);

const getGraphql = (url: string, accept: string) =>
  fetch(`${url}/graphql`, { headers: { accept } }).then(async (response) => ({
    status: response.status,
    headers: response.headers,
    body: await response.text(),
  }));

describe('the GraphQL IDE in development', () => {
  const app = useTestApp(AppModule);

  it('is served to a browser at GET /graphql, with a policy of its own that admits nothing from elsewhere', async () => {
    const page = await getGraphql(app.t.url, BROWSER_ACCEPT);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>Standpoint GraphQL IDE</title>');
    // The preloaded document travels in the page's options.
    expect(page.body).toContain(JSON.stringify(GRAPHIQL_EXAMPLE_DOCUMENT));
    // Its inline script (admitted by hash, below) and nothing from an address.
    expect(page.body).not.toMatch(/<script[^>]*\ssrc=|<link[^>]*rel="stylesheet"/);
    expect(page.body).toMatch(/<link rel="icon" href="data:image\//);

    const script = /<script>([\s\S]*)<\/script>/.exec(page.body)![1];
    const host = new URL(app.t.url).host;
    expect(page.headers.get('content-security-policy')!.split('; ')).toEqual([
      "default-src 'none'",
      `script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`,
      'worker-src blob:',
      "style-src 'unsafe-inline'",
      'font-src data:',
      'img-src data:',
      `connect-src 'self' ws://${host} wss://${host}`,
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('leaves every other request to the API, with the strict policy', async () => {
    const member = await app.fixtures.member((await app.fixtures.brand()).id, ['CONTRIBUTOR']);

    const post = await app.t.gql(VIEWER, {}, member.token);
    expect(post.status).toBe(200);
    expect(post.data).toEqual({ viewer: { email: member.email } });
    expect(post.headers.get('content-security-policy')).toBe(STRICT_CSP);

    // A client's GET (curl sends */*) is the API's: refused without a preflight header, as ever.
    for (const accept of ['*/*', 'application/json', 'application/graphql-response+json']) {
      const get = await getGraphql(app.t.url, accept);
      expect(get.status).toBe(400);
      expect(get.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
      expect(get.headers.get('content-security-policy')).toBe(STRICT_CSP);
      expect(JSON.parse(get.body).errors[0].message).toContain('Cross-Site Request Forgery');
    }
    const query = await fetch(`${app.t.url}/graphql?query=${encodeURIComponent(VIEWER)}`, {
      headers: { authorization: `Bearer ${member.token}`, 'apollo-require-preflight': 'true' },
    });
    expect(await query.json()).toMatchObject({ data: { viewer: { email: member.email } } });

    const health = await fetch(`${app.t.url}/health`, { headers: { accept: BROWSER_ACCEPT } });
    expect(health.headers.get('content-security-policy')).toBe(STRICT_CSP);
  });

  it('preloads operations that are valid against the served schema, with their variables', async () => {
    const introspection = await app.t.gql<IntrospectionQuery>(getIntrospectionQuery());
    const served = buildClientSchema(introspection.data!);

    expect(validate(served, parse(GRAPHIQL_EXAMPLE_DOCUMENT))).toEqual([]);
    expect(OPERATION_NAMES).toEqual(expect.arrayContaining(['SignIn', 'Viewer', 'Proposals']));
    const variables = Object.keys(JSON.parse(GRAPHIQL_EXAMPLE_VARIABLES));
    for (const operation of operationsOf(GRAPHIQL_EXAMPLE_DOCUMENT)) {
      for (const definition of operation.variableDefinitions ?? []) {
        expect(variables).toContain(definition.variable.name.value);
      }
    }
  });

  it("signs in with SignIn while the headers template's placeholder is in place", async () => {
    const member = await app.fixtures.member((await app.fixtures.brand()).id, ['CONTRIBUTOR']);
    // As the IDE sends it: the one operation chosen, every variable, the headers as they stand.
    const signIn = await app.t.gql(
      print(operationsOf(GRAPHIQL_EXAMPLE_DOCUMENT).find((o) => o.name!.value === 'SignIn')!),
      { ...JSON.parse(GRAPHIQL_EXAMPLE_VARIABLES), email: member.email, password: member.password },
      undefined,
      JSON.parse(GRAPHIQL_HEADERS_TEMPLATE),
    );
    expect(signIn.errors).toBeUndefined();
    expect(signIn.data).toEqual({
      login: { token: expect.any(String), user: { id: member.id, email: member.email } },
    });
  });

  describeInBrowser('in Chromium', () => {
    let browser: Browser;
    let member: TestMember;
    beforeAll(async () => {
      browser = await launchBrowser();
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      member = await app.fixtures.member((await app.fixtures.brand()).id, ['APPROVER']);
    });
    afterAll(() => browser?.close());

    it('loads from this server alone, runs Viewer with a token and shows the schema', async () => {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') refused.push(message.text());
      });
      page.on('pageerror', (error) => refused.push(error.message));
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('websocket', (socket) => requests.push(socket.url()));
      const region = (name: string) => page.getByRole('region', { name });
      /** Monaco draws spaces as no-break spaces. */
      const textOf = async (name: string) =>
        (await region(name).textContent())!.replace(/\u00a0/g, ' ');

      try {
        await page.goto(`${app.t.url}/graphql`);
        const run = page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' });
        await run.waitFor();

        // The preloaded document, its first operations in view, and the headers template. The IDE
        // stores its tabs a moment after its buttons show (seen once in CI on a busy machine).
        const tabState = await page.waitForFunction(() =>
          localStorage.getItem('graphiql:tabState'),
        );
        const tabs = (await tabState.jsonValue()) as string | null;
        expect(JSON.parse(tabs!).tabs[0].query).toBe(GRAPHIQL_EXAMPLE_DOCUMENT);
        expect(await textOf('Operation Editor')).toContain('mutation SignIn($email: String!');
        expect(await textOf('Operation Editor')).toContain('query Viewer {');
        await page.getByText('Headers', { exact: true }).click();
        expect(await textOf('Headers')).toContain('"Authorization": "Bearer <paste the token');

        // The member's token in place of the template, then Viewer from the ▶ menu.
        await region('Headers').click();
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        await page.keyboard.type(JSON.stringify({ Authorization: `Bearer ${member.token}` }));
        await run.click();
        const menu = page.getByRole('menuitem');
        await menu.first().waitFor();
        expect(await menu.allTextContents()).toEqual(OPERATION_NAMES);
        await page.getByRole('menuitem', { name: 'Viewer', exact: true }).click();
        await region('Result Window').getByText(`"email": "${member.email}"`).waitFor();
        expect(await textOf('Result Window')).toContain(`"id": "${member.id}"`);
        await page.screenshot({ path: join(ARTIFACTS_DIR, 'graphql-ide-viewer.png') });
        // The token stays in the tab: nothing the browser keeps holds it.
        const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
        expect(stored).toContain('graphiql:tabState');
        expect(stored).not.toContain(member.token);

        // The docs explorer shows the schema the server introspects.
        await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
        await region('Documentation Explorer').getByRole('link', { name: 'Query' }).click();
        const docs = await textOf('Documentation Explorer');
        expect(docs).toContain('viewer: User!');
        expect(docs).toMatch(/proposals\(.*\): ProposalConnection!/);
        await page.screenshot({ path: join(ARTIFACTS_DIR, 'graphql-ide-docs.png') });

        // Subscriptions' WebSocket to this server is admitted by the page's policy.
        const socketUrl = `${app.t.url.replace(/^http/, 'ws')}/graphql`;
        const socket = await page.evaluate(
          (url) =>
            new Promise<string>((resolve) => {
              const ws = new WebSocket(url, 'graphql-transport-ws');
              ws.onopen = () => {
                ws.close();
                resolve('open');
              };
              ws.onerror = () => resolve('refused');
            }),
          socketUrl,
        );
        expect(socket).toBe('open');

        expect(refused).toEqual([]);
        const elsewhere = requests.filter(
          (url) =>
            !url.startsWith(`${app.t.url}/`) &&
            !url.startsWith(`blob:${app.t.url}/`) &&
            !url.startsWith('data:') &&
            url !== socketUrl,
        );
        expect(elsewhere).toEqual([]);
        expect(requests).toContain(`${app.t.url}/graphql`);
      } finally {
        await page.close();
      }
    });
  });
});

describe('the GraphQL IDE in production', () => {
  const app = useTestApp(AppModule, {
    NODE_ENV: 'production',
    SMTP_URL: 'smtp://127.0.0.1:2525',
  });

  it('is not served: a browser gets the API answer any GET without an operation gets', async () => {
    const browser = await getGraphql(app.t.url, BROWSER_ACCEPT);
    const client = await getGraphql(app.t.url, '*/*');

    expect(browser.status).toBe(400);
    expect(browser.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(browser.headers.get('content-security-policy')).toBe(STRICT_CSP);
    expect(JSON.parse(browser.body)).toEqual({
      errors: [
        expect.objectContaining({
          message: expect.stringContaining('Cross-Site Request Forgery'),
          extensions: { code: 'BAD_REQUEST' },
        }),
      ],
    });
    expect(browser.body).toBe(client.body);
    expect(browser.body).not.toContain('GraphiQL');
  });
});
