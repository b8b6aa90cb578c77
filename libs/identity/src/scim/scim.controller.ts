import { Controller, Delete, Get, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { RequestContext, TransactionRunner } from '@standpoint/database';
import { DomainError, RefusalCode } from '@standpoint/errors';
import { Ctx } from '@standpoint/graphql';
import { BackOff, BackOffPolicy, RateLimits } from '@standpoint/rate-limits';
import type { Request, Response } from 'express';
import SCIMMY from 'scimmy';
import { withEntraBooleans } from './entra-patch';
import { asScimError, scimError } from './scim-error';
import { listPage, SCIM_MAX_PAGE, ScimCall } from './scim-protocol';
import { ScimGroupsService } from './scim-groups.service';
import { refuseForbiddenText } from './scim-text';
import { ScimTokensService } from './scim-tokens.service';
import { ScimUsersService } from './scim-users.service';

/**
 * Requests with a wrong or revoked token, per client address: an identity provider whose token
 * was rotated retries a few times, a guesser is slowed down to nothing. A request that
 * authenticates gives its attempt back.
 */
export const SCIM_AUTHENTICATION_POLICY: BackOffPolicy = {
  name: 'scim:address',
  attemptsWithoutDelay: 10,
  firstDelaySeconds: 10,
  maxDelaySeconds: 15 * 60,
  memorySeconds: 60 * 60,
  refusal: 'Too many SCIM requests with a wrong token',
};

/** The SCIM resource types by their endpoint; the first three are read-only descriptions. */
const RESOURCES = {
  ServiceProviderConfig: SCIMMY.Resources.ServiceProviderConfig,
  ResourceTypes: SCIMMY.Resources.ResourceType,
  Schemas: SCIMMY.Resources.Schema,
  Users: SCIMMY.Resources.User,
  Groups: SCIMMY.Resources.Group,
} as const;

type Endpoint = keyof typeof RESOURCES;

/** What a list request may ask (RFC 7644 §3.4.2). */
interface ListQuery {
  filter?: string;
  startIndex?: string;
  count?: string;
  attributes?: string;
  excludedAttributes?: string;
}

const SCIM_ERROR = SCIMMY.Messages.Error.id;

/** What a SCIM answer to a change carries: not cached, and not sniffed. */
const HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * `/scim/v2`: a brand's identity provider provisions its members (RFC 7644), authenticated by the
 * brand's bearer token, which reaches that brand only. SCIMMY speaks the protocol (scim-protocol.ts);
 * each change runs in one transaction, as the provider's actor.
 */
@Controller('scim/v2')
export class ScimController {
  private readonly failures: BackOff;

  constructor(
    private readonly tokens: ScimTokensService,
    private readonly users: ScimUsersService,
    private readonly groups: ScimGroupsService,
    private readonly transactions: TransactionRunner,
    limits: RateLimits,
  ) {
    this.failures = new BackOff(limits, SCIM_AUTHENTICATION_POLICY);
  }

  @Get(':endpoint')
  list(
    @Ctx() ctx: RequestContext,
    @Param('endpoint') endpoint: string,
    @Query() query: ListQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.serve(ctx, request, response, false, async (call) => {
      const type = resourceOf(endpoint);
      if (!isWritable(endpoint)) return [200, await new type().read(call)];
      return [200, await listPage(endpoint, new type(undefined, listParameters(query)), call)];
    });
  }

  @Get(':endpoint/:id')
  get(
    @Ctx() ctx: RequestContext,
    @Param('endpoint') endpoint: string,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.serve(ctx, request, response, false, async (call) => {
      return [200, await new (resourceOf(endpoint))(id).read(call)];
    });
  }

  @Post(':endpoint')
  create(
    @Ctx() ctx: RequestContext,
    @Param('endpoint') endpoint: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.serve(ctx, request, response, true, async (call) => {
      return [201, await new (writableOf(endpoint))().write(request.body, call)];
    });
  }

  @Put(':endpoint/:id')
  replace(
    @Ctx() ctx: RequestContext,
    @Param('endpoint') endpoint: string,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.serve(ctx, request, response, true, async (call) => {
      return [200, await new (writableOf(endpoint))(id).write(request.body, call)];
    });
  }

  @Patch(':endpoint/:id')
  patch(
    @Ctx() ctx: RequestContext,
    @Param('endpoint') endpoint: string,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.serve(ctx, request, response, true, async (call) => {
      const resource = new (writableOf(endpoint))(id);
      // SCIMMY answers nothing when the operations changed nothing: the resource is answered still.
      const message = withEntraBooleans(request.body) as Parameters<typeof resource.patch>[0];
      return [200, (await resource.patch(message, call)) ?? (await resource.read(call))];
    });
  }

  @Delete(':endpoint/:id')
  remove(
    @Ctx() ctx: RequestContext,
    @Param('endpoint') endpoint: string,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.serve(ctx, request, response, true, async (call) => {
      await new (writableOf(endpoint))(id).dispose(call);
      return [204, undefined];
    });
  }

  /**
   * Authenticates the request, runs `operation` as the brand's provider (in one transaction when
   * it `changes` anything) and answers its result, or the SCIM error body of its refusal.
   */
  private async serve(
    ctx: RequestContext,
    request: Request,
    response: Response,
    changes: boolean,
    operation: (call: ScimCall) => Promise<[number, unknown]>,
  ): Promise<void> {
    response.set(HEADERS);
    try {
      const call = await this.authenticate(ctx, request);
      if (changes) refuseForbiddenText(request.body);
      const [status, body] = changes
        ? await this.transactions.run(ctx, () => operation(call))
        : await operation(call);
      const location = (body as { meta?: { location?: string } } | undefined)?.meta?.location;
      if (status === 201 && location) response.set('Location', location);
      if (body === undefined) response.status(status).end();
      else response.status(status).type('application/scim+json').send(JSON.stringify(body));
    } catch (thrown) {
      if (thrown instanceof DomainError && thrown.code === RefusalCode.TOO_MANY_REQUESTS) {
        // RFC 7644 names no 429, so SCIMMY makes no body for it; providers know it and wait.
        const body = { schemas: [SCIM_ERROR], status: '429', detail: thrown.message };
        response.set('Retry-After', String(thrown.details?.retryAfterSeconds));
        response.status(429).type('application/scim+json').send(JSON.stringify(body));
        return;
      }
      const error = asScimError(thrown);
      if (!(error instanceof SCIMMY.Types.Error)) throw error;
      if (error.status === 401) response.set('WWW-Authenticate', 'Bearer realm="scim"');
      response
        .status(error.status)
        .type('application/scim+json')
        .send(JSON.stringify(new SCIMMY.Messages.Error(error)));
    }
  }

  /** The brand's provider behind the bearer token; a wrong or revoked token is refused (401). */
  private async authenticate(ctx: RequestContext, request: Request): Promise<ScimCall> {
    const address = request.ip ?? 'unknown';
    await this.failures.attempt(address);
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const actor = token ? await this.tokens.actorOf(ctx.em, token) : null;
    if (!actor) throw scimError(401, null, 'The bearer token is wrong or has been revoked');
    await this.failures.giveBack(address);
    ctx.actor = actor;
    return { ctx, brandId: actor.brandId, users: this.users, groups: this.groups };
  }
}

function resourceOf(endpoint: string): (typeof RESOURCES)[Endpoint] {
  if (!Object.hasOwn(RESOURCES, endpoint)) throw scimError(404, null, `No endpoint ${endpoint}`);
  return RESOURCES[endpoint as Endpoint];
}

/** Users and Groups: the resource types that change. */
function writableOf(
  endpoint: string,
): typeof SCIMMY.Resources.User | typeof SCIMMY.Resources.Group {
  if (isWritable(endpoint)) return RESOURCES[endpoint];
  // SCIM's error statuses have no 405: a description that cannot change is 501, as SCIMMY says.
  if (Object.hasOwn(RESOURCES, endpoint))
    throw scimError(501, null, `${endpoint} cannot be changed`);
  throw scimError(404, null, `No endpoint ${endpoint}`);
}

function isWritable(endpoint: string): endpoint is 'Users' | 'Groups' {
  return endpoint === 'Users' || endpoint === 'Groups';
}

/** A list request's parameters for SCIMMY, `count` lowered to SCIM_MAX_PAGE. */
function listParameters(query: ListQuery): ConstructorParameters<typeof SCIMMY.Types.Resource>[1] {
  const count = query.count === undefined ? SCIM_MAX_PAGE : Number(query.count);
  const startIndex = query.startIndex === undefined ? 1 : Number(query.startIndex);
  if (!Number.isInteger(count) || !Number.isInteger(startIndex)) {
    throw scimError(400, 'invalidValue', 'startIndex and count must be integers');
  }
  return {
    ...pick(query, ['filter', 'attributes', 'excludedAttributes']),
    startIndex: Math.max(startIndex, 1),
    count: Math.min(Math.max(count, 0), SCIM_MAX_PAGE),
  };
}

function pick(query: ListQuery, keys: (keyof ListQuery)[]): Partial<ListQuery> {
  return Object.fromEntries(
    keys.filter((key) => typeof query[key] === 'string').map((key) => [key, query[key]]),
  );
}
