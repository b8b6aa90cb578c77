import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { BrandModel } from './models/brand.model';

/** What a later feature sets up for a new brand; what it returns joins the brand.created event. */
export type BrandCreatedHook = (
  ctx: RequestContext,
  brand: BrandModel,
) => Promise<Record<string, unknown>>;

/** Extension points for the features built on brands, run inside the brand's creation. */
@Injectable()
export class BrandHooks {
  private readonly createdHooks: BrandCreatedHook[] = [];

  onCreated(hook: BrandCreatedHook): void {
    this.createdHooks.push(hook);
  }

  async created(ctx: RequestContext, brand: BrandModel): Promise<Record<string, unknown>> {
    let data: Record<string, unknown> = {};
    for (const hook of this.createdHooks) data = { ...data, ...(await hook(ctx, brand)) };
    return data;
  }
}
