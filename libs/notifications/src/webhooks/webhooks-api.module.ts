import { Module } from '@nestjs/common';
import { WebhooksModule } from './webhooks.module';
import { WebhooksResolver } from './webhooks.resolver';

/** The webhooks as the API serves them. */
@Module({ imports: [WebhooksModule], providers: [WebhooksResolver] })
export class WebhooksApiModule {}
