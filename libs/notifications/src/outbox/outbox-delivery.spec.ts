import { setImmediate as nextTurn } from 'node:timers/promises';
import { OutboxDelivery } from './outbox-delivery.service';
import { OutboxChannel, OutboxMessageEntity } from './outbox-message.entity';

/**
 * The run's loop alone: claims and deliveries stand in for the database and the network. The
 * email deliveries end at once, while the other channels' claims each take a turn of the event
 * loop, as a database round trip does.
 */
describe('OutboxDelivery.runDue', () => {
  function deliveryOf(dueEmails: number) {
    let due = dueEmails;
    const delivered: string[] = [];
    const claim = async (channel: OutboxChannel, count: number) => {
      if (channel !== 'EMAIL') {
        await nextTurn();
        return [];
      }
      const taken = Math.min(count, due);
      due -= taken;
      return Array.from({ length: taken }, () => ({ id: `msg_${due}` }) as OutboxMessageEntity);
    };
    // The loop alone, without the services its constructor takes.
    const delivery: OutboxDelivery = Object.assign(Object.create(OutboxDelivery.prototype), {
      stopping: false,
      config: { workerIntervalMs: 60_000 },
      claim,
      deliver: (row: OutboxMessageEntity) => {
        delivered.push(row.id);
        return Promise.resolve();
      },
    });
    return { delivery, delivered, due: () => due };
  }

  it('goes on claiming when every delivery ended while the other channels claimed', async () => {
    const { delivery, delivered, due } = deliveryOf(12);
    expect(await delivery.runDue()).toBe(12);
    expect(delivered).toHaveLength(12);
    expect(due()).toBe(0);
  });

  it('ends once a round finds less due than it has room for', async () => {
    const { delivery } = deliveryOf(3);
    expect(await delivery.runDue()).toBe(3);
    const { delivery: idle } = deliveryOf(0);
    expect(await idle.runDue()).toBe(0);
  });
});
