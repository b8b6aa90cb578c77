import { Controller, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Authenticator, bearerToken, Ctx } from '@standpoint/graphql';
import { RateLimit, RateLimits } from '@standpoint/rate-limits';
import type { Request } from 'express';
import { LISTENING_IMPORT_LIMITS } from '../rules';
import { ListeningImportAnswer } from './listening-import-answer';
import { ListeningImportsService } from './listening-imports.service';

/**
 * Imports per signed-in user: each may have the server read a file of 32 MiB. Far above what a
 * team imports in a crisis; a ceiling for a runaway script.
 */
export const LISTENING_IMPORTS_PER_USER: RateLimit = {
  name: 'listening-imports',
  points: 30,
  durationSeconds: 600,
  refusal: 'Too many listening imports in ten minutes',
};

/**
 * `POST /proposals/<id>/listening-imports?preset=brandwatch&query=…&fileName=…` (or `mapping=<JSON>`
 * instead of a preset): the raw CSV export as the body (`Content-Type: text/csv`), read as it
 * arrives. Authenticated by the same access token as GraphQL (`Authorization: Bearer`), and by
 * nothing else: no cookie is ever read, so another site cannot make a browser send one.
 * Answers 201 with the evidence and its figures, or the refusal with its status (400 with the bad
 * lines, 401, 403, 404, 413, 429).
 */
@Controller('proposals')
export class ListeningImportsController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly imports: ListeningImportsService,
    private readonly limits: RateLimits,
  ) {}

  @Post(':id/listening-imports')
  @HttpCode(201)
  async import(
    @Ctx() ctx: RequestContext,
    @Param('id') proposalId: string,
    @Headers('authorization') authorization: string | undefined,
    @Headers('content-type') contentType: string | undefined,
    @Headers('content-length') contentLength: string | undefined,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
  ): Promise<ListeningImportAnswer> {
    const token = bearerToken(authorization);
    const actor = token && (await this.authenticator.authenticate(ctx, token));
    if (!actor) {
      throw DomainError.unauthenticated(
        token
          ? 'The access token is invalid or has expired; sign in again'
          : 'Send Authorization: Bearer <token>',
      );
    }
    ctx.actor = actor;
    await this.limits.consume(LISTENING_IMPORTS_PER_USER, `user:${actor.userId}`);
    if (!/^text\/csv\s*(;|$)/i.test(contentType ?? '')) {
      throw DomainError.badInput('Send the export as the body, with Content-Type: text/csv');
    }
    // A declared size over the limit is refused before a byte is read; a body sent in chunks is
    // counted as it arrives.
    if (Number(contentLength) > LISTENING_IMPORT_LIMITS.maxBytes) {
      throw DomainError.tooLarge(
        `The file is larger than ${LISTENING_IMPORT_LIMITS.maxBytes.toLocaleString('en-US')} bytes, the most one import reads`,
      );
    }
    return this.imports.import(ctx, {
      proposalId,
      file: request,
      fileName: text(query.fileName, 'fileName') ?? 'upload.csv',
      preset: text(query.preset, 'preset'),
      mapping: mappingOf(text(query.mapping, 'mapping')),
      query: text(query.query, 'query'),
    });
  }
}

/** A query parameter given once, as text. */
function text(value: unknown, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw DomainError.badInput(`Give the ${name} parameter once, as text`);
}

function mappingOf(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw DomainError.badInput('The mapping parameter is not JSON');
  }
}
