import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext, ScimActor } from '@standpoint/database';
import { EntityManager } from 'typeorm';
import { Operation } from '../access-policy';
import { requireBrandOperation } from '../brand-access';
import { linkSecretHash, newLinkSecret } from '../link-secret';
import { ScimTokenEntity } from './scim-token.entity';

/** A token is the base64url of 256 bits: anything else opens nothing, and is not even looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A token just made, shown this once. */
export interface NewScimToken {
  id: string;
  label: string;
  token: string;
  createdAt: Date;
}

/** A brand's token as its ADMIN sees it afterwards: never the token itself. */
export interface ScimTokenInfo {
  id: string;
  label: string;
  createdAt: Date;
}

/**
 * Each brand's SCIM bearer token: made (replacing the one before) and revoked by the brand's
 * ADMIN, each time audited; presented by the brand's identity provider on every SCIM request.
 */
@Injectable()
export class ScimTokensService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A new token for the brand; the previous one, if any, stops working at once. */
  async create(ctx: RequestContext, brandId: string, label: string): Promise<NewScimToken> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    const replaced = await ctx.em.findOneBy(ScimTokenEntity, { brandId });
    if (replaced) await ctx.em.delete(ScimTokenEntity, { id: replaced.id });
    const { token, tokenHash } = newLinkSecret();
    const row: ScimTokenEntity = {
      id: newId('sct'),
      brandId,
      label: label.trim(),
      tokenHash,
      createdAt: this.clock.now(),
    };
    await ctx.em.insert(ScimTokenEntity, row);
    await this.audit.append(ctx, {
      brandId,
      action: 'scim_token.created',
      entityType: 'ScimToken',
      entityId: row.id,
      data: { label: row.label, replacedTokenId: replaced?.id ?? null },
    });
    return { id: row.id, label: row.label, token, createdAt: row.createdAt };
  }

  /** Ends the brand's token: every SCIM request with it is refused from now on. False when none. */
  async revoke(ctx: RequestContext, brandId: string): Promise<boolean> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    const row = await ctx.em.findOneBy(ScimTokenEntity, { brandId });
    if (!row) return false;
    await ctx.em.delete(ScimTokenEntity, { id: row.id });
    await this.audit.append(ctx, {
      brandId,
      action: 'scim_token.revoked',
      entityType: 'ScimToken',
      entityId: row.id,
      data: { label: row.label },
    });
    return true;
  }

  async of(ctx: RequestContext, brandId: string): Promise<ScimTokenInfo | null> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_MEMBERS);
    const row = await ctx.em.findOneBy(ScimTokenEntity, { brandId });
    return row && { id: row.id, label: row.label, createdAt: row.createdAt };
  }

  /** The provider a bearer token stands for, or null (unknown, revoked, malformed). */
  async actorOf(em: EntityManager, token: string): Promise<ScimActor | null> {
    if (!TOKEN.test(token)) return null;
    const row = await em.findOneBy(ScimTokenEntity, { tokenHash: linkSecretHash(token) });
    return row && { kind: 'scim', brandId: row.brandId, tokenId: row.id, label: row.label };
  }
}
