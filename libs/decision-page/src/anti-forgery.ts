import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The decision form's anti-forgery field: an HMAC, under a key only the server knows, of the link
 * token's hash. Only a page this server rendered for that link carries it, so a form posted from
 * anywhere else (or a bare request that knows the link) is refused before anything is read.
 */
@Injectable()
export class AntiForgery {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // A key of its own, derived from the server secret: a form field is never a valid JWT key.
    this.key = createHmac('sha256', config.jwtSecret).update('standpoint decision form').digest();
  }

  fieldFor(token: string): string {
    const tokenHash = createHash('sha256').update(token).digest('hex');
    return createHmac('sha256', this.key).update(tokenHash).digest('base64url');
  }

  accepts(token: string, field: unknown): boolean {
    if (typeof field !== 'string') return false;
    const expected = Buffer.from(this.fieldFor(token));
    const given = Buffer.from(field);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
