import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { AUDIT_ENTITY_TYPES, AuditData, WebhookEndpointSettings } from '@standpoint/events';
import { Operation, requireBrandOperation, requireUser } from '@standpoint/identity';
import { randomBytes } from 'node:crypto';
import { RegisterWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook-endpoint.input';
import { RegisteredWebhookEndpointModel, WebhookEndpointModel } from './webhook-endpoint.model';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { checkedTargetUrl } from '@standpoint/outbound';

/** The brand admins' webhook endpoints: registered, changed and removed, each change audited. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(
    ctx: RequestContext,
    input: RegisterWebhookEndpointInput,
  ): Promise<RegisteredWebhookEndpointModel> {
    requireBrandOperation(ctx, input.brandId, Operation.MANAGE_WEBHOOKS);
    const url = await this.checkedUrl(input.url);
    const now = this.clock.now();
    const endpoint: WebhookEndpointEntity = {
      id: newId('whk'),
      brandId: input.brandId,
      url,
      secret: input.secret ?? `whsec_${randomBytes(32).toString('hex')}`,
      eventTypes: [...new Set(input.eventTypes)],
      enabled: true,
      createdById: requireUser(ctx).userId,
      createdAt: now,
      updatedAt: now,
    };
    await ctx.em.insert(WebhookEndpointEntity, endpoint);
    await this.record(ctx, endpoint, 'webhook_endpoint.registered', {
      ...settingsOf(endpoint),
      secretGenerated: !input.secret,
    });
    return Object.assign(new RegisteredWebhookEndpointModel(), {
      endpoint: WebhookEndpointModel.from(endpoint),
      secret: endpoint.secret,
    });
  }

  async ofBrand(ctx: RequestContext, brandId: string): Promise<WebhookEndpointModel[]> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_WEBHOOKS);
    const rows = await ctx.em.find(WebhookEndpointEntity, {
      where: { brandId },
      order: { id: 'ASC' },
    });
    return rows.map((row) => WebhookEndpointModel.from(row));
  }

  async update(
    ctx: RequestContext,
    input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointModel> {
    const before = await this.forChange(ctx, input.id);
    const after: WebhookEndpointEntity = {
      ...before,
      url: input.url != null ? await this.checkedUrl(input.url) : before.url,
      eventTypes: input.eventTypes ? [...new Set(input.eventTypes)] : before.eventTypes,
      enabled: input.enabled ?? before.enabled,
      secret: input.secret ?? before.secret,
      updatedAt: this.clock.now(),
    };
    const { id: _id, ...changes } = after;
    await ctx.em.update(WebhookEndpointEntity, { id: before.id }, changes);
    await this.record(ctx, after, 'webhook_endpoint.updated', {
      before: settingsOf(before),
      after: settingsOf(after),
      secretChanged: after.secret !== before.secret,
    });
    return WebhookEndpointModel.from(after);
  }

  /** Removes the endpoint; deliveries still queued for it are refused by the transport. */
  async delete(ctx: RequestContext, id: string): Promise<string> {
    const endpoint = await this.forChange(ctx, id);
    await ctx.em.delete(WebhookEndpointEntity, { id });
    await this.record(ctx, endpoint, 'webhook_endpoint.deleted', settingsOf(endpoint));
    return id;
  }

  /** The endpoint, if the caller may manage its brand's webhooks; NOT_FOUND outside the brand. */
  private async forChange(ctx: RequestContext, id: string): Promise<WebhookEndpointEntity> {
    const endpoint = await ctx.em.findOneBy(WebhookEndpointEntity, { id });
    if (!endpoint) throw DomainError.notFound('WebhookEndpoint');
    requireBrandOperation(ctx, endpoint.brandId, Operation.MANAGE_WEBHOOKS);
    return endpoint;
  }

  private async checkedUrl(text: string): Promise<string> {
    const url = await checkedTargetUrl(text, this.config.webhooksAllowPrivateTargets, 'input.url');
    return url.toString();
  }

  private record<A extends WebhookEndpointAction>(
    ctx: RequestContext,
    endpoint: WebhookEndpointEntity,
    action: A,
    data: AuditData<A>,
  ) {
    return this.audit.append(ctx, {
      brandId: endpoint.brandId,
      action,
      entityType: AUDIT_ENTITY_TYPES[action],
      entityId: endpoint.id,
      data,
    });
  }
}

type WebhookEndpointAction =
  'webhook_endpoint.registered' | 'webhook_endpoint.updated' | 'webhook_endpoint.deleted';

/** What the audit trail records of an endpoint: everything but its secret. */
function settingsOf(endpoint: WebhookEndpointEntity): WebhookEndpointSettings {
  return { url: endpoint.url, eventTypes: endpoint.eventTypes, enabled: endpoint.enabled };
}
