import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, isUniqueViolation, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { In } from 'typeorm';
import { Operation } from './access-policy';
import { isPlatformAdmin, requireBrandOperation, requirePlatformAdmin } from './brand-access';
import { BrandEntity } from './brand.entity';
import { identityLoaders } from './identity.loaders';
import { CreateBrandInput } from './inputs/create-brand.input';
import { BrandModel } from './models/brand.model';

@Injectable()
export class BrandsService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(ctx: RequestContext, input: CreateBrandInput): Promise<BrandModel> {
    requirePlatformAdmin(ctx);
    const brands = ctx.em.getRepository(BrandEntity);
    if (await brands.existsBy({ slug: input.slug })) throw slugTaken(input.slug);
    const brand = brands.create({
      id: newId('brd'),
      name: input.name.trim(),
      slug: input.slug,
      createdAt: this.clock.now(),
    });
    try {
      await brands.insert(brand);
    } catch (error) {
      throw isUniqueViolation(error) ? slugTaken(input.slug) : error;
    }
    await this.audit.append(ctx, {
      brandId: brand.id,
      action: 'brand.created',
      entityType: 'Brand',
      entityId: brand.id,
      data: { name: brand.name, slug: brand.slug },
    });
    return BrandModel.from(brand);
  }

  /** The brands the viewer belongs to; every brand for a platform administrator. */
  async visible(ctx: RequestContext): Promise<BrandModel[]> {
    const order = { name: 'ASC', id: 'ASC' } as const;
    const brands = ctx.em.getRepository(BrandEntity);
    if (isPlatformAdmin(ctx)) return (await brands.find({ order })).map(BrandModel.from);
    const memberOf = ctx.actor.kind === 'user' ? [...ctx.actor.brandRoles.keys()] : [];
    if (memberOf.length === 0) return [];
    return (await brands.find({ where: { id: In(memberOf) }, order })).map(BrandModel.from);
  }

  async get(ctx: RequestContext, brandId: string): Promise<BrandModel> {
    requireBrandOperation(ctx, brandId, Operation.READ_BRAND);
    const brand = await identityLoaders.brandById(ctx).load(brandId);
    if (!brand) throw DomainError.notFound('Brand');
    return BrandModel.from(brand);
  }
}

function slugTaken(slug: string): DomainError {
  return DomainError.badInput(`slug: "${slug}" is already taken by another brand (unique)`, {
    fields: [{ field: 'input.slug', rules: ['unique'], messages: ['already taken'] }],
  });
}
