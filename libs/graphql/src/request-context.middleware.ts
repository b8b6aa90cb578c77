import { Injectable, NestMiddleware } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import type { NextFunction, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RequestWithContext } from './request-context.decorator';

/** Gives every HTTP request (GraphQL included) its RequestContext, keyed by the correlation id. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(private readonly dataSource: DataSource) {}

  use(request: RequestWithContext, response: Response, next: NextFunction): void {
    const correlationId = String((request as { id?: unknown }).id ?? randomUUID());
    response.setHeader('x-correlation-id', correlationId);
    request.requestContext = new RequestContext(this.dataSource, correlationId);
    next();
  }
}
