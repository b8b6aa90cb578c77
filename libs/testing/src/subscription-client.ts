import type { GraphQLFormattedError } from 'graphql';
import { Client, createClient, FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** One subscription over graphql-ws (`graphql-transport-ws`), as a client would open it. */
export interface TestSubscription {
  /** The next result (an event, or errors), in order; rejects when none comes in time. */
  next(timeoutMs?: number): Promise<FormattedExecutionResult<Record<string, any>, unknown>>;
  /** Resolves when the server completes the subscription. */
  completed: Promise<void>;
  /**
   * Resolves with the close event (its `code`) when the connection fails or is refused, or with the
   * `errors` (and code -1) when the server refuses the operation itself.
   */
  failed: Promise<SubscriptionFailure>;
  /** Unsubscribes and closes the connection. */
  close(): Promise<void>;
}

export interface SubscriptionFailure {
  code: number;
  reason: string;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * Connects to `<baseUrl>/graphql` over WebSocket with `connectionParams` (for example
 * `{ authorization: 'Bearer <token>' }`) and subscribes with `query` and `variables`, and the
 * `payload`'s other members if given (a `documentId`, `extensions`).
 */
export function subscribe(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown>,
  connectionParams?: Record<string, unknown>,
  payload: Record<string, unknown> = {},
): TestSubscription {
  const results: FormattedExecutionResult<Record<string, any>, unknown>[] = [];
  const waiting: ((result: FormattedExecutionResult<Record<string, any>, unknown>) => void)[] = [];
  let resolveCompleted!: () => void;
  let resolveFailed!: (failure: SubscriptionFailure) => void;
  const completed = new Promise<void>((resolve) => (resolveCompleted = resolve));
  const failed = new Promise<SubscriptionFailure>((resolve) => (resolveFailed = resolve));
  const client: Client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
  const unsubscribe = client.subscribe<Record<string, any>>(
    { ...payload, query, variables },
    {
      next: (result) => {
        const resolve = waiting.shift();
        if (resolve) resolve(result);
        else results.push(result);
      },
      error: (error) => {
        if (Array.isArray(error))
          return resolveFailed({ code: -1, reason: 'errors', errors: error });
        const close = error as { code?: unknown; reason?: unknown };
        resolveFailed({
          code: typeof close.code === 'number' ? close.code : -1,
          reason: typeof close.reason === 'string' ? close.reason : String(error),
        });
      },
      complete: () => resolveCompleted(),
    },
  );
  return {
    next: (timeoutMs = 10_000) => {
      const result = results.shift();
      if (result) return Promise.resolve(result);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(deliver), 1);
          reject(new Error(`no subscription result within ${timeoutMs} ms`));
        }, timeoutMs);
        const deliver = (value: FormattedExecutionResult<Record<string, any>, unknown>) => {
          clearTimeout(timer);
          resolve(value);
        };
        waiting.push(deliver);
      });
    },
    completed,
    failed,
    close: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
}
