import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';

/**
 * What a GraphQL subscription has in place of an HTTP request: no headers (its credentials came
 * with `connection_init`) and the request context the resolvers read. The subscription starts in a
 * context of its own, and each of its events is resolved in a fresh one (`renewRequestContext`):
 * the connection's user read again, with their roles as they are now, and new DataLoaders, so that
 * nothing loaded for an earlier event is served stale. A subscription's events are resolved one
 * after the other, so replacing the context between them is safe.
 */
export class SubscriptionRequest {
  readonly headers: Record<string, string | undefined> = {};
  requestContext!: RequestContext;

  private constructor(private readonly newContext: () => Promise<RequestContext>) {}

  static async open(newContext: () => Promise<RequestContext>): Promise<SubscriptionRequest> {
    const request = new SubscriptionRequest(newContext);
    request.requestContext = await newContext();
    return request;
  }

  async renew(): Promise<RequestContext> {
    this.requestContext = await this.newContext();
    return this.requestContext;
  }
}

/**
 * The request context to resolve one subscription event in (see SubscriptionRequest). An access
 * token that expired since the connection opened, or whose session ended, is UNAUTHENTICATED.
 */
export async function renewRequestContext(graphqlContext: unknown): Promise<RequestContext> {
  const request = (graphqlContext as { req?: unknown } | null)?.req;
  if (!(request instanceof SubscriptionRequest))
    throw new Error('renewRequestContext resolves subscription events only');
  const ctx = await request.renew();
  if (ctx.actor.kind !== 'user')
    throw DomainError.unauthenticated(
      'The access token has expired or its session has ended; sign in and connect again',
    );
  return ctx;
}
