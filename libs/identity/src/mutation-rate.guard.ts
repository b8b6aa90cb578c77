import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { requestContextOf, RequestWithContext } from '@standpoint/graphql';
import { RateLimit, RateLimits } from '@standpoint/rate-limits';

/**
 * Mutations per signed-in user, or per address for anonymous callers: far above what a person or
 * a sensible script sends, a ceiling for a runaway or hostile client. Each root mutation field of
 * a request counts.
 */
export const MUTATIONS_PER_CALLER: RateLimit = {
  name: 'mutations',
  points: 300,
  durationSeconds: 60,
  refusal: 'Too many changes in a minute',
};

/**
 * Spends one of the caller's mutations before a mutation runs. Registered after the AuthGuard, so
 * that a signed-in caller counts as themself wherever they connect from.
 */
@Injectable()
export class MutationRateGuard implements CanActivate {
  constructor(private readonly limits: RateLimits) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const operation = GqlExecutionContext.create(context);
    if (operation.getInfo<{ parentType: { name: string } }>().parentType.name !== 'Mutation') {
      return true;
    }
    const actor = requestContextOf(context).actor;
    const caller =
      actor.kind === 'user'
        ? `user:${actor.userId}`
        : `address:${operation.getContext<{ req: RequestWithContext }>().req.ip}`;
    await this.limits.consume(MUTATIONS_PER_CALLER, caller);
    return true;
  }
}
