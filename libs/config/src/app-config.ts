import type { TrustedDocuments } from './trusted-documents';

/** The validated configuration of one Standpoint process. Built once at boot by `loadAppConfig`. */
export interface AppConfig {
  readonly production: boolean;
  readonly port: number;
  readonly publicUrl: string;
  readonly database: DatabaseConfig;
  readonly dataDir: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly jwtSecret: string;
  readonly jwtTtlSeconds: number;
  readonly auditSigningKeyPem: string;
  /**
   * AUDIT_RETIRED_PUBLIC_KEYS: the public keys that signed checkpoints before the current one,
   * oldest first, so that those checkpoints keep verifying after a rotation.
   */
  readonly auditRetiredPublicKeyPems: readonly string[];
  /** AUDIT_LOG_NAME: the checkpoints' C2SP origin is `<log name>/<brand id>`. */
  readonly auditLogName: string;
  /**
   * SECRETS_KEY and SECRETS_RETIRED_KEYS (base64, 32 bytes each): the keys that encrypt the
   * credentials Standpoint keeps for others (chat workspaces' tokens) at rest. New secrets are
   * sealed with the current key; the retired ones still open what they sealed.
   */
  readonly secretsKeys: { readonly current: string; readonly retired: readonly string[] };
  readonly bootstrapAdmin: { readonly email: string; readonly password: string } | undefined;
  readonly logLevel: LogLevel;
  readonly workerIntervalMs: number;
  /**
   * A brand's chain grown since its last checkpoint is signed once its first unsealed event is
   * this old, or once this many events are unsealed, whichever comes first (CHECKPOINT_INTERVAL_MS,
   * CHECKPOINT_EVERY_EVENTS): only that tail could be rewritten without a signature showing it.
   */
  readonly checkpointIntervalMs: number;
  readonly checkpointEveryEvents: number;
  readonly outbox: OutboxConfig;
  /** Whether webhooks may target loopback and private networks (tests and development only). */
  readonly webhooksAllowPrivateTargets: boolean;
  /** Whether an OIDC provider may be on plain http and a private network (tests, development). */
  readonly oidcAllowPrivateIssuers: boolean;
  /**
   * The client addresses a single sign-on may end at (SSO_CLIENT_REDIRECTS): the browser is sent
   * there with the one-time code in the fragment, instead of being shown the code.
   */
  readonly ssoClientRedirects: readonly string[];
  /** The base of Slack's Web API (SLACK_API_URL, ending in `/`): the tests point it at a fake. */
  readonly slackApiUrl: string;
  /**
   * Express's 'trust proxy' (TRUST_PROXY): which reverse proxies in front of the API may name the
   * client in X-Forwarded-For, so that `request.ip` and per-address limits see clients, not the
   * proxy. `false` trusts none; a number trusts that many hops; a list names the proxies.
   */
  readonly trustProxy: TrustProxy;
  /** Open WebSocket connections allowed at once (docs/security/query-limits.md). */
  readonly websocket: WebSocketConfig;
  /**
   * GRAPHQL_TRUSTED_DOCUMENTS: when set, the API runs only these documents (trusted-documents.ts),
   * by id or by their text; without it, any operation.
   */
  readonly trustedDocuments: TrustedDocuments | undefined;
}

export interface WebSocketConfig {
  /** Per client address (behind a proxy, as TRUST_PROXY lets the process see it). */
  readonly maxConnectionsPerAddress: number;
  readonly maxConnectionsPerUser: number;
  /** How long a new socket has to send `connection_init` before it is closed (4408). */
  readonly connectionInitTimeoutMs: number;
}

export type TrustProxy = false | number | readonly string[];

/** How the worker retries a delivery: exponential back-off from `retryBaseMs`, with jitter. */
export interface OutboxConfig {
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  /** How long a worker holds a message it is sending; after that another worker may take it over. */
  readonly leaseMs: number;
  /** The whole of one webhook delivery, from connecting to the last byte of the answer. */
  readonly webhookDeadlineMs: number;
  /** The whole of one SMTP send, from taking a connection to the server's answer to the message. */
  readonly smtpDeadlineMs: number;
}

export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly path: string }
  | {
      readonly dialect: 'postgres';
      readonly url: string;
      /** A separate role the application runs as, which the migrating role grants (and limits). */
      readonly appRole?: string;
      /** Connections of this process's pool (DATABASE_POOL_SIZE); the driver's default when unset. */
      readonly poolSize?: number;
    };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
