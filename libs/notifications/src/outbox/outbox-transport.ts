import { Injectable } from '@nestjs/common';
import { OutboxChannel, OutboxMessageEntity } from './outbox-message.entity';

/** Delivers one outbox message over its channel; throws to have it tried again later. */
export interface OutboxTransport {
  readonly channel: OutboxChannel;
  deliver(message: OutboxMessageEntity): Promise<void>;
}

/** Thrown when trying again cannot help (a refused webhook target): the message is dead at once. */
export class PermanentDeliveryError extends Error {}

/** The transport of each channel, registered by the modules that provide them. */
@Injectable()
export class OutboxTransports {
  private readonly byChannel = new Map<OutboxChannel, OutboxTransport>();

  register(transport: OutboxTransport): void {
    this.byChannel.set(transport.channel, transport);
  }

  of(channel: OutboxChannel): OutboxTransport {
    const transport = this.byChannel.get(channel);
    if (!transport) throw new Error(`no transport delivers ${channel} messages`);
    return transport;
  }
}
