import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isIP } from 'node:net';
import { AppConfig, DatabaseConfig, LOG_LEVELS, LogLevel, TrustProxy } from './app-config';
import { ConfigError } from './config-error';
import { readTrustedDocuments, TrustedDocuments } from './trusted-documents';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates every variable of the operating contract (OPERATIONS.md) plus our own.
 * Every problem is collected so that one failed start names every bad variable at once.
 * Development secrets (JWT, audit signing key) are generated once and kept under DATA_DIR.
 */
export function loadAppConfig(env: Environment): AppConfig {
  const problems: string[] = [];
  const given = (name: string) => env[name] !== undefined && env[name] !== '';
  const read = <T>(name: string, parse: (raw: string) => T | string, fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const parsed = parse(raw);
    if (typeof parsed === 'string' && parsed.startsWith('!')) {
      // Secrets and URLs (which may carry a password) are never echoed back.
      const shown = SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(raw)})`;
      problems.push(`${name} ${parsed.slice(1)}${shown}`);
      return fallback;
    }
    return parsed as T;
  };

  const nodeEnv = read<string | undefined>(
    'NODE_ENV',
    oneOf(['production', 'development', 'test']),
    undefined,
  );
  const production = nodeEnv === 'production';
  const port = read<number>('PORT', integerIn(0, 65535), 3000);
  const publicUrl = read<string>('PUBLIC_URL', httpUrl, `http://localhost:${port}`).replace(
    /\/+$/,
    '',
  );
  const dataDir = resolve(read<string>('DATA_DIR', (v) => v, './data'));
  const databaseUrl = read<string | undefined>('DATABASE_URL', postgresUrl, undefined);
  const sqlitePath = read<string>('SQLITE_PATH', sqliteFile, './data/standpoint.sqlite');
  const appRole = read<string | undefined>('DATABASE_APP_ROLE', roleName, undefined);
  if (appRole && !databaseUrl) problems.push('DATABASE_APP_ROLE needs DATABASE_URL (PostgreSQL)');
  const poolSize = read<number | undefined>('DATABASE_POOL_SIZE', integerIn(1, 100), undefined);
  if (poolSize !== undefined && !databaseUrl) {
    problems.push('DATABASE_POOL_SIZE needs DATABASE_URL (PostgreSQL; SQLite has no pool)');
  }
  const database: DatabaseConfig = databaseUrl
    ? {
        dialect: 'postgres',
        url: databaseUrl,
        ...(appRole ? { appRole } : {}),
        ...(poolSize !== undefined ? { poolSize } : {}),
      }
    : { dialect: 'sqlite', path: resolve(sqlitePath) };
  const smtpUrl = read<string | undefined>('SMTP_URL', smtpUrlOf, undefined);
  if (production && !given('SMTP_URL')) {
    // The development mailbox only writes files: in production mail would silently go nowhere.
    problems.push('SMTP_URL is required when NODE_ENV=production (smtp:// or smtps://)');
  }
  const mailFrom = read<string>('MAIL_FROM', mailbox, 'Standpoint <standpoint@localhost>');
  const jwtSecret = read<string | undefined>('JWT_SECRET', minLength(32), undefined);
  if (production && !given('JWT_SECRET')) {
    problems.push('JWT_SECRET is required when NODE_ENV=production (at least 32 characters)');
  }
  const jwtTtlSeconds = read<number>(
    'JWT_TTL_SECONDS',
    integerIn(60, 60 * 60 * 24 * 30),
    12 * 60 * 60,
  );
  const auditSigningKeyPem = read<string | undefined>(
    'AUDIT_SIGNING_KEY',
    ed25519PrivateKey,
    undefined,
  );
  if (production && !given('AUDIT_SIGNING_KEY')) {
    // A key generated into the data folder dies with the container, and every checkpoint it signed
    // can no longer be checked against a key the operator keeps.
    problems.push(
      'AUDIT_SIGNING_KEY is required when NODE_ENV=production (an Ed25519 private key in PEM)',
    );
  }
  const auditRetiredPublicKeyPems = read<string[]>(
    'AUDIT_RETIRED_PUBLIC_KEYS',
    ed25519PublicKeys,
    [],
  );
  const signingPublicKey = auditSigningKeyPem && publicPemOf(auditSigningKeyPem);
  if (
    signingPublicKey &&
    auditRetiredPublicKeyPems.some((pem) => publicPemOf(pem) === signingPublicKey)
  )
    problems.push(
      'AUDIT_RETIRED_PUBLIC_KEYS lists the public half of AUDIT_SIGNING_KEY: a retired key signs nothing new',
    );
  const auditLogName = read<string>(
    'AUDIT_LOG_NAME',
    noteKeyName,
    `${new URL(publicUrl).host}/audit`,
  );
  const secretsKey = read<string | undefined>('SECRETS_KEY', secretsKeyOf, undefined);
  if (production && !given('SECRETS_KEY')) {
    // A key generated into the data folder sits beside what it protects, and dies with the
    // container: the connected workspaces' tokens could then no longer be read.
    problems.push(
      'SECRETS_KEY is required when NODE_ENV=production (32 random bytes in base64: openssl rand -base64 32)',
    );
  }
  const secretsRetiredKeys = read<string[]>('SECRETS_RETIRED_KEYS', secretsKeysOf, []);
  if (secretsKey && secretsRetiredKeys.includes(secretsKey))
    problems.push('SECRETS_RETIRED_KEYS lists SECRETS_KEY: the current key is not retired');
  const adminEmail = read<string | undefined>('STANDPOINT_ADMIN_EMAIL', email, undefined);
  const adminPassword = read<string | undefined>(
    'STANDPOINT_ADMIN_PASSWORD',
    minLength(10),
    undefined,
  );
  for (const [name, other] of [
    ['STANDPOINT_ADMIN_EMAIL', 'STANDPOINT_ADMIN_PASSWORD'],
    ['STANDPOINT_ADMIN_PASSWORD', 'STANDPOINT_ADMIN_EMAIL'],
  ]) {
    if (given(other) && !given(name)) problems.push(`${name} must be set too when ${other} is set`);
  }
  const logLevel = read<string>('LOG_LEVEL', oneOf(LOG_LEVELS), 'info') as LogLevel;
  const workerIntervalMs = read<number>('WORKER_INTERVAL_MS', integerIn(100, 3_600_000), 5_000);
  const outbox = {
    maxAttempts: read<number>('OUTBOX_MAX_ATTEMPTS', integerIn(1, 50), 8),
    retryBaseMs: read<number>('OUTBOX_RETRY_BASE_MS', integerIn(10, 3_600_000), 30_000),
    leaseMs: read<number>('OUTBOX_LEASE_MS', integerIn(1000, 3_600_000), 5 * 60_000),
    webhookDeadlineMs: read<number>('WEBHOOK_DEADLINE_MS', integerIn(100, 600_000), 10_000),
    smtpDeadlineMs: read<number>('SMTP_DEADLINE_MS', integerIn(100, 600_000), 30_000),
  };
  // A send that runs to its deadline must still be written down by the worker holding its lease,
  // or another worker would take the message over and send it a second time.
  const longestDeadlineMs = Math.max(outbox.webhookDeadlineMs, outbox.smtpDeadlineMs);
  if (outbox.leaseMs < 2 * longestDeadlineMs) {
    problems.push(
      `OUTBOX_LEASE_MS must be at least twice the longest send deadline (SMTP_DEADLINE_MS, ` +
        `WEBHOOK_DEADLINE_MS): ${2 * longestDeadlineMs} or more (got ${outbox.leaseMs})`,
    );
  }
  const webhooksAllowPrivateTargets = read<boolean>('WEBHOOKS_ALLOW_PRIVATE_TARGETS', flag, false);
  if (production && webhooksAllowPrivateTargets) {
    // It would let any brand admin make the server call the internal network (SSRF).
    problems.push(
      'WEBHOOKS_ALLOW_PRIVATE_TARGETS must be false when NODE_ENV=production (it lets webhooks reach private networks)',
    );
  }
  const oidcAllowPrivateIssuers = read<boolean>('OIDC_ALLOW_PRIVATE_ISSUERS', flag, false);
  if (production && oidcAllowPrivateIssuers) {
    // Sign-in would trust keys and tokens fetched without TLS, and admins could reach our network.
    problems.push(
      'OIDC_ALLOW_PRIVATE_ISSUERS must be false when NODE_ENV=production (it lets sign-in trust identity providers over plain http and on private networks)',
    );
  }
  const ssoClientRedirects = read<string[]>('SSO_CLIENT_REDIRECTS', clientRedirectsOf, []);
  const slackApiUrl = read<string>('SLACK_API_URL', httpUrl, 'https://slack.com/api/').replace(
    /\/*$/,
    '/',
  );
  if (production && !slackApiUrl.startsWith('https:')) {
    // The bot tokens of every connected workspace travel with each call.
    problems.push('SLACK_API_URL must be an https URL when NODE_ENV=production');
  }
  const trustProxy = read<TrustProxy>('TRUST_PROXY', trustProxyOf, false);
  const checkpointIntervalMs = read<number>(
    'CHECKPOINT_INTERVAL_MS',
    integerIn(1_000, 86_400_000),
    60_000,
  );
  const checkpointEveryEvents = read<number>(
    'CHECKPOINT_EVERY_EVENTS',
    integerIn(1, 1_000_000),
    500,
  );
  const websocket = {
    maxConnectionsPerAddress: read<number>(
      'WS_MAX_CONNECTIONS_PER_ADDRESS',
      integerIn(1, 100_000),
      50,
    ),
    maxConnectionsPerUser: read<number>('WS_MAX_CONNECTIONS_PER_USER', integerIn(1, 1_000), 10),
    connectionInitTimeoutMs: read<number>(
      'WS_CONNECTION_INIT_TIMEOUT_MS',
      integerIn(100, 60_000),
      3_000,
    ),
  };
  const trustedDocuments = read<TrustedDocuments | undefined>(
    'GRAPHQL_TRUSTED_DOCUMENTS',
    readTrustedDocuments,
    undefined,
  );

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    production,
    port,
    publicUrl,
    database,
    dataDir,
    smtpUrl,
    mailFrom,
    jwtSecret:
      jwtSecret ??
      developmentSecret(dataDir, 'jwt-secret', () => randomBytes(48).toString('base64url')),
    jwtTtlSeconds,
    auditSigningKeyPem:
      auditSigningKeyPem ?? developmentSecret(dataDir, 'audit-signing-key.pem', newEd25519Pem),
    auditRetiredPublicKeyPems,
    auditLogName,
    secretsKeys: {
      current:
        secretsKey ??
        developmentSecret(dataDir, 'secrets-key', () => randomBytes(32).toString('base64')),
      retired: secretsRetiredKeys,
    },
    bootstrapAdmin:
      adminEmail && adminPassword
        ? { email: adminEmail.toLowerCase(), password: adminPassword }
        : undefined,
    logLevel,
    workerIntervalMs,
    outbox,
    webhooksAllowPrivateTargets,
    oidcAllowPrivateIssuers,
    ssoClientRedirects,
    slackApiUrl,
    checkpointIntervalMs,
    checkpointEveryEvents,
    trustProxy,
    websocket,
    trustedDocuments,
  };
}

/** A secret generated on first use and kept in the data folder, so restarts keep sessions valid. */
function developmentSecret(dataDir: string, file: string, generate: () => string): string {
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8');
  mkdirSync(dirname(path), { recursive: true });
  const secret = generate();
  writeFileSync(path, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

function newEd25519Pem(): string {
  return generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'DATABASE_URL',
  'SMTP_URL',
  'JWT_SECRET',
  'AUDIT_SIGNING_KEY',
  'SECRETS_KEY',
  'SECRETS_RETIRED_KEYS',
  'STANDPOINT_ADMIN_PASSWORD',
]);

// Parsers answer the value, or '!' followed by what the value should be.
const integerIn =
  (min: number, max: number) =>
  (raw: string): number | string => {
    const value = Number(raw);
    return /^\d+$/.test(raw) && value >= min && value <= max
      ? value
      : `!must be an integer between ${min} and ${max}`;
  };

const httpUrl = (raw: string): string =>
  /^https?:$/.test(urlProtocol(raw) ?? '')
    ? raw
    : '!must be an http(s) URL such as https://standpoint.example.com';

/**
 * Client addresses a sign-in may end at, comma-separated: absolute, over https (http on loopback
 * only, for development), without credentials or fragment (the code travels in the fragment).
 */
const clientRedirectsOf = (raw: string): string[] | string => {
  const urls = raw
    .split(',')
    .map((text) => text.trim())
    .filter(Boolean);
  for (const text of urls) {
    const url = URL.canParse(text) ? new URL(text) : null;
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url?.hostname ?? '');
    const secure = url?.protocol === 'https:' || (url?.protocol === 'http:' && loopback);
    if (!url || !secure || url.username || url.password || url.hash || url.href !== text) {
      return `!must list absolute https URLs (http only on loopback), written as a URL parser writes them (https://app.example.com/ with its /), without credentials or fragment: ${JSON.stringify(text)} is not one`;
    }
  }
  return urls;
};

const postgresUrl = (raw: string): string =>
  /^postgres(ql)?:$/.test(urlProtocol(raw) ?? '') ? raw : '!must be a postgres:// URL';

const smtpUrlOf = (raw: string): string =>
  /^smtps?:$/.test(urlProtocol(raw) ?? '') ? raw : '!must be an smtp:// or smtps:// URL';

// Reads outside a transaction go through a second, read-only connection (SqliteReadConnection),
// and a second connection to :memory: would be another, empty database.
const sqliteFile = (raw: string): string =>
  raw === ':memory:'
    ? '!must be a file: the server opens it twice (its reads see only committed data), which :memory: cannot be; use a file in a temporary folder instead'
    : raw;

const email = (raw: string): string =>
  /^[^\s@]+@[^\s@]+$/.test(raw) ? raw : '!must be an email address';

const mailbox = (raw: string): string =>
  /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@]+@[^\s@]+)$/.test(raw.trim())
    ? raw.trim()
    : '!must be an address such as "Standpoint <standpoint@example.com>"';

