import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, readManagerOf } from '@standpoint/database';
import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';
import { DataSource } from 'typeorm';
import { withinDeadline } from '../outbox/delivery-deadline';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { OutboxTransport, PermanentDeliveryError } from '../outbox/outbox-transport';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureOf } from './webhook-signature';
import { CheckedAddress, checkTarget, RefusedTargetError } from './webhook-targets';

/**
 * POSTs a webhook delivery, signed with its endpoint's secret, to an address checked just now (DNS
 * may have changed since registration). A 2xx answer delivers it; any other answer, a redirect
 * included (never followed), throws so that it is tried again. So does a receiver that has not
 * answered in full by WEBHOOK_DEADLINE_MS, however it trickles: the connection is then destroyed.
 */
@Injectable()
export class WebhookTransport implements OutboxTransport {
  readonly channel = 'WEBHOOK' as const;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  deliver(message: OutboxMessageEntity): Promise<void> {
    return withinDeadline(this.config.outbox.webhookDeadlineMs, 'the webhook receiver', (signal) =>
      this.attempt(message, signal),
    );
  }

  private async attempt(message: OutboxMessageEntity, signal: AbortSignal): Promise<void> {
    const endpoint = message.webhookEndpointId
      ? await readManagerOf(this.dataSource).findOneBy(WebhookEndpointEntity, {
          id: message.webhookEndpointId,
        })
      : null;
    if (!endpoint) throw new PermanentDeliveryError('the webhook endpoint was deleted');
    if (!endpoint.enabled) throw new PermanentDeliveryError('the webhook endpoint is disabled');
    const url = new URL(message.recipient);
    let addresses: CheckedAddress[];
    try {
      addresses = await checkTarget(url, this.config.webhooksAllowPrivateTargets);
    } catch (error) {
      if (error instanceof RefusedTargetError) throw new PermanentDeliveryError(error.message);
      throw error;
    }
    const status = await post(url, addresses, message.body, signal, {
      'Content-Type': 'application/json',
      'User-Agent': 'Standpoint-Webhooks',
      [DELIVERY_HEADER]: message.messageId,
      [EVENT_HEADER]: message.topic,
      [SIGNATURE_HEADER]: signatureOf(endpoint.secret, message.body, this.clock.now()),
    });
    if (status < 200 || status >= 300) throw new Error(`the receiver answered HTTP ${status}`);
  }
}

/**
 * Sends the body to the checked addresses only (the URL's host still names it for TLS and Host) and
 * reads the answer to its end; `signal` destroys the connection.
 */
function post(
  url: URL,
  addresses: CheckedAddress[],
  body: string,
  signal: AbortSignal,
  headers: Record<string, string>,
): Promise<number> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
    lookup: pinned,
    signal,
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, options, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
