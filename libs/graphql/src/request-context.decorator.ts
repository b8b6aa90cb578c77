import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import type { Request } from 'express';

export interface RequestWithContext extends Request {
  requestContext: RequestContext;
}

/** The RequestContext of the current GraphQL operation or HTTP request. */
export function requestContextOf(context: ExecutionContext): RequestContext {
  const request =
    context.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<{ req: RequestWithContext }>().req
      : context.switchToHttp().getRequest<RequestWithContext>();
  return request.requestContext;
}

/** Injects the RequestContext into a resolver or controller method. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  requestContextOf(context),
);