const minLength =
  (length: number) =>
  (raw: string): string =>
    raw.length >= length ? raw : `!must be at least ${length} characters long`;

const roleName = (raw: string): string =>
  /^[a-z_][a-z0-9_]{0,62}$/.test(raw)
    ? raw
    : '!must be a plain PostgreSQL role name (lower-case letters, digits, _)';

const flag = (raw: string): boolean | string =>
  raw === 'true' ? true : raw === 'false' ? false : '!must be true or false';

/** Subnet names Express's 'trust proxy' knows besides addresses and CIDR ranges. */
const PROXY_SUBNETS = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * `false`, a hop count, or a comma-separated list of proxy addresses, CIDR ranges and subnet
 * names. Not `true`: trusting every hop would let any client name its own address.
 */
function trustProxyOf(raw: string): TrustProxy | string {
  const problem =
    '!must be false, a number of proxy hops, or a comma-separated list of proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal (not true: any client could then choose its address)';
  if (raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw) <= 10 ? Number(raw) : problem;
  const entries = raw.split(',').map((entry) => entry.trim());
  const valid = (entry: string) => {
    const [address, prefix, ...rest] = entry.split('/');
    if (rest.length > 0) return false;
    if (prefix === undefined) return PROXY_SUBNETS.includes(address) || isIP(address) !== 0;
    const bits = isIP(address) === 4 ? 32 : isIP(address) === 6 ? 128 : 0;
    return /^\d+$/.test(prefix) && Number(prefix) <= bits;
  };
  return entries.every(valid) ? entries : problem;
}

