import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { JWTPayload } from 'jose';
import type { KoaContext } from 'oidc-provider';

/** What the provider says of an account: its ID token's claims besides `sub`. */
export interface TestAccountClaims {
  email: string;
  email_verified?: boolean;
  /** Microsoft Entra ID's "email domain owner verified", which it sends instead. */
  xms_edov?: boolean;
  name?: string;
  /** Claims only its userinfo endpoint answers with (say `groups`, which some send there only). */
  userinfo?: { groups?: string[] };
}

/** How the next ID token the provider answers is rewritten (then signed again). */
export interface IdTokenTampering {
  claims?: (claims: JWTPayload) => JWTPayload;
  /** Signs it with a key the provider never published. */
  foreignKey?: boolean;
}

/**
 * A real OpenID provider (oidc-provider) on a local port, with one confidential client whose
 * redirect URI is Standpoint's callback. Its sign-in page is a form that asks for an account's
 * login (any of `accounts`) and signs it in; consent is taken as given. Tests can have it answer
 * its next ID token rewritten, correctly re-signed or signed by a stranger, to prove each check
 * of the relying party fails when it should.
 */
export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccountClaims>;
  tamperNextIdToken(tampering: IdTokenTampering): void;
  /** How many requests it answered at `path` (say its discovery document's). */
  served(path: string): number;
  /**
   * Replaces its signing key with a new one at once: it publishes only the new key and signs with
   * it from now on, as a provider does after a compromise.
   */
  rotateKeys(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestIdentityProvider(
  redirectUri: string,
): Promise<TestIdentityProvider> {
  // Loaded on demand: only the files that start a provider pay for it.
  const { default: Provider } = await import('oidc-provider');
  const jose = await import('jose');
  const stranger = await jose.generateKeyPair('RS256');
  const accounts = new Map<string, TestAccountClaims>();
  const clientId = 'standpoint';
  const clientSecret = randomBytes(24).toString('base64url');
  const cookieKey = randomBytes(32).toString('base64url');
  const served = new Map<string, number>();
  let tampering: IdTokenTampering | undefined;
  let generation = 0;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** A provider that publishes and signs with a key of its own, made for this generation. */
  const providerWithNewKey = async () => {
    const kid = `test-key-${++generation}`;
    const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await jose.exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [jwk] },
      cookies: { keys: [cookieKey] },
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified', 'xms_edov'],
        profile: ['name', 'groups'],
      },
      // The claims of the requested scopes go in the ID token, as Okta and Google put them.
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      findAccount: (_ctx: unknown, id: string) => {
        const account = accounts.get(id);
        if (!account) return undefined;
        const { userinfo, ...inToken } = account;
        return {
          accountId: id,
          claims: (use: 'id_token' | 'userinfo') => ({
            sub: id,
            ...inToken,
            ...(use === 'userinfo' ? userinfo : {}),
          }),
        };
      },
      loadExistingGrant: async (ctx: KoaContext) => {
        const grant = new ctx.oidc.provider.Grant({
          clientId: ctx.oidc.client!.clientId,
          accountId: ctx.oidc.session!.accountId!,
        });
        grant.addOIDCScope('openid email profile');
        await grant.save();
        return grant;
      },
    });
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path !== '/token' || !tampering || !body?.id_token) return;
      const { claims = (c: JWTPayload) => c, foreignKey } = tampering;
      tampering = undefined;
      const rewritten = await new jose.SignJWT(claims(jose.decodeJwt(body.id_token)))
        .setProtectedHeader({ alg: 'RS256', kid })
        .sign(foreignKey ? stranger.privateKey : privateKey);
      ctx.body = { ...body, id_token: rewritten };
    });
    return { provider, callback: provider.callback() };
  };
  let current = await providerWithNewKey();

  server.on('request', (request, response) => {
    const path = new URL(request.url ?? '/', issuer).pathname;
    served.set(path, (served.get(path) ?? 0) + 1);
    const interaction = /^\/interaction\/([\w-]+)$/.exec(path);
    if (!interaction) return void current.callback(request, response);
    if (request.method === 'GET') {
      response.setHeader('content-type', 'text/html');
      return void response.end(
        `<!doctype html><title>Test IdP</title><form method="post"><label for="login">Login</label><input id="login" name="login"><button>Sign in</button></form>`,
      );
    }
    void formOf(request).then((form) =>
      current.provider.interactionFinished(request, response, {
        login: { accountId: form.get('login') ?? '' },
      }),
    );
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamperNextIdToken: (next) => {
      tampering = next;
    },
    served: (path) => served.get(path) ?? 0,
    rotateKeys: async () => {
      current = await providerWithNewKey();
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
}
