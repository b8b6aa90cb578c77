import { ConnectionCaps } from './connection-caps';

describe('ConnectionCaps', () => {
  it('gives each key `max` places, and a place back when its connection ends', () => {
    const caps = new ConnectionCaps(2);
    const first = caps.claim('10.0.0.1');
    expect(caps.claim('10.0.0.1')).toBeDefined();
    expect(caps.claim('10.0.0.1')).toBeUndefined();
    expect(caps.claim('10.0.0.2')).toBeDefined();
    first!();
    expect(caps.claim('10.0.0.1')).toBeDefined();
    expect(caps.claim('10.0.0.1')).toBeUndefined();
  });

  it('gives a place back once, however often its release is called', () => {
    const caps = new ConnectionCaps(1);
    const release = caps.claim('usr_1')!;
    release();
    release();
    expect(caps.claim('usr_1')).toBeDefined();
    expect(caps.claim('usr_1')).toBeUndefined();
  });
});
