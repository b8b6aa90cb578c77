import { Logger } from '@nestjs/common';
import { CommittedAuditEvent } from './audit-event-bus';
import { InProcessAuditEventBus } from './in-process-audit-event-bus';

const event = (brandId: string, seq: number): CommittedAuditEvent => ({
  id: `aud_${brandId}_${seq}`,
  brandId,
  seq,
  at: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)),
  actorId: 'usr_1',
  action: 'proposal.created',
  entityType: 'Proposal',
  entityId: `prp_${seq}`,
  data: {},
});

describe('InProcessAuditEventBus', () => {
  afterEach(() => jest.restoreAllMocks());

  it("delivers each event to the brand's listeners only, in publishing order", () => {
    const bus = new InProcessAuditEventBus();
    const a: number[] = [];
    const b: number[] = [];
    bus.subscribe('brd_a', (e) => a.push(e.seq));
    bus.subscribe('brd_b', (e) => b.push(e.seq));

    bus.publish(event('brd_a', 1));
    bus.publish(event('brd_b', 1));
    bus.publish(event('brd_a', 2));

    expect(a).toEqual([1, 2]);
    expect(b).toEqual([1]);
  });

  it('stops delivering once unsubscribed, and counts listeners per brand', () => {
    const bus = new InProcessAuditEventBus();
    const seen: number[] = [];
    const stop = bus.subscribe('brd_a', (e) => seen.push(e.seq));
    bus.subscribe('brd_a', () => undefined);
    expect(bus.listenerCount('brd_a')).toBe(2);
    expect(bus.listenerCount('brd_b')).toBe(0);

    bus.publish(event('brd_a', 1));
    stop();
    stop();
    bus.publish(event('brd_a', 2));

    expect(seen).toEqual([1]);
    expect(bus.listenerCount('brd_a')).toBe(1);
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const bus = new InProcessAuditEventBus();
    const seen: number[] = [];
    const listener = (e: CommittedAuditEvent) => seen.push(e.seq);
    const stopFirst = bus.subscribe('brd_a', listener);
    bus.subscribe('brd_a', listener);

    stopFirst();
    bus.publish(event('brd_a', 1));

    expect(seen).toEqual([1]);
  });

  it('keeps delivering to the other listeners when one throws', () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const bus = new InProcessAuditEventBus();
    const seen: number[] = [];
    bus.subscribe('brd_a', () => {
      throw new Error('broken listener');
    });
    bus.subscribe('brd_a', (e) => seen.push(e.seq));

    expect(() => bus.publish(event('brd_a', 1))).not.toThrow();
    expect(seen).toEqual([1]);
  });

  it('lets a listener unsubscribe while an event is being delivered', () => {
    const bus = new InProcessAuditEventBus();
    const seen: string[] = [];
    const stop = bus.subscribe('brd_a', () => {
      seen.push('first');
      stop();
    });
    bus.subscribe('brd_a', () => seen.push('second'));

    bus.publish(event('brd_a', 1));
    bus.publish(event('brd_a', 2));

    expect(seen).toEqual(['first', 'second', 'second']);
  });
});
