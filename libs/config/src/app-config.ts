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
  readonly bootstrapAdmin: { readonly email: string; readonly password: string } | undefined;
  readonly logLevel: LogLevel;
  readonly workerIntervalMs: number;
  /** How often the worker signs a checkpoint of each brand's audit chain that grew. */
  readonly checkpointIntervalMs: number;
  readonly outbox: OutboxConfig;
  /** Whether webhooks may target loopback and private networks (tests and development only). */
  readonly webhooksAllowPrivateTargets: boolean;
  /** Open WebSocket connections allowed at once (docs/security/query-limits.md). */
  readonly websocket: WebSocketConfig;
}

export interface WebSocketConfig {
  /** Per client address as this process sees it: behind a proxy, every client shares the proxy's. */
  readonly maxConnectionsPerAddress: number;
  readonly maxConnectionsPerUser: number;
}

/** How the worker retries a delivery: exponential back-off from `retryBaseMs`, with jitter. */
export interface OutboxConfig {
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  /** How long a worker holds a message it is sending; after that another worker may take it over. */
  readonly leaseMs: number;
}

export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly path: string }
  | {
      readonly dialect: 'postgres';
      readonly url: string;
      /** A separate role the application runs as, which the migrating role grants (and limits). */
      readonly appRole?: string;
    };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
