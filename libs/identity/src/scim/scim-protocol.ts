import { RequestContext } from '@standpoint/database';
import SCIMMY from 'scimmy';
import { asScimError } from './scim-error';
import { WantedByEquality } from './scim-resources';
import { ScimGroupsService } from './scim-groups.service';
import { ScimUsersService } from './scim-users.service';

type Resource = SCIMMY.Types.Resource;

/** The User or Group core schema, as a resource is written out with it. */
type CoreSchema = new (
  resource: object,
  direction: 'out',
  basepath: string,
  attributes?: SCIMMY.Types.Filter,
) => SCIMMY.Types.Schema;

/** The most resources one list answers (`count` above it is lowered to it). */
export const SCIM_MAX_PAGE = 100;

/**
 * What one SCIM request hands SCIMMY's handlers: its context (the brand's provider as actor, the
 * transaction) and the services. The handlers are SCIMMY's process-wide singletons, so they take
 * everything from the request, never from the application that declared them.
 */
/** What the Users and the Groups services both do, as SCIMMY's handlers call them. */
interface ScimResourceService {
  get(ctx: RequestContext, brandId: string, id: string): Promise<object>;
  list(ctx: RequestContext, brandId: string, wanted?: WantedByEquality): Promise<object[]>;
  create(ctx: RequestContext, brandId: string, input: never): Promise<object>;
  replace(ctx: RequestContext, brandId: string, id: string, input: never): Promise<object>;
  remove(ctx: RequestContext, brandId: string, id: string): Promise<void>;
}

export interface ScimCall {
  ctx: RequestContext;
  brandId: string;
  users: ScimUsersService;
  groups: ScimGroupsService;
}

/**
 * Declares Standpoint's SCIM service to SCIMMY, which then speaks the protocol: the discovery
 * documents, parsing filters, applying PATCH operations, checking resources against the core
 * schemas, list responses and error bodies. What a User or Group means here is the services'.
 */
export function declareScimProtocol(baseUrl: string): void {
  SCIMMY.Config.set({
    documentationUri: undefined,
    patch: true,
    filter: SCIM_MAX_PAGE,
    sort: false,
    bulk: false,
    changePassword: false,
    etag: false,
    authenticationSchemes: [],
  });
  SCIMMY.Config.set('authenticationSchemes', {
    type: 'oauthbearertoken',
    name: 'Bearer token',
    description:
      'The brand’s SCIM token (GraphQL createScimToken), sent as `Authorization: Bearer`.',
    primary: true,
  });
  for (const resource of [SCIMMY.Resources.Schema, SCIMMY.Resources.ResourceType]) {
    resource.basepath(baseUrl);
  }
  SCIMMY.Resources.ServiceProviderConfig.basepath(baseUrl);

  declareResource(SCIMMY.Resources.User, baseUrl, (call) => call.users);
  declareResource(SCIMMY.Resources.Group, baseUrl, (call) => call.groups);
}

/** A resource type whose handlers are `service`'s, for the request's brand. */
function declareResource(
  type: typeof SCIMMY.Resources.User | typeof SCIMMY.Resources.Group,
  baseUrl: string,
  service: (call: ScimCall) => ScimResourceService,
): void {
  // One handler type for both: SCIMMY types each resource's with its own schema.
  const resource = type as unknown as typeof SCIMMY.Types.Resource;
  SCIMMY.Resources.declare(type);
  resource.basepath(baseUrl);
  resource.ingress(
    scimHandler((target: Resource, instance: unknown, call: ScimCall) =>
      target.id
        ? service(call).replace(call.ctx, call.brandId, target.id, instance as never)
        : service(call).create(call.ctx, call.brandId, instance as never),
    ),
  );
  // One resource (a GET by id, and what a PATCH applies to); lists are listPage's.
  resource.egress(
    scimHandler((target: Resource, call: ScimCall) =>
      service(call).get(call.ctx, call.brandId, `${target.id}`),
    ),
  );
  resource.degress(
    scimHandler((target: Resource, call: ScimCall) =>
      service(call).remove(call.ctx, call.brandId, `${target.id}`),
    ),
  );
}

/**
 * A list request's page: the resources its filter selects, the page of them asked for, and only
 * that page put through the core schema (SCIMMY's own `read` would put every match through it, a
 * quarter of a second for a brand of a thousand users).
 */
export async function listPage(
  endpoint: 'Users' | 'Groups',
  resource: Resource,
  call: ScimCall,
): Promise<SCIMMY.Messages.ListResponse> {
  const [schema, basepath, service]: [CoreSchema, unknown, ScimResourceService] =
    endpoint === 'Users'
      ? [SCIMMY.Schemas.User, SCIMMY.Resources.User.basepath(), call.users]
      : [SCIMMY.Schemas.Group, SCIMMY.Resources.Group.basepath(), call.groups];
  const all = matching(
    resource,
    await service
      .list(call.ctx, call.brandId, wantedByEquality(resource))
      .catch((error: unknown) => Promise.reject(asScimError(error))),
  );
  const { startIndex = 1, count = SCIM_MAX_PAGE } = resource.constraints ?? {};
  const page = all
    .slice(startIndex - 1, startIndex - 1 + count)
    .map((item) => new schema(item, 'out', `${basepath}`, resource.attributes));
  const list = new SCIMMY.Messages.ListResponse(page, {
    startIndex,
    count,
    totalResults: all.length,
  });
  // Handed a page, SCIMMY would cut it again from startIndex when it is longer than that.
  list.Resources = page;
  return list;
}

/** The attributes whose values compare whatever their case (RFC 7643: not `caseExact`). */
const CASE_INSENSITIVE = new Set(['username', 'displayname']);

/**
 * The resources a list request's filter selects, userName and displayName compared whatever their
 * case: SCIMMY compares exactly, so both sides of those are lower-cased for the comparison.
 */
function matching<T extends object>(resource: Resource, all: T[]): T[] {
  if (!resource.filter) return all;
  const filter = new SCIMMY.Types.Filter(
    resource.filter.map((expression: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(expression).map(([attribute, test]) => [
          attribute,
          CASE_INSENSITIVE.has(attribute.toLowerCase()) && Array.isArray(test)
            ? test.map(lowerCased)
            : test,
        ]),
      ),
    ),
  );
  const compared = all.map((item) =>
    Object.fromEntries(
      Object.entries(item).map(([key, value]) => [
        key,
        CASE_INSENSITIVE.has(key.toLowerCase()) ? lowerCased(value) : value,
      ]),
    ),
  );
  const kept = new Set(filter.match(compared));
  return all.filter((_, index) => kept.has(compared[index]));
}

function lowerCased(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

/** The filter as a WantedByEquality, when it is exactly one `eq` of a text value. */
function wantedByEquality(resource: Resource): WantedByEquality | undefined {
  const expressions = resource.filter ?? [];
  if (expressions.length !== 1) return undefined;
  const tests = Object.entries(expressions[0] as Record<string, unknown>);
  if (tests.length !== 1) return undefined;
  const [attribute, test] = tests[0];
  if (!Array.isArray(test) || test.length !== 2) return undefined;
  const [operator, value] = test as unknown[];
  if (operator !== 'eq' || typeof value !== 'string') return undefined;
  return { attribute, value };
}

/** A handler whose refusals reach SCIMMY as SCIM errors (it answers anything else with a 404). */
function scimHandler<A extends unknown[], R>(
  handler: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return (...args) =>
    handler(...args).catch((error: unknown) => {
      throw asScimError(error);
    });
}
