import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionRunner } from '@standpoint/database';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BrandEntity } from './brand.entity';
import { BrandsService } from './brands.service';
import { MembersService } from './members.service';
import { ALL_ROLES, Role } from './role';

export const DEMO_BRAND_SLUG = 'demo';

export interface DemoAccount {
  role: Role;
  userId: string;
  email: string;
  password: string;
}

export interface DemoBrand {
  brandId: string;
  accounts: DemoAccount[];
}

/** A demo brand with one member of every role, made through the same services as the API. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly brands: BrandsService,
    private readonly members: MembersService,
  ) {}

  /** Creates the demo brand; undefined when it exists already (passwords are shown only once). */
  async seed(onProgress: (message: string) => void): Promise<DemoBrand | undefined> {
    const ctx = RequestContext.system(this.dataSource);
    if (await ctx.em.existsBy(BrandEntity, { slug: DEMO_BRAND_SLUG })) return undefined;
    return this.transactions.run(ctx, async () => {
      const brand = await this.brands.create(ctx, { name: 'Demo Brand', slug: DEMO_BRAND_SLUG });
      onProgress(`created the brand "${brand.name}" (${brand.slug})`);
      const accounts: DemoAccount[] = [];
      for (const role of ALL_ROLES) {
        const email = `${role.toLowerCase().replace('_', '-')}@demo.standpoint.local`;
        const password = randomBytes(12).toString('base64url');
        const membership = await this.members.add(ctx, {
          brandId: brand.id,
          email,
          name: demoName(role),
          roles: [role],
          password,
        });
        onProgress(`added ${email} as ${role}`);
        accounts.push({ role, userId: membership.userId, email, password });
      }
      return { brandId: brand.id, accounts };
    });
  }
}

function demoName(role: Role): string {
  const words = role.toLowerCase().split('_').join(' ');
  return `Demo ${words}`;
}
