import { ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { RegisterWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook-endpoint.input';
import { RegisteredWebhookEndpointModel, WebhookEndpointModel } from './webhook-endpoint.model';
import { WebhookEndpointsService } from './webhook-endpoints.service';

/** The brand admins' webhook endpoints. */
@Resolver()
export class WebhooksResolver {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Mutation(() => RegisteredWebhookEndpointModel, {
    description:
      'Registers an endpoint; the answer holds its signing secret, shown only this once.',
  })
  registerWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RegisterWebhookEndpointInput,
  ): Promise<RegisteredWebhookEndpointModel> {
    return this.endpoints.register(ctx, input);
  }

  @Mutation(() => WebhookEndpointModel)
  updateWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Args('input') input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointModel> {
    return this.endpoints.update(ctx, input);
  }

  @Mutation(() => ID, { description: 'Removes an endpoint; answers its id.' })
  deleteWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<string> {
    return this.endpoints.delete(ctx, id);
  }

  @Query(() => [WebhookEndpointModel], {
    description: "The brand's webhook endpoints (brand admins only), oldest first.",
  })
  webhookEndpoints(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<WebhookEndpointModel[]> {
    return this.endpoints.ofBrand(ctx, brandId);
  }
}
