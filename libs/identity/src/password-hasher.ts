import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { Semaphore } from 'async-mutex';
import { availableParallelism } from 'node:os';

/**
 * argon2id as OWASP's cheat sheet allows and node-argon2 defaults to, stated here so that a change
 * of the library's defaults changes nothing unseen: 64 MiB, 3 passes, 4 lanes, a 32-byte hash and
 * a 16-byte random salt. Each hash carries its parameters, so raising them later still verifies
 * the passwords stored before.
 */
export const ARGON2ID_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 64 * 1024,
  timeCost: 3,
  parallelism: 4,
  hashLength: 32,
} as const;

@Injectable()
export class PasswordHasher {
  /**
   * Each argon2 computation takes a core for a good part of a second. They run side by side on
   * every core but one, the others wait their turn: the core left over is the event loop's, so a
   * burst of sign-ins leaves every other request room to be served.
   */
  private readonly cores = new Semaphore(Math.max(1, availableParallelism() - 1));
  // Verified against when the email is unknown, so both failures take the same time.
  private readonly decoy = this.hash('no such user, no such password');

  hash(password: string): Promise<string> {
    return this.cores.runExclusive(() => argon2.hash(password, ARGON2ID_OPTIONS));
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    const digest = hash || (await this.decoy);
    const valid = await this.cores.runExclusive(() => argon2.verify(digest, password));
    return Boolean(hash) && valid;
  }
}
