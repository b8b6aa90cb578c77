import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext, SecretBox } from '@standpoint/database';
import { AuditData } from '@standpoint/events';
import { Operation, requireBrandOperation, requireUser } from '@standpoint/identity';
import { checkedTargetUrl } from '@standpoint/outbound';
import { SetTeamsConnectionInput } from './teams-connection.input';
import { TeamsConnectionEntity, teamsUrlContext } from './teams-connection.entity';
import { TeamsConnectionModel } from './teams-connection.model';
import { teamsSettingsOf } from './teams-url';

/**
 * The brand admins' Teams workflow: set (or replaced), shown redacted, removed; each change audited
 * without the URL. The URL is checked as a webhook target is (https, a public host, an allowed
 * port) and stored sealed.
 */
@Injectable()
export class TeamsConnectionsService {
  constructor(
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async set(ctx: RequestContext, input: SetTeamsConnectionInput): Promise<TeamsConnectionModel> {
    requireBrandOperation(ctx, input.brandId, Operation.MANAGE_WEBHOOKS);
    const url = await checkedTargetUrl(
      input.url,
      this.config.webhooksAllowPrivateTargets,
      'input.url',
    );
    const before = await this.find(ctx, input.brandId);
    const now = this.clock.now();
    const id = before?.id ?? newId('tms');
    const after: TeamsConnectionEntity = {
      id,
      brandId: input.brandId,
      sealedUrl: this.secrets.seal(url.toString(), teamsUrlContext(id)),
      ...teamsSettingsOf(url),
      createdById: before?.createdById ?? requireUser(ctx).userId,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    if (before) await ctx.em.update(TeamsConnectionEntity, { id }, after);
    else await ctx.em.insert(TeamsConnectionEntity, after);
    await this.record(ctx, after, 'teams_connection.set', {
      before: before && settingsOf(before),
      after: settingsOf(after),
    });
    return TeamsConnectionModel.from(after);
  }

  /** The brand's Teams workflow, or null; admins only. */
  async ofBrand(ctx: RequestContext, brandId: string): Promise<TeamsConnectionModel | null> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_WEBHOOKS);
    const row = await this.find(ctx, brandId);
    return row && TeamsConnectionModel.from(row);
  }

  /** Removes the brand's workflow; cards still queued for it are refused by the transport. */
  async remove(ctx: RequestContext, brandId: string): Promise<boolean> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_WEBHOOKS);
    const row = await this.find(ctx, brandId);
    if (!row) return false;
    await ctx.em.delete(TeamsConnectionEntity, { id: row.id });
    await this.record(ctx, row, 'teams_connection.removed', settingsOf(row));
    return true;
  }

  private find(ctx: RequestContext, brandId: string): Promise<TeamsConnectionEntity | null> {
    return ctx.em.findOneBy(TeamsConnectionEntity, { brandId });
  }

  private record<A extends 'teams_connection.set' | 'teams_connection.removed'>(
    ctx: RequestContext,
    row: TeamsConnectionEntity,
    action: A,
    data: AuditData<A>,
  ) {
    return this.audit.append(ctx, {
      brandId: row.brandId,
      action,
      entityType: 'TeamsConnection',
      entityId: row.id,
      data,
    });
  }
}

function settingsOf(row: TeamsConnectionEntity) {
  return { host: row.host, hint: row.hint };
}
