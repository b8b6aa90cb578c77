import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '@standpoint/errors';
import { PUBLIC_OPERATION, requestContextOf, RequestWithContext } from '@standpoint/graphql';
import { AuthService } from './auth.service';

/**
 * Authenticates every GraphQL operation from its bearer token and puts the user, with their
 * roles per brand, on the request context. Operations are private unless marked @Public().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = requestContextOf(context);
    const request = GqlExecutionContext.create(context).getContext<{ req: RequestWithContext }>()
      .req;
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (ctx.actor.kind === 'anonymous' && token) {
      ctx.actor = (await this.auth.authenticate(ctx, token)) ?? ctx.actor;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_OPERATION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic || ctx.actor.kind === 'user') return true;
    throw DomainError.unauthenticated(
      token ? 'The access token is invalid or has expired; sign in again' : undefined,
    );
  }
}
