import { DateTimeScalar } from '@standpoint/graphql';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEventType } from './webhook-events';

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'A change a webhook endpoint can subscribe to.',
});

/** A registered endpoint as its brand's admins see it: never with its secret. */
@ObjectType('WebhookEndpoint')
export class WebhookEndpointModel {
  @Field(() => ID)
  id!: string;

  brandId!: string;

  @Field()
  url!: string;

  @Field(() => [WebhookEventType])
  eventTypes!: WebhookEventType[];

  @Field({ description: 'A disabled endpoint is sent nothing new.' })
  enabled!: boolean;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  static from(row: WebhookEndpointEntity): WebhookEndpointModel {
    return Object.assign(new WebhookEndpointModel(), {
      id: row.id,
      brandId: row.brandId,
      url: row.url,
      eventTypes: row.eventTypes,
      enabled: row.enabled,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

@ObjectType('RegisteredWebhookEndpoint')
export class RegisteredWebhookEndpointModel {
  @Field(() => WebhookEndpointModel)
  endpoint!: WebhookEndpointModel;

  @Field({
    description:
      'The signing secret: the one given, or the one made when none was. Shown this once only.',
  })
  secret!: string;
}
