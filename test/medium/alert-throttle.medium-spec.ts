import { AlertThrottle } from '@standpoint/notifications';
import { FakeClock, useTestServices } from '@standpoint/testing';
import { CliModule } from '../../apps/cli/src/cli.module';

const HOUR = 3_600_000;

/**
 * The throttle of the admins' alerts on the real database: one alert per brand and key per
 * window, also when two transactions ask at the same moment (two workers giving up on one
 * endpoint), on either side of a window's end.
 */
describe('AlertThrottle', () => {
  const clock = new FakeClock(new Date('2026-12-06T09:00:00.000Z'));
  const s = useTestServices(CliModule, {}, { clock });
  const allowSideBySide = (brandId: string, key: string) =>
    Promise.all(
      [1, 2].map(() => s.asSystem((ctx) => s.get(AlertThrottle).allow(ctx, brandId, key, HOUR))),
    );

  it('lets one of two simultaneous first alerts through, then none until the window ends, then one again', async () => {
    expect((await allowSideBySide('brd_a', 'k')).sort()).toEqual([false, true]);
    clock.advanceHours(0.99);
    expect(await allowSideBySide('brd_a', 'k')).toEqual([false, false]);
    clock.advanceHours(0.02);
    expect((await allowSideBySide('brd_a', 'k')).sort()).toEqual([false, true]);
  });

  it('keeps each brand and key apart', async () => {
    const allow = (brandId: string, key: string) =>
      s.asSystem((ctx) => s.get(AlertThrottle).allow(ctx, brandId, key, HOUR));
    expect(await allow('brd_b', 'one')).toBe(true);
    expect(await allow('brd_b', 'two')).toBe(true);
    expect(await allow('brd_c', 'one')).toBe(true);
    expect(await allow('brd_b', 'one')).toBe(false);
  });
});