const oneOf =
  (values: readonly string[]) =>
  (raw: string): string =>
    values.includes(raw) ? raw : `!must be one of ${values.join(', ')}`;

function ed25519PrivateKey(raw: string): string {
  try {
    const key = createPrivateKey(raw.replace(/\\n/g, '\n'));
    if (key.asymmetricKeyType === 'ed25519') return raw.replace(/\\n/g, '\n');
  } catch {
    // reported below
  }
  return '!must be an Ed25519 private key in PEM (PKCS#8) form';
}

/** One or more PEM public keys, one after the other (`\n` escapes accepted), all Ed25519. */
function ed25519PublicKeys(raw: string): string[] | string {
  const text = raw.replace(/\\n/g, '\n');
  const blocks = text.match(/-----BEGIN PUBLIC KEY-----[^-]+-----END PUBLIC KEY-----/g) ?? [];
  const allEd25519 = blocks.every((block) => {
    try {
      return createPublicKey(block).asymmetricKeyType === 'ed25519';
    } catch {
      return false;
    }
  });
  return blocks.length > 0 && allEd25519
    ? blocks
    : '!must be one or more Ed25519 public keys in PEM (SubjectPublicKeyInfo) form';
}

/** 32 bytes in base64 (or base64url), as `openssl rand -base64 32` prints them. */
function secretsKeyOf(raw: string): string {
  const trimmed = raw.trim();
  return /^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed) && Buffer.from(trimmed, 'base64').length === 32
    ? trimmed
    : '!must be 32 random bytes in base64 (openssl rand -base64 32)';
}

