import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The fields a page's form posted, as parsed, with no pipe: the validation pipe of GraphQL
 * arguments refuses bad text with a GraphQL-style error, while a page answers every problem with
 * its form, on the page (DecisionForm applies the same text rule).
 */
export const FormFields = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Record<string, unknown> => {
    const body: unknown = context.switchToHttp().getRequest<Request>().body;
    return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  },
);
