/** WebSocket close code 1013, "Try Again Later": a temporary refusal, as a cap is. */
export const TRY_AGAIN_LATER = 1013;

/**
 * How many connections each key (a client address, a user) holds open at once, capped: `claim`
 * answers the function that gives the place back when the connection ends, or undefined when the
 * key already holds `max`.
 */
export class ConnectionCaps {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  claim(key: string): (() => void) | undefined {
    const held = this.open.get(key) ?? 0;
    if (held >= this.max) return undefined;
    this.open.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }
}
