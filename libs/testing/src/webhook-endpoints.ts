import { newId } from '@standpoint/database';
import { WebhookEndpointEntity } from '@standpoint/notifications';
import { TestApp } from './test-app';

/**
 * A webhook endpoint written straight to the database, past the API's checks: one registered
 * before a rule existed, or whose host has moved since. It listens to FREEZE_STARTED.
 */
export async function storeWebhookEndpoint(
  t: TestApp,
  fields: { brandId: string; url: string; createdById: string },
): Promise<WebhookEndpointEntity> {
  const now = new Date();
  const endpoint: WebhookEndpointEntity = {
    id: newId('whk'),
    ...fields,
    secret: 'x'.repeat(32),
    eventTypes: ['FREEZE_STARTED' as never],
    enabled: true,
    createdAt: now,
    updatedAt: now,
  };
  await t.dataSource.manager.insert(WebhookEndpointEntity, endpoint);
  return endpoint;
}
