import { DeadlineExceededError, withinDeadline } from './delivery-deadline';

describe('withinDeadline', () => {
  it('answers what the attempt answers in time', async () => {
    await expect(withinDeadline(1_000, 'the party', async () => 'sent')).resolves.toBe('sent');
  });

  it('fails with the error of an attempt that fails in time', async () => {
    const refusal = new Error('550 no such mailbox');
    await expect(withinDeadline(1_000, 'the party', () => Promise.reject(refusal))).rejects.toBe(
      refusal,
    );
  });

  it('aborts the attempt at the deadline and fails naming the party and the deadline', async () => {
    let seen: AbortSignal | undefined;
    const attempt = withinDeadline(50, 'the webhook receiver', (signal) => {
      seen = signal;
      // An attempt that ignores its signal (a DNS lookup) still cannot hold the caller.
      return new Promise<never>(() => undefined);
    });

    await expect(attempt).rejects.toThrow(
      new DeadlineExceededError('the webhook receiver did not finish within 50 ms'),
    );
    expect(seen?.aborted).toBe(true);
  });

  it('fails with the deadline, not the abort error of an attempt that honours its signal', async () => {
    const attempt = withinDeadline(
      50,
      'the SMTP server',
      (signal) =>
        new Promise<never>((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('Message sending aborted'))),
        ),
    );

    await expect(attempt).rejects.toBeInstanceOf(DeadlineExceededError);
  });
});
