import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { Environment, loadAppConfig } from './load-app-config';
import { trustedDocumentId } from './trusted-documents';

const ed25519Pem = (): string =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const rsaPublicPem = (): string =>
  generateKeyPairSync('rsa', { modulusLength: 1024 })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();

const longSecret = 'x'.repeat(32);
const smtpUrl = 'smtp://mail.example.com:587';
/** Everything a production start needs. */
const production = (): Environment => ({
  NODE_ENV: 'production',
  JWT_SECRET: longSecret,
  SMTP_URL: smtpUrl,
  AUDIT_SIGNING_KEY: ed25519Pem(),
  SECRETS_KEY: secretsKey(),
});
function secretsKey(): string {
  return randomBytes(32).toString('base64');
}
/** `production()` without `name`. */
const productionWithout = (name: string): Environment =>
  Object.fromEntries(Object.entries(production()).filter(([key]) => key !== name));

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'standpoint-config-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** A manifest file in the data folder with `content` (JSON unless a string), for GRAPHQL_TRUSTED_DOCUMENTS. */
function manifestFile(content: unknown): string {
  const path = join(dataDir, 'persisted-documents.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const viewerQuery = 'query Viewer { viewer { id } }';

/** Loads the configuration of `env` with the development secrets kept in a fresh folder. */
const load = (env: Environment) => loadAppConfig({ DATA_DIR: dataDir, ...env });

/** The problems `env` is refused with, or fails the test when it is accepted. */
function problemsOf(env: Environment): readonly string[] {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadAppConfig', () => {
  describe('with an empty environment', () => {
    it('serves the embedded setup', () => {
      const config = load({});

      expect(config).toMatchObject({
        production: false,
        port: 3000,
        publicUrl: 'http://localhost:3000',
        database: { dialect: 'sqlite', path: resolve('data/standpoint.sqlite') },
        dataDir,
        smtpUrl: undefined,
        mailFrom: 'Standpoint <standpoint@localhost>',
        jwtTtlSeconds: 12 * 60 * 60,
        bootstrapAdmin: undefined,
        logLevel: 'info',
        workerIntervalMs: 5000,
        outbox: {
          maxAttempts: 8,
          retryBaseMs: 30_000,
          leaseMs: 300_000,
          webhookDeadlineMs: 10_000,
          smtpDeadlineMs: 30_000,
        },
        webhooksAllowPrivateTargets: false,
        slackApiUrl: 'https://slack.com/api/',
        checkpointIntervalMs: 60_000,
        checkpointEveryEvents: 500,
        auditRetiredPublicKeyPems: [],
        auditLogName: 'localhost:3000/audit',
        trustProxy: false,
        websocket: {
          maxConnectionsPerAddress: 50,
          maxConnectionsPerUser: 10,
          connectionInitTimeoutMs: 3_000,
        },
        trustedDocuments: undefined,
      });
    });

    it('generates the development secrets under DATA_DIR, readable only by the owner', () => {
      const config = load({});
      const jwtFile = join(dataDir, 'jwt-secret');
      const keyFile = join(dataDir, 'audit-signing-key.pem');
      const secretsKeyFile = join(dataDir, 'secrets-key');

      expect(readFileSync(jwtFile, 'utf8')).toBe(config.jwtSecret);
      expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(keyFile, 'utf8')).toBe(config.auditSigningKeyPem);
      expect(createPrivateKey(config.auditSigningKeyPem).asymmetricKeyType).toBe('ed25519');
      expect(readFileSync(secretsKeyFile, 'utf8')).toBe(config.secretsKeys.current);
      expect(Buffer.from(config.secretsKeys.current, 'base64')).toHaveLength(32);
      for (const file of [jwtFile, keyFile, secretsKeyFile])
        expect(statSync(file).mode & 0o077).toBe(0);
    });

    it('keeps the same secrets on the next start', () => {
      const first = load({});
      const second = load({});

      expect(second.jwtSecret).toBe(first.jwtSecret);
      expect(second.auditSigningKeyPem).toBe(first.auditSigningKeyPem);
      expect(second.secretsKeys).toEqual(first.secretsKeys);
    });

    it('creates DATA_DIR when it does not exist yet', () => {
      const nested = join(dataDir, 'not', 'yet');

      loadAppConfig({ DATA_DIR: nested });

      expect(existsSync(join(nested, 'jwt-secret'))).toBe(true);
    });

    it('treats an empty variable as unset', () => {
      expect(load({ PORT: '', DATABASE_URL: '', LOG_LEVEL: '' })).toMatchObject({
        port: 3000,
        database: { dialect: 'sqlite' },
        logLevel: 'info',
      });
    });
  });

  it('selects PostgreSQL with DATABASE_URL', () => {
    const url = 'postgres://standpoint:secret@db.internal:5432/standpoint';

    expect(load({ DATABASE_URL: url }).database).toEqual({ dialect: 'postgres', url });
    expect(load({ DATABASE_URL: url, DATABASE_APP_ROLE: 'standpoint_app' }).database).toEqual({
      dialect: 'postgres',
      url,
      appRole: 'standpoint_app',
    });
    expect(load({ DATABASE_URL: 'postgresql://db/sp' }).database).toEqual({
      dialect: 'postgres',
      url: 'postgresql://db/sp',
    });
    expect(load({ DATABASE_URL: url, DATABASE_POOL_SIZE: '25' }).database).toEqual({
      dialect: 'postgres',
      url,
      poolSize: 25,
    });
  });

  it('selects another SQLite file with SQLITE_PATH', () => {
    expect(load({ SQLITE_PATH: 'db/sp.sqlite' }).database).toEqual({
      dialect: 'sqlite',
      path: resolve('db/sp.sqlite'),
    });
  });

  it('derives PUBLIC_URL from PORT, and drops a trailing slash from a given one', () => {
    expect(load({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(load({ PUBLIC_URL: 'https://standpoint.example.com/' }).publicUrl).toBe(
      'https://standpoint.example.com',
    );
  });

  it('uses given secrets instead of generating them', () => {
    const pem = ed25519Pem();

    const config = load({ JWT_SECRET: longSecret, AUDIT_SIGNING_KEY: pem });

    expect(config.jwtSecret).toBe(longSecret);
    expect(config.auditSigningKeyPem).toBe(pem);
    expect(existsSync(join(dataDir, 'jwt-secret'))).toBe(false);
    expect(existsSync(join(dataDir, 'audit-signing-key.pem'))).toBe(false);
  });

  it('accepts an Ed25519 key written on one line with \\n escapes', () => {
    const pem = ed25519Pem();

    const config = load({ AUDIT_SIGNING_KEY: pem.replace(/\n/g, '\\n') });

    expect(config.auditSigningKeyPem).toBe(pem);
  });

  it('accepts a production configuration', () => {
    const config = load(production());

    expect(config.production).toBe(true);
    expect(config.jwtSecret).toBe(longSecret);
    expect(config.smtpUrl).toBe(smtpUrl);
  });

  it('trusts the proxies TRUST_PROXY names: a hop count, or addresses, ranges and subnet names', () => {
    expect(load({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(load({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(load({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8 ,192.0.2.7' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ]);
  });

  it('creates the bootstrap administrator with a lower-cased email', () => {
    const config = load({
      STANDPOINT_ADMIN_EMAIL: 'Admin@Example.com',
      STANDPOINT_ADMIN_PASSWORD: 'correct horse',
    });

    expect(config.bootstrapAdmin).toEqual({
      email: 'admin@example.com',
      password: 'correct horse',
    });
  });

  it('reads the trusted documents of GRAPHQL_TRUSTED_DOCUMENTS, by their sha256 ids', () => {
    const id = trustedDocumentId(viewerQuery);

    const config = load({ GRAPHQL_TRUSTED_DOCUMENTS: manifestFile({ [id]: viewerQuery }) });

    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(config.trustedDocuments).toEqual(new Map([[id, viewerQuery]]));
  });

  describe('refuses', () => {
    it.each([
      ['a missing file', () => join(dataDir, 'missing.json'), /readable JSON manifest.*ENOENT/],
      ['a file that is not JSON', () => manifestFile('{ "sha256:'), /readable JSON manifest/],
      ['a JSON array', () => manifestFile([viewerQuery]), /JSON object of trusted documents/],
      [
        'an entry that is not a text',
        () => manifestFile({ [trustedDocumentId('{}')]: 1 }),
        /entry "sha256:[0-9a-f]+" is not a document text/,
      ],
      [
        'an entry whose id is not the sha256 of its text',
        () => manifestFile({ [trustedDocumentId('{ viewer { id } }')]: viewerQuery }),
        new RegExp(
          `entry "${trustedDocumentId('{ viewer { id } }')}" is not the sha256 of its text \\(which is ${trustedDocumentId(viewerQuery)}\\)`,
        ),
      ],
    ])('as GRAPHQL_TRUSTED_DOCUMENTS, %s, naming it', (_, path, problem) => {
      const problems = problemsOf({ GRAPHQL_TRUSTED_DOCUMENTS: path() });

      expect(problems).toEqual([expect.stringMatching(/^GRAPHQL_TRUSTED_DOCUMENTS /)]);
      expect(problems[0]).toMatch(problem);
    });

    it('reads the retired public keys, oldest first, and the log name', () => {
      const retired = [1, 2].map(() =>
        generateKeyPairSync('ed25519')
          .publicKey.export({ type: 'spki', format: 'pem' })
          .toString()
          .trim(),
      );
      const config = load({
        AUDIT_RETIRED_PUBLIC_KEYS: retired.join('\\n').replace(/\n/g, '\\n'),
        AUDIT_LOG_NAME: 'standpoint.example.com/audit',
      });
      expect(config.auditRetiredPublicKeyPems).toEqual(retired);
      expect(config.auditLogName).toBe('standpoint.example.com/audit');
    });

    it('reads the secrets key and the retired ones, base64 or base64url', () => {
      const current = secretsKey();
      const retired = [secretsKey(), Buffer.from(secretsKey(), 'base64').toString('base64url')];
      const config = load({ SECRETS_KEY: current, SECRETS_RETIRED_KEYS: retired.join(',') });
      expect(config.secretsKeys).toEqual({ current, retired });
    });

    it('SECRETS_RETIRED_KEYS that holds SECRETS_KEY', () => {
      const key = secretsKey();
      expect(problemsOf({ SECRETS_KEY: key, SECRETS_RETIRED_KEYS: key })).toEqual([
        expect.stringMatching(/^SECRETS_RETIRED_KEYS lists SECRETS_KEY/),
      ]);
    });

    it.each([
      ['SECRETS_KEY', randomBytes(16).toString('base64')],
      ['SECRETS_KEY', 'not a key at all, but long enough to be one!'],
      ['SECRETS_RETIRED_KEYS', `${randomBytes(32).toString('base64')},short`],
    ])('%s that is not 32 bytes in base64, without echoing it', (name, value) => {
      const problems = problemsOf({ [name]: value });
      expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name} must be 32 random`))]);
      expect(problems.join('\n')).not.toContain(value.split(',')[0]);
    });

    it('AUDIT_RETIRED_PUBLIC_KEYS that holds the current key: a retired key signs nothing new', () => {
      const pem = ed25519Pem();
      const publicHalf = createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
      expect(problemsOf({ AUDIT_SIGNING_KEY: pem, AUDIT_RETIRED_PUBLIC_KEYS: publicHalf })).toEqual(
        [
          expect.stringMatching(
            /^AUDIT_RETIRED_PUBLIC_KEYS lists the public half of AUDIT_SIGNING_KEY/,
          ),
        ],
      );
    });

    it('every bad variable at once, one line each, starting with its name', () => {
      const env = {
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        PUBLIC_URL: 'ftp://x',
        NODE_ENV: 'staging',
        AUDIT_SIGNING_KEY: 'nonsense',
        LOG_LEVEL: 'loud',
      };

      const problems = problemsOf(env);

      expect(problems).toHaveLength(Object.keys(env).length);
      expect(problems.map((problem) => problem.split(' ')[0]).sort()).toEqual(
        Object.keys(env).sort(),
      );
    });

    it.each([
      ['PORT', '70000'],
      ['PORT', '-1'],
      ['PORT', '80.5'],
      ['PUBLIC_URL', 'standpoint.example.com'],
      ['DATABASE_URL', 'sqlite://data.db'],
      ['SMTP_URL', 'http://mail'],
      ['MAIL_FROM', 'nobody'],
      ['JWT_SECRET', 'short'],
      ['JWT_TTL_SECONDS', '59'],
      ['LOG_LEVEL', 'verbose'],
      ['WORKER_INTERVAL_MS', '10'],
      ['OUTBOX_MAX_ATTEMPTS', '0'],
      ['OUTBOX_RETRY_BASE_MS', 'soon'],
      ['OUTBOX_LEASE_MS', '999'],
      ['WEBHOOK_DEADLINE_MS', '99'],
      ['SMTP_DEADLINE_MS', 'slow'],
      ['WEBHOOKS_ALLOW_PRIVATE_TARGETS', 'yes'],
      ['OIDC_ALLOW_PRIVATE_ISSUERS', 'yes'],
      ['DATABASE_APP_ROLE', 'App Role'],
      ['DATABASE_POOL_SIZE', '0'],
      ['DATABASE_POOL_SIZE', '101'],
      ['CHECKPOINT_INTERVAL_MS', '999'],
      ['CHECKPOINT_INTERVAL_MS', 'hourly'],
      ['CHECKPOINT_EVERY_EVENTS', '0'],
      ['AUDIT_RETIRED_PUBLIC_KEYS', 'nonsense'],
      ['AUDIT_RETIRED_PUBLIC_KEYS', rsaPublicPem()],
      ['AUDIT_LOG_NAME', 'my log'],
      ['AUDIT_LOG_NAME', 'a+b'],
      ['NODE_ENV', 'prod'],
      ['TRUST_PROXY', 'true'],
      ['TRUST_PROXY', '11'],
      ['TRUST_PROXY', 'proxy.internal'],
      ['TRUST_PROXY', '10.0.0.0/33'],
      ['TRUST_PROXY', 'loopback,'],
      ['WS_MAX_CONNECTIONS_PER_ADDRESS', '0'],
      ['WS_MAX_CONNECTIONS_PER_USER', 'many'],
      ['WS_CONNECTION_INIT_TIMEOUT_MS', '10'],
    ])('%s=%p, naming it', (name, value) => {
      expect(problemsOf({ [name]: value })).toEqual([
        expect.stringMatching(new RegExp(`^${name} `)),
      ]);
    });

    it('a lease shorter than twice the longest send deadline, naming OUTBOX_LEASE_MS', () => {
      expect(problemsOf({ OUTBOX_LEASE_MS: '59999' })).toEqual([
        expect.stringMatching(/^OUTBOX_LEASE_MS .*twice .*60000 or more \(got 59999\)/),
      ]);
      expect(problemsOf({ WEBHOOK_DEADLINE_MS: '200000' })).toEqual([
        expect.stringMatching(/^OUTBOX_LEASE_MS .*400000 or more \(got 300000\)/),
      ]);
      expect(
        load({ OUTBOX_LEASE_MS: '2000', SMTP_DEADLINE_MS: '1000', WEBHOOK_DEADLINE_MS: '1000' })
          .outbox,
      ).toMatchObject({ leaseMs: 2000, smtpDeadlineMs: 1000, webhookDeadlineMs: 1000 });
    });

    it('SQLITE_PATH=:memory:, which the read connection could not share, naming it', () => {
      expect(problemsOf({ SQLITE_PATH: ':memory:' })).toEqual([
        expect.stringMatching(/^SQLITE_PATH must be a file/),
      ]);
    });

    it('DATABASE_POOL_SIZE on SQLite, naming it', () => {
      expect(problemsOf({ DATABASE_POOL_SIZE: '5' })).toEqual([
        expect.stringMatching(/^DATABASE_POOL_SIZE needs DATABASE_URL/),
      ]);
    });

    it('DATABASE_APP_ROLE on SQLite, naming it', () => {
      expect(problemsOf({ DATABASE_APP_ROLE: 'standpoint_app' })).toEqual([
        expect.stringMatching(/^DATABASE_APP_ROLE needs DATABASE_URL/),
      ]);
    });

    it('a production start without JWT_SECRET, naming JWT_SECRET', () => {
      const problems = problemsOf(productionWithout('JWT_SECRET'));

      expect(problems).toEqual([expect.stringMatching(/^JWT_SECRET .*production/)]);
    });

    it('a production start without SMTP_URL, which would leave mail in the development mailbox', () => {
      const problems = problemsOf(productionWithout('SMTP_URL'));

      expect(problems).toEqual([expect.stringMatching(/^SMTP_URL is required .*production/)]);
    });

    it('a production start without AUDIT_SIGNING_KEY, rather than a key generated into the data folder', () => {
      const problems = problemsOf(productionWithout('AUDIT_SIGNING_KEY'));

      expect(problems).toEqual([
        expect.stringMatching(/^AUDIT_SIGNING_KEY is required .*production/),
      ]);
      expect(existsSync(join(dataDir, 'audit-signing-key.pem'))).toBe(false);
    });

    it('a production start without SECRETS_KEY, rather than a key generated beside the data it protects', () => {
      expect(problemsOf(productionWithout('SECRETS_KEY'))).toEqual([
        expect.stringMatching(/^SECRETS_KEY is required .*production/),
      ]);
      expect(existsSync(join(dataDir, 'secrets-key'))).toBe(false);
    });

    it('WEBHOOKS_ALLOW_PRIVATE_TARGETS=true in production, which would open the private network to webhooks', () => {
      const problems = problemsOf({ ...production(), WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });

      expect(problems).toEqual([
        expect.stringMatching(
          /^WEBHOOKS_ALLOW_PRIVATE_TARGETS must be false when NODE_ENV=production/,
        ),
      ]);
    });

    it('OIDC_ALLOW_PRIVATE_ISSUERS=true in production, which would trust identity providers over http and on private networks', () => {
      const problems = problemsOf({ ...production(), OIDC_ALLOW_PRIVATE_ISSUERS: 'true' });

      expect(problems).toEqual([
        expect.stringMatching(/^OIDC_ALLOW_PRIVATE_ISSUERS must be false when NODE_ENV=production/),
      ]);
      expect(load({ OIDC_ALLOW_PRIVATE_ISSUERS: 'true' }).oidcAllowPrivateIssuers).toBe(true);
      expect(load({}).oidcAllowPrivateIssuers).toBe(false);
    });

    it('SSO_CLIENT_REDIRECTS that could hand a sign-in code to someone on the way, or match loosely', () => {
      for (const bad of [
        'http://app.example.com/signed-in',
        'https://app.example.com/signed-in#code',
        'https://user:pw@app.example.com/',
        'https://app.example.com',
        '/signed-in',
      ]) {
        expect(problemsOf({ SSO_CLIENT_REDIRECTS: `https://ok.example.com/, ${bad}` })).toEqual([
          expect.stringContaining(`SSO_CLIENT_REDIRECTS must list absolute https URLs`),
        ]);
      }
      expect(
        load({ SSO_CLIENT_REDIRECTS: 'https://app.example.com/signed-in, http://localhost:5173/' })
          .ssoClientRedirects,
      ).toEqual(['https://app.example.com/signed-in', 'http://localhost:5173/']);
      expect(load({}).ssoClientRedirects).toEqual([]);
    });

    it('nothing for WEBHOOKS_ALLOW_PRIVATE_TARGETS=false in production, or =true outside it', () => {
      expect(load({ ...production(), WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'false' }).production).toBe(
        true,
      );
      expect(load({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' }).webhooksAllowPrivateTargets).toBe(
        true,
      );
    });

    it('SLACK_API_URL that is no http(s) URL; a given one always ends in a slash', () => {
      expect(problemsOf({ SLACK_API_URL: 'slack.com/api' })).toEqual([
        expect.stringMatching(/^SLACK_API_URL /),
      ]);
      expect(load({ SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slackApiUrl).toBe(
        'http://127.0.0.1:9999/api/',
      );
    });

    it('SLACK_API_URL over plain http in production: the bot tokens would travel in clear', () => {
      expect(
        problemsOf({ ...production(), SLACK_API_URL: 'http://slack.example.com/api' }),
      ).toEqual(['SLACK_API_URL must be an https URL when NODE_ENV=production']);
      expect(
        load({ ...production(), SLACK_API_URL: 'https://slack.example.com/api' }).slackApiUrl,
      ).toBe('https://slack.example.com/api/');
    });

    it('STANDPOINT_ADMIN_EMAIL without a password, naming the missing one', () => {
      const problems = problemsOf({ STANDPOINT_ADMIN_EMAIL: 'admin@example.com' });

      expect(problems).toEqual([
        expect.stringMatching(/^STANDPOINT_ADMIN_PASSWORD must be set too/),
      ]);
    });

    it('STANDPOINT_ADMIN_PASSWORD without an email, naming the missing one', () => {
      const problems = problemsOf({ STANDPOINT_ADMIN_PASSWORD: 'long enough password' });

      expect(problems).toEqual([expect.stringMatching(/^STANDPOINT_ADMIN_EMAIL must be set too/)]);
    });

    it('a bad admin email given with a password, naming only the email', () => {
      const problems = problemsOf({
        STANDPOINT_ADMIN_EMAIL: 'not-an-email',
        STANDPOINT_ADMIN_PASSWORD: 'long enough password',
      });

      expect(problems).toEqual([expect.stringMatching(/^STANDPOINT_ADMIN_EMAIL must be an email/)]);
    });

    it('nothing for an empty NODE_ENV, which means unset like every other variable', () => {
      expect(load({ NODE_ENV: '' }).production).toBe(false);
    });

    it('a short JWT_SECRET in production with one line, not two', () => {
      expect(problemsOf({ ...production(), JWT_SECRET: 'short' })).toEqual([
        expect.stringMatching(/^JWT_SECRET must be at least 32/),
      ]);
    });

    it.each([
      ['JWT_SECRET', 'short-secret-value'],
      ['STANDPOINT_ADMIN_PASSWORD', 'tiny'],
      ['DATABASE_URL', 'mysql://user:hunter2@db'],
      ['SMTP_URL', 'http://user:hunter2@mail'],
      ['AUDIT_SIGNING_KEY', 'not-a-key-but-secret'],
    ])('%s without echoing its value', (name, value) => {
      const problems = problemsOf({
        [name]: value,
        ...(name === 'STANDPOINT_ADMIN_PASSWORD'
          ? { STANDPOINT_ADMIN_EMAIL: 'a@example.com' }
          : {}),
      });

      expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name} `))]);
      expect(problems.join('\n')).not.toContain(value);
      expect(problems.join('\n')).not.toContain('hunter2');
    });

    it('an Ed25519 public key as the signing key', () => {
      const publicPem = generateKeyPairSync('ed25519')
        .publicKey.export({ type: 'spki', format: 'pem' })
        .toString();

      expect(problemsOf({ AUDIT_SIGNING_KEY: publicPem })).toEqual([
        expect.stringMatching(/^AUDIT_SIGNING_KEY .*Ed25519/),
      ]);
    });

    it('a private key of another type as the signing key', () => {
      const x25519 = generateKeyPairSync('x25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();

      expect(problemsOf({ AUDIT_SIGNING_KEY: x25519 })).toEqual([
        expect.stringMatching(/^AUDIT_SIGNING_KEY /),
      ]);
    });

    it('without writing any development secret', () => {
      problemsOf({ PORT: 'abc' });

      expect(existsSync(join(dataDir, 'jwt-secret'))).toBe(false);
    });

    it('with a message that lists every problem', () => {
      const error = (() => {
        try {
          return load({ PORT: 'abc', LOG_LEVEL: 'loud' });
        } catch (caught) {
          return caught as Error;
        }
      })();

      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/PORT[\s\S]*LOG_LEVEL/);
    });
  });
});