/** Keys of SECRETS_KEY's form, separated by commas. */
function secretsKeysOf(raw: string): string[] | string {
  const keys = raw.split(',').map((key) => secretsKeyOf(key));
  return keys.find((key) => key.startsWith('!')) ?? keys;
}

function publicPemOf(pem: string): string {
  return createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
}

/** A C2SP note key name: no spaces and no plus, such as `standpoint.example.com/audit`. */
function noteKeyName(raw: string): string {
  return /^[^\s+]{1,200}$/u.test(raw)
    ? raw
    : '!must be a name without spaces or "+", such as example.com/audit';
}

function urlProtocol(raw: string): string | undefined {
  try {
    return new URL(raw).protocol;
  } catch {
    return undefined;
  }
}

/**
 * DATABASE_APP_ROLE of this process, for the migration that grants it: TypeORM builds migrations
 * itself, so they cannot be handed the configuration.
 */
export function appRoleFromEnvironment(): string | undefined {
  const raw = process.env.DATABASE_APP_ROLE;
  if (!raw) return undefined;
  const role = roleName(raw);
  if (role.startsWith('!')) throw new ConfigError([`DATABASE_APP_ROLE ${role.slice(1)}`]);
  return role;
}

let processConfig: AppConfig | undefined;

/** The configuration of this process, read from its environment once. */
export function configFromEnvironment(): AppConfig {
  processConfig ??= loadAppConfig(process.env);
  return processConfig;
}

/** Reads the configuration, or stops the process with exit code 1 and one line per bad variable. */
export function configOrExit(): AppConfig {
  try {
    return configFromEnvironment();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    exitForConfigError(error);
  }
}

/** Stops the process with exit code 1 and one line per bad variable. */
export function exitForConfigError(error: ConfigError): never {
  process.stderr.write(
    `Standpoint cannot start; fix these environment variables:\n${error.problems.map((p) => `  ${p}\n`).join('')}`,
  );
  process.exit(1);
}
